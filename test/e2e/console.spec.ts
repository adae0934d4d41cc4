/**
 * The staff console (督办台) in Chromium and over HTTP: signing in with a one-time password, the
 * queues, a message worked from acceptance to closing by a dispatcher and a unit's handler, the
 * citizen reading the answer; and what must be refused: a handler reaching another unit's message,
 * a form without its CSRF token or from another site, a disabled account's session.
 */
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { createRuntime } from '../../src/server/runtime';
import { createAccount, findAccount, setDisabled } from '../../src/server/auth/accounts';
import { act } from '../../src/server/messages/commands/index';
import { saveDraft } from '../../src/server/messages/commands/save-draft';
import { DISPATCHER, handlerOf } from '../fixtures/actors';
import { expectHeadingsInOrder, expectNoAxeViolations } from './helpers';
import { solvedProof, startServer, type TestServer } from './spawn-server';

test.describe.configure({ mode: 'serial' });
test.setTimeout(90_000);

const PASSWORD = '望澜区督办公开2026春';
let server: TestServer;
/** One-time passwords not yet replaced, by login. */
const otp = new Map<string, string>();

test.beforeAll(async () => {
  server = await startServer(4615);
  const runtime = await createRuntime({ ...server.env });
  try {
    for (const [login, role, unit] of [
      ['dispatcher', 'dispatcher', undefined],
      ['water', 'handler', 'water'],
      ['housing', 'handler', 'housing'],
      ['leaver', 'dispatcher', undefined],
      ['boss', 'admin', undefined],
    ] as const) {
      const created = await createAccount(runtime, { login, name: `测试${login}`, role, unit, email: unit ? `${login}@units.example.org` : undefined });
      if (!created.ok) throw new Error(created.message);
      otp.set(login, created.oneTimePassword!);
    }
  } finally {
    await runtime.stop();
  }
});
test.afterAll(async () => {
  await server.kill('SIGTERM');
});

async function submit(title: string): Promise<{ number: string; code: string }> {
  const response = await fetch(`${server.url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      service_code: 'complaint',
      'attribute[title]': title,
      'attribute[unit]': 'water',
      description: '望澜路 12 号附近这一周自来水发黄，烧开后有沉淀，邻居王师傅也反映过。',
      phone: '13920010008',
      first_name: '秀梅',
      last_name: '欧阳',
      'attribute[consent]': 'yes',
      altcha: await solvedProof(server.url),
    }),
  });
  const [created] = (await response.json()) as { service_request_id: string; query_code: string }[];
  return { number: created!.service_request_id, code: created!.query_code };
}

/** Sign in with a one-time password (setting the real one) or the real one. */
async function signIn(page: Page, login: string): Promise<void> {
  await page.goto(`${server.url}/console/`);
  await expect(page).toHaveURL(/\/console\/sign-in$/);
  await expectNoAxeViolations(page);
  await page.getByLabel('登录名').fill(login);
  await page.getByLabel('密码').fill(otp.get(login) ?? PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  if (otp.has(login)) {
    await expect(page.getByRole('heading', { name: '设置新密码' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('新密码', { exact: true }).fill(PASSWORD);
    await page.getByLabel('再输入一次新密码').fill(PASSWORD);
    await page.getByRole('button', { name: '保存新密码' }).click();
    otp.delete(login);
  }
  await expect(page.getByRole('heading', { level: 1, name: /督办台/ })).toBeVisible();
}

/** Sign in over plain HTTP (setting the real password after a one-time one); the session cookie and a CSRF token from a console page. */
async function httpSession(login: string): Promise<{ cookie: string; csrf: string }> {
  const answer = await fetch(`${server.url}/console/sign-in`, {
    method: 'POST',
    body: new URLSearchParams({ login, password: otp.get(login) ?? PASSWORD }),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  });
  expect(answer.status).toBe(303);
  const cookie = answer.headers.get('set-cookie')!.split(';')[0]!;
  const csrfOf = async (path: string) => /name="csrf" value="([^"]+)"/.exec(await (await fetch(`${server.url}${path}`, { headers: { cookie } })).text())![1]!;
  if (otp.has(login)) {
    const changed = await fetch(`${server.url}/console/password`, {
      method: 'POST',
      headers: { cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: await csrfOf('/console/password'), password: PASSWORD, confirm: PASSWORD }),
      redirect: 'manual',
    });
    expect(changed.status).toBe(303);
    otp.delete(login);
  }
  return { cookie, csrf: await csrfOf('/console/') };
}

test('a dispatcher and a unit’s handler work a message from acceptance to closing; the citizen reads the answer', async ({ browser }) => {
  const { number, code } = await submit('望澜路自来水发黄');
  const dispatcher = await (await browser.newContext()).newPage();
  await signIn(dispatcher, 'dispatcher');
  await expect(dispatcher.getByRole('link', { name: /待受理\s*1 件/ })).toBeVisible();
  await expectNoAxeViolations(dispatcher);
  await dispatcher.getByRole('link', { name: /待受理/ }).click();
  await expectNoAxeViolations(dispatcher);
  await dispatcher.getByRole('link', { name: number }).click();
  await expectHeadingsInOrder(dispatcher, 'message page');
  await expectNoAxeViolations(dispatcher);
  await dispatcher.getByRole('button', { name: '受理', exact: true }).click();
  await expect(dispatcher.getByRole('status')).toHaveText('已受理。');
  // The unit the citizen addressed is suggested, with the deadline an assignment today gives.
  await expect(dispatcher.getByLabel('承办单位')).toHaveValue('water');
  await expect(dispatcher.getByText(/今天交办，答复期限为 \d{4}年\d+月\d+日/)).toBeVisible();
  await dispatcher.getByRole('button', { name: '交办' }).click();
  await expect(dispatcher.getByRole('status')).toHaveText('已交办。');
  await dispatcher.getByRole('button', { name: '查看联系方式' }).click();
  await expect(dispatcher.getByText('13920010008')).toBeVisible();

  // No SMTP on this server: the assignment notice waits in the outbox for the office to pass on by hand.
  await dispatcher.getByRole('link', { name: '发件箱' }).click();
  const notice = dispatcher.getByRole('region').or(dispatcher.locator('section')).filter({ hasText: number });
  await expect(notice).toContainText('收件人：water@units.example.org');
  await expectNoAxeViolations(dispatcher);
  await notice.getByRole('button', { name: /标记为已处理/ }).click();
  await expect(dispatcher.locator('section').filter({ hasText: number })).toHaveCount(0);
  await dispatcher.goto(`${server.url}/console/messages/${number}`);

  const handler = await (await browser.newContext()).newPage();
  await signIn(handler, 'water');
  await expect(handler.getByText('这里只列出交由本单位办理的留言')).toBeVisible();
  await handler.getByRole('link', { name: /办理中/ }).click();
  await handler.getByRole('link', { name: number }).click();
  await handler.getByRole('button', { name: /提交答复/ }).click();
  await expect(handler.getByRole('alert')).toContainText('答复内容不能为空');
  await handler.getByLabel(/答复内容/).fill('已安排检修。');
  await handler.getByRole('button', { name: /提交答复/ }).click();
  await expect(handler.getByRole('status')).toHaveText('已承办单位答复。');

  await dispatcher.reload();
  await dispatcher.getByLabel('需要修改的地方（承办单位会看到）').fill('请写明检修结果和完成日期。');
  await dispatcher.getByRole('button', { name: '退回重办' }).click();
  await expect(dispatcher.getByRole('status')).toHaveText('已答复退回重办。');
  await handler.reload();
  await expect(handler.getByText('内部记录：请写明检修结果和完成日期。')).toBeVisible();
  await handler.getByLabel(/答复内容/).fill('经现场检查，一处老旧管道锈蚀，已于当日更换，水质检测合格。');
  await handler.getByRole('button', { name: /提交答复/ }).click();
  await expect(handler.getByRole('status')).toHaveText('已承办单位答复。');
  await dispatcher.reload();
  await dispatcher.getByRole('button', { name: /审核通过/ }).click();
  await expect(dispatcher.getByRole('status')).toHaveText('已审核通过，办结。');
  // Both versions of the answer stay on the staff timeline.
  await expect(dispatcher.getByText('内部记录：答复：已安排检修。')).toBeVisible();

  // Publishing is a reviewed step: the text as the public will see it, with what masking cannot know offered for hiding.
  await dispatcher.goto(`${server.url}/console/queues/to-publish`);
  await dispatcher.getByRole('link', { name: number }).click();
  const review = dispatcher.getByRole('group', { name: '审核并公开' });
  await expect(review.getByLabel(/王师傅/)).toBeChecked();
  await expect(review.getByLabel(/望澜路 12 号/)).toBeChecked();
  await expectNoAxeViolations(dispatcher);
  await review.getByLabel('其他要隐去的文字（每行一处）').fill('老旧管道');
  await review.getByRole('button', { name: '隐去所选内容并公开' }).click();
  await expect(dispatcher.getByRole('status')).toHaveText('已公开答复。');
  const board = await (await fetch(`${server.url}/messages/${number}/`)).text();
  expect(board).toContain('【已隐去】');
  for (const hidden of ['王师傅', '望澜路 12 号', '老旧管道']) expect(board).not.toContain(hidden);
  await expect(dispatcher.getByText('内部记录：隐去：')).toBeVisible();

  const citizen = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await citizen.goto(`${server.url}/messages/track`);
  await citizen.getByLabel('留言编号').fill(number);
  await citizen.getByLabel('查询码').fill(code);
  await citizen.getByRole('button', { name: '查询' }).click();
  await expect(citizen.getByText('已于当日更换，水质检测合格').first()).toBeVisible();
  await expect(citizen.getByText('已安排检修。')).toHaveCount(0);
});

test('a handler of another unit finds no trace of the message, on every console route and action', async () => {
  const { number } = await submit('另一个单位的留言');
  const runtime = await createRuntime({ ...server.env });
  try {
    await act(runtime, DISPATCHER, number, 'accept', {});
    await act(runtime, DISPATCHER, number, 'assign', { unit: 'water' });
    // The unit's draft and its request for an extension are the unit's and the office's business only.
    expect((await saveDraft(runtime, handlerOf('water'), number, { reply: '水务局尚未提交的草稿' })).ok).toBe(true);
    expect((await act(runtime, handlerOf('water'), number, 'request_extension', { newDue: '2099-01-01', reason: '水务局的延期理由' })).ok).toBe(true);
  } finally {
    await runtime.stop();
  }
  const housing = await httpSession('housing');
  const page = await fetch(`${server.url}/console/messages/${number}`, { headers: { cookie: housing.cookie } });
  expect(page.status).toBe(404);
  const refused = await page.text();
  for (const secret of ['另一个单位的留言', '水务局尚未提交的草稿', '水务局的延期理由']) expect(refused).not.toContain(secret);
  for (const action of [
    'accept',
    'reject',
    'assign',
    'return',
    'extend',
    'request_extension',
    'decline_extension',
    'urge',
    'reply',
    'save_draft',
    'send_back',
    'approve',
    'reopen',
    'publish',
    'unpublish',
    'rate',
    'contact',
  ]) {
    const answer = await fetch(`${server.url}/console/messages/${number}`, {
      method: 'POST',
      headers: { cookie: housing.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        csrf: housing.csrf,
        action,
        reply: '越权答复',
        draftSavedAt: '',
        reason: '越权',
        unit: 'housing',
        newDue: '2099-02-01',
        purpose: 'reply',
      }),
    });
    expect(answer.status, action).toBe(404);
    expect(await answer.text(), action).not.toContain('水务局尚未提交的草稿');
  }
  for (const queue of ['submitted', 'accepted', 'assigned', 'due-soon', 'overdue', 'replied', 'extension-requests', 'closed', 'unsatisfied', 'to-publish']) {
    const list = await (await fetch(`${server.url}/console/queues/${queue}`, { headers: { cookie: housing.cookie } })).text();
    expect(list, queue).not.toContain(number);
  }
  const water = await httpSession('water');
  const own = await fetch(`${server.url}/console/messages/${number}`, { headers: { cookie: water.cookie } });
  expect(own.status).toBe(200);
  // Nothing the other unit tried stuck: the draft and the request are the water unit's own.
  const ownPage = await own.text();
  expect(ownPage).toContain('水务局尚未提交的草稿');
  expect(ownPage).toContain('水务局的延期理由');
  expect(ownPage).not.toContain('越权');
  expect(await (await fetch(`${server.url}/console/queues/extension-requests`, { headers: { cookie: water.cookie } })).text()).toContain(number);
});

test('a console form without its CSRF token, or posted from another site, is refused', async () => {
  const { cookie, csrf } = await httpSession('dispatcher');
  const { number } = await submit('检查跨站提交');
  const post = (body: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/console/messages/${number}`, {
      method: 'POST',
      headers: { cookie, 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(body),
      redirect: 'manual',
    });
  expect((await post({ action: 'accept' })).status).toBe(403);
  expect((await post({ action: 'accept', csrf: 'x'.repeat(csrf.length) })).status).toBe(403);
  expect((await post({ action: 'accept', csrf }, { Origin: 'https://elsewhere.example' })).status).toBe(403);
  // A body the server will not read carries no token either, and the answer says why.
  const tooLarge = await post({ action: 'accept', csrf, note: '长'.repeat(30_000) });
  expect(tooLarge.status).toBe(413);
  expect(await tooLarge.text()).toContain('提交的内容过大');
  expect((await post({ action: 'accept', csrf })).status).toBe(303);
});

test('a disabled account’s session stops working at its next request; signing out ends a session', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'leaver');
  const runtime = await createRuntime({ ...server.env });
  try {
    await setDisabled(runtime, (await findAccount(runtime.store.db, { login: 'leaver' }))!.id, true);
  } finally {
    await runtime.stop();
  }
  await page.reload();
  await expect(page).toHaveURL(/\/console\/sign-in$/);

  const other = await (await browser.newContext()).newPage();
  await signIn(other, 'dispatcher');
  await other.getByRole('button', { name: '退出登录' }).click();
  await expect(other).toHaveURL(/\/console\/sign-in$/);
  await expectNoAxeViolations(other);
  await other.goto(`${server.url}/console/queues/submitted`);
  await expect(other).toHaveURL(/\/console\/sign-in$/);
});

test('an admin creates an account (its one-time password shown once), moves it to another unit and disables it; others cannot reach account management', async ({
  browser,
}) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, 'boss');
  await admin.getByRole('link', { name: '账号管理' }).click();
  await expectNoAxeViolations(admin);
  await admin.getByLabel('登录名', { exact: true }).fill('Ｚｈｏｕ.Ｌｉ');
  await admin.getByLabel('姓名').fill('周丽');
  await admin.getByLabel('角色', { exact: true }).selectOption('handler');
  await admin.getByRole('button', { name: '新建账号' }).click();
  await expect(admin.getByRole('alert')).toContainText('承办员须指定所在单位');
  await admin.getByLabel('所在单位（承办员必填）').selectOption('water');
  await admin.getByRole('button', { name: '新建账号' }).click();
  const issued = admin.getByRole('status');
  await expect(issued).toContainText('「zhou.li」的一次性密码');
  otp.set('zhou.li', (await issued.locator('strong').textContent())!.trim());
  await admin.reload();
  await expect(admin.getByText(otp.get('zhou.li')!)).toHaveCount(0);

  const newcomer = await (await browser.newContext()).newPage();
  await signIn(newcomer, 'zhou.li');
  await expect(newcomer.getByRole('heading', { level: 1 })).toContainText('望澜区水务局');
  expect((await fetch(`${server.url}/console/accounts`, { headers: { cookie: (await httpSession('dispatcher')).cookie } })).status).toBe(404);

  const row = admin.getByRole('row', { name: /zhou\.li/ });
  await row.getByLabel('zhou.li 的单位').selectOption('housing');
  await row.getByRole('button', { name: '修改' }).click();
  await expect(admin.getByRole('status')).toContainText('已修改角色或单位');
  await newcomer.reload();
  await expect(newcomer).toHaveURL(/\/console\/sign-in$/);
  await signIn(newcomer, 'zhou.li');
  await expect(newcomer.getByRole('heading', { level: 1 })).toContainText('望澜区住房和城乡建设局');

  await admin
    .getByRole('row', { name: /zhou\.li/ })
    .getByRole('button', { name: /停用/ })
    .click();
  await expect(admin.getByRole('status')).toContainText('已停用');
  await newcomer.reload();
  await expect(newcomer).toHaveURL(/\/console\/sign-in$/);
});

/** A CSV answer's rows, after checking it starts with the UTF-8 byte-order mark Excel needs. */
async function csvOf(response: Response): Promise<string[][]> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(new TextDecoder().decode(bytes), { relax_column_count: true }) as string[][];
}

test('the queue and the statistics export as CSV for the ledger: UTF-8 with BOM, a handler’s own unit only, the same numbers as the public statistics', async () => {
  const dispatcher = await httpSession('dispatcher');
  const housing = await httpSession('housing');
  const rows = await csvOf(await fetch(`${server.url}/console/queues/closed.csv`, { headers: { cookie: dispatcher.cookie } }));
  expect(rows[0]).toEqual(['留言编号', '类型', '标题', '承办单位', '状态', '提交日期', '期限']);
  expect(rows.length).toBeGreaterThan(1);
  expect(rows.slice(1).every((r) => r[4] === '已办结')).toBe(true);
  const own = await csvOf(await fetch(`${server.url}/console/queues/closed.csv`, { headers: { cookie: housing.cookie } }));
  expect(own.slice(1).every((r) => r[3] === '望澜区住房和城乡建设局')).toBe(true);
  expect(own.length).toBeLessThan(rows.length);

  const sheet = parse((await (await fetch(`${server.url}/console/stats.csv`, { headers: { cookie: dispatcher.cookie } })).text()).slice(1), {
    relax_column_count: true,
  }) as string[][];
  const total = sheet.find((r) => r[0] === '合计')!;
  const page = await (await fetch(`${server.url}/messages/stats`)).text();
  expect(page).toContain(`办理回复率<strong>${total[4]} / ${total[2]} 件`);
  expect(page).toContain(`满意率<strong>${total[10]} / ${total[9]} 次`);
  expect((await fetch(`${server.url}/console/stats.csv`)).redirected).toBe(true);
});
