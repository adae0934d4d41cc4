/**
 * What `npm run backup` and `npm run restore` share: one file argument (wrong usage exits 2), the
 * server's settings, the refusal on PostgreSQL with the pg_dump / pg_restore commands instead, a
 * relative file taken from the folder the command was typed in (npm runs scripts from the project's
 * folder; INIT_CWD is where it was typed), and a refusal or failure said in Chinese with exit 1.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadServerConfig, type ServerConfig } from '../src/server/config.ts';
import { BackupError, isPostgresUrl, postgresAdvice } from '../src/server/db/backup.ts';

export async function runWithBackupFile(usage: string, failed: string, run: (file: string, config: ServerConfig) => Promise<void>): Promise<never> {
  let file: string | undefined;
  try {
    const { positionals } = parseArgs({ allowPositionals: true, options: {} });
    if (positionals.length === 1) file = positionals[0];
  } catch {
    /* an option we do not take: the usage below */
  }
  if (!file) {
    console.error(usage);
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
      await run(resolve(process.env.INIT_CWD ?? process.cwd(), file), config);
    }
  } catch (error) {
    console.error(error instanceof BackupError ? error.message : `${failed}：${error instanceof Error ? error.message : String(error)}`);
    exitCode = 1;
  }
  process.exit(exitCode);
}
