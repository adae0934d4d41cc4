/**
 * npm run backup -- <file>: a consistent copy of the SQLite store, taken while the server keeps
 * taking messages, with the server's secret, in one .tar.gz (src/server/db/backup.ts says what is in
 * it and why). A relative <file> is taken from the folder the command was typed in. On PostgreSQL it
 * refuses and prints the pg_dump / pg_restore commands instead.
 *
 *   npm run backup -- /var/backups/duban/duban-$(date +%F).tar.gz
 *
 * Exits 0 when the backup is written, 1 when it is refused or fails (the reason in Chinese), 2 on wrong usage.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chinaDateTime } from '../src/lib/calendar/dates.ts';
import { loadServerConfig } from '../src/server/config.ts';
import { BackupError, backupStore, isPostgresUrl, postgresAdvice } from '../src/server/db/backup.ts';

const USAGE = '用法：npm run backup -- <备份文件>，例如 npm run backup -- /var/backups/duban/duban-$(date +%F).tar.gz';

let file: string | undefined;
try {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  if (positionals.length === 1) file = positionals[0];
} catch {
  /* an option we do not take: the usage below */
}
if (!file) {
  console.error(USAGE);
  process.exit(2);
}

let exitCode = 0;
try {
  const config = loadServerConfig();
  if (config.databaseUrl) {
    if (!isPostgresUrl(config.databaseUrl)) throw new BackupError('DATABASE_URL 应以 postgres:// 开头（不设置则使用内置的 SQLite）。');
    console.error(postgresAdvice(config.databaseUrl));
    exitCode = 1;
  } else {
    // npm runs scripts from the project's folder; INIT_CWD is where the command was typed.
    const target = resolve(process.env.INIT_CWD ?? process.cwd(), file);
    const { file: written, bytes, manifest } = await backupStore({ dataDir: config.dataDir, file: target, secretFromEnv: config.secret });
    const { messages, newestMessageAt } = manifest.database;
    console.log(`已备份到 ${written}（${(bytes / 1_048_576).toFixed(1)} MB）。`);
    console.log(
      `  留言 ${messages.toLocaleString('zh-CN')} 条${newestMessageAt ? `，最新一条提交于 ${chinaDateTime(newestMessageAt).replace('T', ' ')}（北京时间）` : ''}。`,
    );
    console.log(
      'file' in manifest.secret
        ? '  含服务器密钥 secret.key：请像保管密钥一样保管这个文件（它也含有群众的联系方式），存放在本机以外的地方。'
        : '  不含密钥：服务器的密钥来自环境变量 DUBAN_SECRET，恢复时须设置同一个；请另行妥善保管它。',
    );
  }
} catch (error) {
  console.error(error instanceof BackupError ? error.message : `备份失败：${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
}
process.exit(exitCode);
