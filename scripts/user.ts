/**
 * npm run user -- <command>: staff accounts from the command line, for the first admin and for
 * when nobody can sign in. Admins manage accounts in the console afterwards.
 *
 *   npm run user -- add --role admin --name 王某 --login wang
 *   npm run user -- add --role handler --name 李某 --login li --unit water --email li@water.example.cn
 *   npm run user -- list
 *   npm run user -- reset --login wang        (a new one-time password)
 *   npm run user -- disable --login wang | enable --login wang
 */
import { parseArgs } from 'node:util';
import { STAFF_ROLE_LABELS } from '../src/lib/staff/accounts.ts';
import { createAccount, findAccount, listAccounts, resetPassword, setDisabled } from '../src/server/auth/accounts.ts';
import { createRuntime } from '../src/server/runtime.ts';

const USAGE = `用法：
  npm run user -- add --role admin|dispatcher|handler --name 姓名 --login 登录名 [--unit 单位标识] [--email 邮箱（接收交办和督办通知）]
  npm run user -- list
  npm run user -- reset --login 登录名
  npm run user -- disable --login 登录名
  npm run user -- enable --login 登录名`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { role: { type: 'string' }, name: { type: 'string' }, login: { type: 'string' }, unit: { type: 'string' }, email: { type: 'string' } },
});
const command = positionals[0];
if (!command || !['add', 'list', 'reset', 'disable', 'enable'].includes(command)) {
  console.error(USAGE);
  process.exit(2);
}

/** How the staff log names changes made here. */
const BY = 'command-line';
const runtime = await createRuntime();
let exitCode = 0;
try {
  const one = async () => {
    const account = await findAccount(runtime.store.db, { login: values.login ?? '' });
    if (!account) throw new Error(`没有登录名为「${values.login ?? ''}」的账号`);
    return account;
  };
  if (command === 'add') {
    const result = await createAccount(runtime, { login: values.login, name: values.name, role: values.role, unit: values.unit, email: values.email }, BY);
    if (!result.ok) throw new Error(result.message);
    console.log(`已创建${STAFF_ROLE_LABELS[result.account.role]}账号「${result.account.login}」（${result.account.name}）。`);
    console.log(`一次性密码：${result.oneTimePassword}`);
    console.log('请当面或电话告知本人；首次登录 /console/ 时须设置新密码。此密码不会再次显示。');
  } else if (command === 'list') {
    for (const a of await listAccounts(runtime.store.db))
      console.log(`${a.login}\t${a.name}\t${STAFF_ROLE_LABELS[a.role]}${a.unit ? `（${a.unit}）` : ''}${a.disabled ? '\t已停用' : ''}`);
  } else if (command === 'reset') {
    const account = await one();
    const result = await resetPassword(runtime, account.id, BY);
    if (!result.ok) throw new Error(result.message);
    console.log(`已为「${account.login}」生成新的一次性密码：${result.oneTimePassword}（原有登录已全部退出）`);
  } else {
    const account = await one();
    await setDisabled(runtime, account.id, command === 'disable', BY);
    console.log(command === 'disable' ? `已停用「${account.login}」，其登录已立即失效。` : `已启用「${account.login}」。`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  exitCode = 1;
} finally {
  await runtime.stop();
}
process.exit(exitCode);
