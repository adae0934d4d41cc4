/**
 * Backups of the embedded SQLite store, and putting one back.
 *
 * A backup is one gzip-compressed POSIX tar file (`tar -tzvf` lists it, `tar -xpzf` unpacks it), written
 * and read with the `tar` package (node-tar), of three files, each with mode 0600 (the store holds
 * citizens' contact details, the key is the key):
 *
 *   duban-backup.json   what was taken: when, the store's size and SHA-256, the migrations applied,
 *                       how many messages and the newest one's time, and which secret it needs
 *   duban.sqlite        a consistent copy of the store, in rollback-journal mode (one self-contained file)
 *   secret.key          the server's secret, byte for byte (absent when the server takes DUBAN_SECRET
 *                       from its environment: then the manifest records only a keyed check of it)
 *
 * The copy is taken with SQLite's online backup API (better-sqlite3's `backup()`) from a read-only
 * connection of its own, while the server keeps writing: in WAL mode a reader never blocks the
 * writer. All pages are copied in one step, inside one read transaction, so the copy is the store as
 * of one commit; copying a few pages per step instead would restart from the first page whenever the
 * server commits in between, which under a steady load could be forever. The copy is then checked
 * (`PRAGMA integrity_check`) and only then archived, under a temporary name renamed into place.
 *
 * Restoring writes only into an empty DATA_DIR, and only after the whole archive has been read and
 * checked. tar unpacks it into a fresh folder inside DATA_DIR, with a filter that lets through only
 * the three expected regular files, each once and the manifest first (no links, folders, other names,
 * absolute or `..` paths), the manifest and key at most 1 MB and the store no larger than the free
 * space. Then: gzip's CRC and tar's header checksums (read strictly: a damaged header is an error),
 * the SHA-256 of each file against the manifest, `integrity_check`, the migrations (a backup from a
 * newer version is refused), the secret, and both audit hash chains (which only verify under the
 * right secret). Anything refused leaves the folder as it was. Messages for people are in Chinese;
 * PostgreSQL has its own tools (`postgresAdvice`).
 */
import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  createReadStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statfsSync,
  statSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { DEFAULT_MIGRATION_TABLE } from 'kysely/migration';
import { create, extract, type ReadEntry } from 'tar';
import { z } from 'zod';
import { CHAIN_LABELS, verifyChain, type ChainedTable } from '../audit/chain.ts';
import { keyedHash, SECRET_FILE } from '../secret.ts';
import { MIGRATION_NAMES } from './migrate.ts';
import { SQLITE_FILE } from './open.ts';
import type { Database } from './schema.ts';

/** The manifest's name inside the archive; first, so a reader knows at once what it holds. */
export const MANIFEST_FILE = 'duban-backup.json';

/** A backup refused or found wanting; the message says why, in Chinese, for the person at the console. */
export class BackupError extends Error {
  override name = 'BackupError';
}

const manifestSchema = z.object({
  format: z.literal('duban-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  database: z.object({
    file: z.literal(SQLITE_FILE),
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    migrations: z.array(z.string()),
    messages: z.number().int().nonnegative(),
    newestMessageAt: z.string().nullable(),
  }),
  secret: z.union([
    z.object({ file: z.literal(SECRET_FILE), sha256: z.string().regex(/^[0-9a-f]{64}$/), check: z.string() }),
    z.object({ env: z.literal('DUBAN_SECRET'), check: z.string() }),
  ]),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

/** Whether DATABASE_URL names PostgreSQL (the only other store there is). */
export function isPostgresUrl(databaseUrl: string | undefined): boolean {
  return !!databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl.trim());
}

/** What to do instead on PostgreSQL: its own tools, with this deployment's address (without its password). */
export function postgresAdvice(databaseUrl: string): string {
  let shown = '<DATABASE_URL>';
  let restored = '<新数据库的地址>';
  let restoredName = 'duban_restored';
  try {
    const url = new URL(databaseUrl.trim());
    url.password = '';
    shown = url.toString();
    restoredName = `${decodeURIComponent(url.pathname.slice(1)) || 'duban'}_restored`;
    url.pathname = `/${encodeURIComponent(restoredName)}`;
    restored = url.toString();
  } catch {
    /* not a URL: show placeholders */
  }
  return [
    `留言存储在 PostgreSQL（DATABASE_URL=${shown}）；npm run backup 和 npm run restore 只处理内置的 SQLite 存储，已停止。`,
    '请用 PostgreSQL 自带的工具备份和恢复：',
    '',
    '  # 备份（在线进行，服务器照常接收留言）',
    `  pg_dump --format=custom --file=duban-$(date +%F).dump '${shown}'`,
    '  # 恢复到一个新建的空数据库，核对后再把 DATABASE_URL 指向它',
    `  psql '${shown}' -c 'CREATE DATABASE "${restoredName}"'`,
    `  pg_restore --no-owner --exit-on-error --dbname='${restored}' duban-<日期>.dump`,
    `  DATABASE_URL='${restored}' DUBAN_SECRET=… npm run audit:verify`,
    '',
    '密钥 DUBAN_SECRET 不在数据库里：请把它与数据库备份一起妥善保管（没有它，查询码和审计哈希链都无法核对），备份本身也要像密钥一样保管。',
  ].join('\n');
}

/** A keyed check of the secret: tells whether two secrets are the same one without writing either down. */
function secretCheck(secret: string): string {
  return keyedHash(secret, 'backup-secret-check', 'duban-backup').slice(0, 16);
}

/** Whatever `integrity_check` finds wrong; empty when the file is sound. */
function integrityProblems(database: SqliteDatabase.Database): string[] {
  const rows = database.prepare('pragma integrity_check').pluck().all() as string[];
  return rows.length === 1 && rows[0] === 'ok' ? [] : rows;
}

/** What a store holds, for the manifest and for the restore's report. */
function describeStore(database: SqliteDatabase.Database): { migrations: string[]; messages: number; newestMessageAt: string | null } {
  const has = (table: string) => database.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(table) !== undefined;
  const migrations = has(DEFAULT_MIGRATION_TABLE)
    ? (database.prepare(`select name from ${DEFAULT_MIGRATION_TABLE} order by name`).pluck().all() as string[])
    : [];
  const row = has('messages')
    ? (database.prepare('select count(*) as messages, max(submitted_at) as newest from messages').get() as { messages: number; newest: string | null })
    : { messages: 0, newest: null };
  return { migrations, messages: row.messages, newestMessageAt: row.newest };
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Make a file's bytes, or a folder's entries, durable. */
function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** More pages than any store has: better-sqlite3 then copies all of them in one step (see the header). */
const ALL_PAGES = 0x7fffffff;

export interface BackupOptions {
  /** The server's DATA_DIR. */
  dataDir: string;
  /** The archive to write; refused if it exists. */
  file: string;
  /** DUBAN_SECRET, when the server takes its secret from the environment: then the archive carries no key. */
  secretFromEnv?: string | undefined;
  now?: Date;
}

export interface BackupSummary {
  file: string;
  bytes: number;
  manifest: BackupManifest;
}

/** Take a consistent copy of the running store with its secret, into one archive (see the header). */
export async function backupStore(options: BackupOptions): Promise<BackupSummary> {
  const dataDir = resolve(options.dataDir);
  const source = join(dataDir, SQLITE_FILE);
  if (!existsSync(source)) throw new BackupError(`${dataDir} 中没有留言数据库 ${SQLITE_FILE}：请检查 DATA_DIR 是否与服务器使用的目录相同。`);
  const target = resolve(options.file);
  if (existsSync(target)) throw new BackupError(`${target} 已经存在，不覆盖：请换一个文件名（例如带上日期）。`);
  if (!existsSync(dirname(target)) || !statSync(dirname(target)).isDirectory()) throw new BackupError(`目录 ${dirname(target)} 不存在，请先创建。`);

  let secret: string;
  let keyFile: Buffer | null = null;
  if (options.secretFromEnv) secret = options.secretFromEnv;
  else {
    const keyPath = join(dataDir, SECRET_FILE);
    if (!existsSync(keyPath))
      throw new BackupError(`${dataDir} 中没有密钥 ${SECRET_FILE}，也没有设置 DUBAN_SECRET：没有密钥，备份中的查询码和审计记录都无法使用，已停止。`);
    keyFile = readFileSync(keyPath);
    secret = keyFile.toString('utf8').trim();
  }

  const now = options.now ?? new Date();
  // Beside the target, so the finished archive is renamed into place on the same file system.
  const staging = mkdtempSync(join(dirname(target), '.duban-backup-'));
  try {
    const snapshot = join(staging, SQLITE_FILE);
    const live = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
    try {
      live.pragma('busy_timeout = 5000');
      await live.backup(snapshot, { progress: () => ALL_PAGES });
    } finally {
      live.close();
    }
    const copy = new SqliteDatabase(snapshot, { fileMustExist: true });
    let held: ReturnType<typeof describeStore>;
    try {
      copy.pragma('journal_mode = DELETE');
      const problems = integrityProblems(copy);
      if (problems.length)
        throw new BackupError(`数据库自检（PRAGMA integrity_check）未通过，正在使用的存储可能已经损坏：${problems.slice(0, 5).join('；')}。备份已停止。`);
      held = describeStore(copy);
    } finally {
      copy.close();
    }
    const bytes = statSync(snapshot).size;
    const manifest: BackupManifest = {
      format: 'duban-backup',
      version: 1,
      createdAt: now.toISOString(),
      database: { file: SQLITE_FILE, bytes, sha256: await sha256OfFile(snapshot), ...held },
      secret: keyFile ? { file: SECRET_FILE, sha256: sha256(keyFile), check: secretCheck(secret) } : { env: 'DUBAN_SECRET', check: secretCheck(secret) },
    };
    writeFileSync(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    if (keyFile) writeFileSync(join(staging, SECRET_FILE), keyFile, { mode: 0o600, flag: 'wx' });
    const names = keyFile ? [MANIFEST_FILE, SQLITE_FILE, SECRET_FILE] : [MANIFEST_FILE, SQLITE_FILE];
    // tar records each file's own mode: 0600 whatever the umask (SQLite created the snapshot with its default).
    for (const name of names) chmodSync(join(staging, name), 0o600);
    const partial = join(staging, 'backup.tar.gz');
    // In this order, the manifest first; portable: no owner ids or names, which mean nothing where it is restored.
    await create({ file: partial, cwd: staging, gzip: true, portable: true, mtime: now, mode: 0o600, strict: true }, names);
    fsyncPath(partial);
    renameSync(partial, target);
    fsyncPath(dirname(target));
    return { file: target, bytes: statSync(target).size, manifest };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

export interface RestoreOptions {
  /** The archive `backupStore` wrote. */
  file: string;
  /** Where to put it: missing or empty. */
  dataDir: string;
  /** DUBAN_SECRET, if the restored server will take its secret from the environment. */
  secretFromEnv?: string | undefined;
}

export interface RestoreSummary {
  dataDir: string;
  manifest: BackupManifest;
  /** Counted in the restored store, not taken from the manifest. */
  messages: number;
  newestMessageAt: string | null;
  chains: { table: ChainedTable; label: string; rows: number }[];
  /** Whether secret.key was written (false when the backup relies on DUBAN_SECRET). */
  secretRestored: boolean;
}

interface Unpacked {
  manifest: BackupManifest;
  key: Buffer | null;
  files: Map<string, { sha256: string; bytes: number }>;
}

/** The most a manifest or a key may weigh: either is a few hundred bytes. */
const SMALL_FILE_LIMIT = 1_000_000;

/** Whether the file starts as gzip does: anything else (a plain tar, a text file) is not a backup. */
function isGzip(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** Bytes free for this process on the file system that holds `folder`. */
function freeBytes(folder: string): number {
  const { bavail, bsize } = statfsSync(folder);
  return bavail * bsize;
}

/**
 * Why tar must not unpack this entry, or null when it is one of the three files a backup holds: a
 * regular file (no link, folder or device), under its plain name (so no absolute or `..` path), once,
 * the manifest first, and of a sane size. `seen` holds the names before it, in order.
 */
function refusal(entry: ReadEntry, seen: readonly string[], room: number): BackupError | null {
  const name = entry.path;
  if (entry.type !== 'File') return new BackupError(`备份中的「${name}」不是普通文件，这不是 npm run backup 生成的备份。`);
  if (seen.includes(name)) return new BackupError(`备份中「${name}」出现了两次，这不是 npm run backup 生成的备份。`);
  if (!seen.length && name !== MANIFEST_FILE)
    return new BackupError(`备份的第一个文件应为 ${MANIFEST_FILE}，实际为「${name}」：这不是 npm run backup 生成的备份。`);
  if (name !== MANIFEST_FILE && name !== SQLITE_FILE && name !== SECRET_FILE)
    return new BackupError(`备份中有不认识的文件「${name}」，这不是 npm run backup 生成的备份。`);
  if (name !== SQLITE_FILE && entry.size > SMALL_FILE_LIMIT) return new BackupError(`备份中的 ${name} 大得不正常（${entry.size} 字节），备份文件已损坏。`);
  if (entry.size > room)
    return new BackupError(`备份中的 ${name} 有 ${entry.size} 字节，超过恢复目标所在磁盘的剩余空间（${room} 字节）：请腾出空间或换一个目录，未做任何恢复。`);
  return null;
}

/** A gzip or tar error met while unpacking, as a refusal in Chinese; any other (a full disk…) as it is. */
function archiveError(error: unknown): unknown {
  const { code = '', tarCode = '' } = error as { code?: unknown; tarCode?: unknown };
  const message = error instanceof Error ? error.message : String(error);
  let why: string;
  if (typeof code === 'string' && code.startsWith('Z_')) why = `解压失败：${message.replace(/^zlib: /, '')}`;
  else if (tarCode === 'TAR_ENTRY_INVALID') why = /checksum/.test(message) ? '文件头校验和不符' : `文件头无效：${message}`;
  else if (tarCode === 'TAR_BAD_ARCHIVE') why = /truncated/i.test(message) ? '归档不完整（可能被截断）' : '不是 tar 格式';
  else if (tarCode === 'TAR_ABORT') why = /decompression ratio/.test(message) ? '解压后的数据大得不正常' : `读取中止：${message}`;
  else return error;
  return new BackupError(`备份文件已损坏或不完整（${why}），未做任何恢复。`, { cause: error });
}

/**
 * Unpack the archive into `staging`, an empty folder, with tar: only what `refusal` lets through is
 * written, and the first refusal is what is reported. Then each file's SHA-256 and size, the
 * manifest and the key are read from there, and every file is made 0600 whatever the archive said.
 */
async function unpack(file: string, staging: string): Promise<Unpacked> {
  if (!isGzip(file)) throw new BackupError(`${file} 不是 npm run backup 生成的备份（应为 gzip 压缩的 tar 文件）。`);
  const room = freeBytes(staging);
  const seen: string[] = [];
  const refused: BackupError[] = [];
  const filter = (_path: string, entry: ReadEntry | Stats): boolean => {
    if (refused.length) return false; // after a refusal nothing more is written: tar only reads on to the end
    const read = entry as ReadEntry; // reading an archive, tar passes its entries
    const reason = refusal(read, seen, room);
    seen.push(read.path);
    if (reason) refused.push(reason);
    return !reason;
  };
  try {
    // strict: a damaged header is an error, not a warning to skip past; preserveOwner: false, even as
    // root, so the files are the restoring user's whatever ids the archive names.
    await extract({ file, cwd: staging, strict: true, preserveOwner: false, filter });
  } catch (error) {
    throw refused[0] ?? archiveError(error);
  }
  if (refused[0]) throw refused[0];
  if (!seen.includes(MANIFEST_FILE)) throw new BackupError(`${file} 中没有 ${MANIFEST_FILE}：这不是 npm run backup 生成的备份。`);
  const files = new Map<string, { sha256: string; bytes: number }>();
  for (const name of seen) {
    const path = join(staging, name);
    chmodSync(path, 0o600);
    files.set(name, { sha256: await sha256OfFile(path), bytes: statSync(path).size });
  }
  const manifest = parseManifest(readFileSync(join(staging, MANIFEST_FILE)));
  return { manifest, key: files.has(SECRET_FILE) ? readFileSync(join(staging, SECRET_FILE)) : null, files };
}

function parseManifest(bytes: Buffer): BackupManifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new BackupError(`备份中的 ${MANIFEST_FILE} 不是有效的 JSON，备份文件已损坏。`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const version = (json as { version?: unknown } | null)?.version;
    if ((json as { format?: unknown } | null)?.format === 'duban-backup' && version !== 1)
      throw new BackupError(`这个备份的格式版本为 ${String(version)}，本版本只认识版本 1：请先升级程序再恢复。`);
    throw new BackupError(
      `备份中的 ${MANIFEST_FILE} 内容不对（${parsed.error.issues.map((i) => `${i.path.join('.')}：${i.message}`).join('；')}），这不是 npm run backup 生成的备份。`,
    );
  }
  return parsed.data;
}

/** The secret the restored store needs, checked against the manifest; refuses a missing or different one. */
function secretFor(unpacked: Unpacked, fromEnv: string | undefined): string {
  const { manifest, key, files } = unpacked;
  if ('file' in manifest.secret) {
    if (!key) throw new BackupError(`备份中缺少密钥 ${SECRET_FILE}（清单中有），备份文件不完整。`);
    if (files.get(SECRET_FILE)?.sha256 !== manifest.secret.sha256) throw new BackupError(`备份中 ${SECRET_FILE} 的校验值与清单不符，备份文件已损坏。`);
    const secret = key.toString('utf8').trim();
    if (secretCheck(secret) !== manifest.secret.check) throw new BackupError(`备份中的 ${SECRET_FILE} 与清单记录的不是同一个密钥，备份文件已损坏。`);
    if (fromEnv && secretCheck(fromEnv) !== manifest.secret.check)
      throw new BackupError(
        `已设置环境变量 DUBAN_SECRET，但它与备份中的 ${SECRET_FILE} 不是同一个密钥：服务器会使用 DUBAN_SECRET，恢复后的查询码和审计记录将无法核对。请取消 DUBAN_SECRET，或改用备份时的那个。`,
      );
    return secret;
  }
  if (!fromEnv) throw new BackupError(`这个备份不含密钥（备份时服务器的密钥来自环境变量 DUBAN_SECRET）：请设置与备份时相同的 DUBAN_SECRET 后再恢复。`);
  if (secretCheck(fromEnv) !== manifest.secret.check) throw new BackupError('DUBAN_SECRET 与备份时使用的密钥不同：请设置备份时的那个再恢复。');
  return fromEnv;
}

/** Put a backup back into an empty DATA_DIR, after checking everything in it (see the header). */
export async function restoreStore(options: RestoreOptions): Promise<RestoreSummary> {
  const file = resolve(options.file);
  if (!existsSync(file)) throw new BackupError(`找不到备份文件 ${file}。`);
  if (!statSync(file).isFile()) throw new BackupError(`${file} 不是文件。`);
  const dataDir = resolve(options.dataDir);
  if (existsSync(dataDir)) {
    if (!statSync(dataDir).isDirectory()) throw new BackupError(`DATA_DIR（${dataDir}）不是目录。`);
    const present = readdirSync(dataDir).sort();
    if (present.length)
      throw new BackupError(
        `DATA_DIR（${dataDir}）不是空目录，里面有：${present.slice(0, 10).join('、')}${present.length > 10 ? ` 等 ${present.length} 项` : ''}。` +
          '恢复只写入空目录，不覆盖现有数据：请换一个空目录，或先把这些文件移走。',
      );
  } else mkdirSync(dataDir, { recursive: true, mode: 0o700 });

  const staging = mkdtempSync(join(dataDir, '.restoring-'));
  try {
    const unpacked = await unpack(file, staging);
    const { manifest, files } = unpacked;
    const stored = files.get(SQLITE_FILE);
    if (!stored) throw new BackupError(`备份中没有留言数据库 ${SQLITE_FILE}，备份文件不完整。`);
    if (stored.sha256 !== manifest.database.sha256 || stored.bytes !== manifest.database.bytes)
      throw new BackupError(`备份中 ${SQLITE_FILE} 的校验值与清单不符，备份文件已损坏。`);
    const secret = secretFor(unpacked, options.secretFromEnv);

    const staged = join(staging, SQLITE_FILE);
    const database = new SqliteDatabase(staged, { readonly: true, fileMustExist: true });
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
    let held: ReturnType<typeof describeStore>;
    const chains: RestoreSummary['chains'] = [];
    try {
      const problems = integrityProblems(database);
      if (problems.length) throw new BackupError(`备份中的数据库自检（PRAGMA integrity_check）未通过：${problems.slice(0, 5).join('；')}。`);
      held = describeStore(database);
      const newer = held.migrations.filter((name) => !MIGRATION_NAMES.includes(name));
      if (newer.length) throw new BackupError(`这个备份来自较新的版本（数据库迁移 ${newer.join('、')} 本版本没有）：请先升级程序再恢复。`);
      for (const table of Object.keys(CHAIN_LABELS) as ChainedTable[]) {
        const verdict = await verifyChain(db, secret, table);
        if (!verdict.ok)
          throw new BackupError(
            `备份中的${CHAIN_LABELS[table]}（${table}）第 ${verdict.id} 行起哈希链断开：${verdict.reason}。此前的 ${verdict.rows} 行完整。` +
              '未做恢复；如确需使用这个备份，可按 README 的说明用 tar 手工解开。',
          );
        chains.push({ table, label: CHAIN_LABELS[table], rows: verdict.rows });
      }
    } finally {
      await db.destroy();
    }

    if (unpacked.key) fsyncPath(join(staging, SECRET_FILE)); // unpacked there, 0600
    fsyncPath(staged);
    if (unpacked.key) renameSync(join(staging, SECRET_FILE), join(dataDir, SECRET_FILE));
    renameSync(staged, join(dataDir, SQLITE_FILE));
    fsyncPath(dataDir);
    return { dataDir, manifest, messages: held.messages, newestMessageAt: held.newestMessageAt, chains, secretRestored: unpacked.key !== null };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
