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
import { chinaDateTime } from '../src/lib/calendar/dates.ts';
import { backupStore } from '../src/server/db/backup.ts';
import { runWithBackupFile } from './backup-file-command.ts';

const USAGE = '用法：npm run backup -- <备份文件>，例如 npm run backup -- /var/backups/duban/duban-$(date +%F).tar.gz';

await runWithBackupFile(USAGE, '备份失败', async (file, config) => {
  const { file: written, bytes, manifest } = await backupStore({ dataDir: config.dataDir, file, secretFromEnv: config.secret });
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
});
