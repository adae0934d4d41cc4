/**
 * npm run restore -- <file>: put a backup made by `npm run backup` into DATA_DIR, which must be empty
 * or not exist yet; everything in the backup is checked first (src/server/db/backup.ts), and nothing
 * is written when a check fails. Says what it restored. On PostgreSQL it refuses and prints the
 * pg_dump / pg_restore commands instead. A relative <file> is taken from the folder the command was
 * typed in; DATA_DIR, as for the server, from the project's folder.
 *
 *   DATA_DIR=/var/lib/duban npm run restore -- /var/backups/duban/duban-2026-11-23.tar.gz
 *
 * Exits 0 when restored, 1 when refused (the reason in Chinese), 2 on wrong usage.
 */
import { chinaDateTime } from '../src/lib/calendar/dates.ts';
import { restoreStore } from '../src/server/db/backup.ts';
import { runWithBackupFile } from './backup-file-command.ts';

const USAGE = '用法：DATA_DIR=<空目录> npm run restore -- <备份文件>';
const china = (instant: string) => `${chinaDateTime(instant).replace('T', ' ')}（北京时间）`;

await runWithBackupFile(USAGE, '恢复失败', async (file, config) => {
  const restored = await restoreStore({ file, dataDir: config.dataDir, secretFromEnv: config.secret });
  console.log(`已把 ${file} 恢复到 ${restored.dataDir}：`);
  console.log(`  备份时间：${china(restored.manifest.createdAt)}`);
  console.log(
    `  留言：${restored.messages.toLocaleString('zh-CN')} 条${restored.newestMessageAt ? `，最新一条提交于 ${china(restored.newestMessageAt)}` : ''}`,
  );
  console.log('  数据库自检（PRAGMA integrity_check）：通过');
  for (const chain of restored.chains) console.log(`  ${chain.label}（${chain.table}）：${chain.rows} 行，哈希链完整`);
  console.log(restored.secretRestored ? '  密钥：secret.key 已恢复（权限 0600）' : '  密钥：使用环境变量 DUBAN_SECRET（与备份时相同）');
  console.log('现在可以启动服务器（npm run serve）；启动时会自动升级数据库结构。');
});
