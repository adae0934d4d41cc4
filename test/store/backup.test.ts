/**
 * Backups of the SQLite store (src/server/db/backup.ts, npm run backup / restore): a backup taken
 * from an open store restores into an empty folder, where every message is found by its number and
 * query code and both audit chains verify; and every refusal says why in Chinese and writes nothing:
 * a folder that is not empty, a missing file, a cut-short, altered or foreign file, a different or
 * missing secret, a broken chain, a backup from a newer version, and a store on PostgreSQL; and an
 * archive holding anything but the three expected files (links, folders, other names or paths,
 * sizes out of bounds) is refused before tar writes it. GNU tar reads our backups and writes ones we
 * restore.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import pg from 'pg';
import { Header, list, type HeaderData, type ReadEntry } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../src/server/auth/accounts.ts';
import { BackupError, backupStore, isPostgresUrl, postgresAdvice, restoreStore } from '../../src/server/db/backup.ts';
import { verifyChain } from '../../src/server/audit/chain.ts';
import { act } from '../../src/server/messages/commands/index.ts';
import { trackMessage } from '../../src/server/messages/commands/track.ts';
import { createRuntime, type Runtime } from '../../src/server/runtime.ts';
import { DISPATCHER, POSTGRES_URL, backendEnv, postgresReachable } from './harness.ts';
import { submitted } from './backends.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'duban-backup-test-'));
let counter = 0;
/** A path in the test's folder that does not exist yet. */
const fresh = (name: string) => join(work, `${(counter += 1)}-${name}`);

let runtime: Runtime;
let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;
let messages: { number: string; queryCode: string }[];
/** One backup of the open store, taken once and read by several tests. */
let backup: string;

beforeAll(async () => {
  ({ env, cleanup } = await backendEnv('sqlite'));
  runtime = await createRuntime(env);
  messages = [];
  for (const title of ['路灯不亮', '井盖缺失', '噪声扰民']) messages.push(await submitted(runtime, { title }));
  await act(runtime, DISPATCHER, messages[0]!.number, 'accept', {});
  await createAccount(runtime, { login: 'backup-check', name: '备份', role: 'dispatcher' }, 'test');
  backup = fresh('store.tar.gz');
  await backupStore({ dataDir: env.DATA_DIR!, file: backup }); // the store stays open, as a running server's would
}, 60_000);

afterAll(async () => {
  await runtime.stop();
  await cleanup();
  rmSync(work, { recursive: true, force: true });
});

/** The entries of an archive, in order, with their bytes, as tar lists them. */
async function entriesOf(file: string): Promise<{ name: string; mode: number | undefined; bytes: Buffer }[]> {
  const found: { name: string; mode: number | undefined; bytes: Buffer }[] = [];
  await list({
    file,
    strict: true,
    onReadEntry: (entry: ReadEntry) => {
      const parts: Buffer[] = [];
      entry.on('data', (chunk: Buffer) => void parts.push(chunk));
      entry.on('end', () => void found.push({ name: entry.path, mode: entry.mode, bytes: Buffer.concat(parts) }));
    },
  });
  return found;
}

/** One entry of a forged archive: a regular file of these bytes unless it says otherwise; `size` may lie. */
interface Forged {
  name: string;
  bytes?: Buffer;
  type?: HeaderData['type'];
  linkpath?: string;
  size?: number;
}

/** Write an archive of these entries header by header, as a forger (or a broken disk) might. */
function archiveOf(entries: Forged[]): string {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const bytes = entry.bytes ?? Buffer.alloc(0);
    const header = new Header({
      path: entry.name,
      mode: 0o600,
      size: entry.size ?? bytes.length,
      mtime: new Date(),
      type: entry.type ?? 'File',
      linkpath: entry.linkpath,
    });
    header.encode();
    blocks.push(header.block!, bytes, Buffer.alloc((512 - (bytes.length % 512)) % 512));
  }
  const file = fresh('forged.tar.gz');
  writeFileSync(file, gzipSync(Buffer.concat([...blocks, Buffer.alloc(1024)])));
  return file;
}

/** Restoring `file` into a fresh folder is refused with a message matching `reason`, and the folder stays empty. */
async function expectRefused(file: string, reason: RegExp, secretFromEnv?: string): Promise<void> {
  const dataDir = fresh('data');
  const refused = await restoreStore({ file, dataDir, secretFromEnv }).then(
    () => null,
    (error: unknown) => error,
  );
  expect(refused).toBeInstanceOf(BackupError);
  expect((refused as Error).message).toMatch(reason);
  expect(readdirSync(dataDir), 'nothing written').toEqual([]);
}

describe('npm run backup and restore on SQLite', () => {
  it('a backup taken from the open store restores into an empty folder: every message found by number and query code, chains whole', async () => {
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    const entries = await entriesOf(backup);
    expect(entries.map((e) => [e.name, e.mode])).toEqual([
      ['duban-backup.json', 0o600],
      ['duban.sqlite', 0o600],
      ['secret.key', 0o600],
    ]);
    expect(entries[2]!.bytes.equals(readFileSync(join(env.DATA_DIR!, 'secret.key')))).toBe(true);
    const manifest = JSON.parse(entries[0]!.bytes.toString('utf8')) as { database: { messages: number } };
    expect(manifest.database.messages).toBe(3);

    const dataDir = fresh('restored');
    const restored = await restoreStore({ file: backup, dataDir });
    expect(restored).toMatchObject({ messages: 3, secretRestored: true });
    expect(restored.chains).toEqual([
      { table: 'message_events', label: '留言办理记录', rows: 4 },
      { table: 'audit_log', label: '工作人员审计日志', rows: 1 },
    ]);
    expect(readdirSync(dataDir).sort()).toEqual(['duban.sqlite', 'secret.key']);
    expect(statSync(join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);

    const second = await createRuntime({ ...env, DATA_DIR: dataDir });
    try {
      for (const { number, queryCode } of messages) expect((await trackMessage(second, 'test', number, queryCode)).kind, number).toBe('found');
      expect((await trackMessage(second, 'test', messages[0]!.number, messages[1]!.queryCode)).kind).toBe('not_found');
    } finally {
      await second.stop();
    }
  });

  it('the archive is plain tar: GNU tar lists and unpacks it with its modes, and a backup repacked by GNU tar restores', async (ctx) => {
    const listed = await run('tar', ['-tzvf', backup]).catch(() => null);
    if (!listed) return ctx.skip(); // no tar on this machine
    expect(listed.stdout).toMatch(/^-rw------- .* duban-backup\.json\n-rw------- .* duban\.sqlite\n-rw------- .* secret\.key\n$/);

    const unpacked = fresh('by-gnu-tar');
    mkdirSync(unpacked);
    await run('tar', ['-xpzf', backup, '-C', unpacked]);
    expect(readdirSync(unpacked).sort()).toEqual(['duban-backup.json', 'duban.sqlite', 'secret.key']);
    for (const name of readdirSync(unpacked)) expect(statSync(join(unpacked, name)).mode & 0o777, name).toBe(0o600);
    expect(readFileSync(join(unpacked, 'secret.key')).equals(readFileSync(join(env.DATA_DIR!, 'secret.key')))).toBe(true);

    const repacked = fresh('repacked.tar.gz');
    await run('tar', ['-czf', repacked, '-C', unpacked, 'duban-backup.json', 'duban.sqlite', 'secret.key']);
    expect(await restoreStore({ file: repacked, dataDir: fresh('from-gnu-tar') })).toMatchObject({ messages: 3, secretRestored: true });
  });

  it('refuses a folder that is not empty, naming what is in it, and leaves it as it was', async () => {
    const dataDir = fresh('busy');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'duban.sqlite'), 'the live store');
    writeFileSync(join(dataDir, 'notes.txt'), '');
    await expect(restoreStore({ file: backup, dataDir })).rejects.toThrow(/不是空目录，里面有：duban\.sqlite、notes\.txt。恢复只写入空目录/);
    expect(readdirSync(dataDir).sort()).toEqual(['duban.sqlite', 'notes.txt']);
    expect(readFileSync(join(dataDir, 'duban.sqlite'), 'utf8')).toBe('the live store');
  });

  it('refuses a file that is not there', async () => {
    await expect(restoreStore({ file: join(work, 'no-such.tar.gz'), dataDir: fresh('data') })).rejects.toThrow(/^找不到备份文件 .*no-such\.tar\.gz。$/);
  });

  it('refuses a cut-short, altered or foreign file, and writes nothing', async () => {
    const whole = readFileSync(backup);
    const cut = fresh('cut.tar.gz');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    await expectRefused(cut, /备份文件已损坏或不完整/);

    const flipped = fresh('flipped.tar.gz');
    const altered = Buffer.from(whole);
    const middle = Math.floor(altered.length / 2);
    altered[middle] = altered[middle]! ^ 0xff;
    writeFileSync(flipped, altered);
    await expectRefused(flipped, /备份文件已损坏或不完整/);

    const text = fresh('notes.txt');
    writeFileSync(text, '这不是备份');
    await expectRefused(text, /不是 npm run backup 生成的备份（应为 gzip 压缩的 tar 文件）/);

    const gzipped = fresh('not-tar.gz');
    writeFileSync(gzipped, gzipSync(Buffer.alloc(4096, 'x')));
    await expectRefused(gzipped, /备份文件已损坏或不完整（文件头校验和不符）/);

    const plain = fresh('plain.tar');
    writeFileSync(plain, gunzipSync(whole));
    await expectRefused(plain, /不是 npm run backup 生成的备份（应为 gzip 压缩的 tar 文件）/);

    const [manifest, store, key] = await entriesOf(backup);
    await expectRefused(archiveOf([store!, manifest!, key!].map((e) => ({ name: e.name, bytes: e.bytes }))), /第一个文件应为 duban-backup\.json/);
    await expectRefused(archiveOf([manifest!, store!, key!, { name: 'extra.sh', bytes: Buffer.from('rm -rf /') }]), /不认识的文件「extra\.sh」/);
    const page = Buffer.from(store!.bytes);
    page[page.length - 100] = page[page.length - 100]! ^ 0x01;
    await expectRefused(archiveOf([manifest!, { name: 'duban.sqlite', bytes: page }, key!]), /duban\.sqlite 的校验值与清单不符/);
    await expectRefused(archiveOf([manifest!, store!]), /缺少密钥 secret\.key/);
    await expectRefused(archiveOf([manifest!, store!, { name: 'secret.key', bytes: Buffer.from('0'.repeat(64)) }]), /secret\.key 的校验值与清单不符/);
    await expectRefused(archiveOf([{ name: 'duban-backup.json', bytes: Buffer.from('{"format":"zip"}') }]), /duban-backup\.json 内容不对/);
  });

  it('refuses, before tar writes it, anything but the three files: links, folders, other paths, a repeat, sizes out of bounds', async () => {
    const [manifest, store, key] = await entriesOf(backup);
    const start = [manifest!];
    const refusals: [Forged[], RegExp][] = [
      [[...start, { name: 'duban.sqlite', type: 'SymbolicLink', linkpath: '/etc/passwd' }], /「duban\.sqlite」不是普通文件/],
      [[...start, { name: 'secret.key', type: 'Link', linkpath: 'duban-backup.json' }], /「secret\.key」不是普通文件/],
      [[...start, { name: 'duban.sqlite/', type: 'Directory' }], /「duban\.sqlite\/」不是普通文件/],
      [[{ name: 'duban-backup.json', type: 'SymbolicLink', linkpath: '../../somewhere' }], /「duban-backup\.json」不是普通文件/],
      [[...start, { name: '../duban.sqlite', bytes: store!.bytes }], /不认识的文件「\.\.\/duban\.sqlite」/],
      [[...start, { name: '/var/lib/duban/duban.sqlite', bytes: store!.bytes }], /不认识的文件「\/var\/lib\/duban\/duban\.sqlite」/],
      [[...start, { name: './duban.sqlite', bytes: store!.bytes }], /不认识的文件「\.\/duban\.sqlite」/],
      [[...start, store!, store!, key!], /「duban\.sqlite」出现了两次/],
      [[...start, store!, { name: 'secret.key', bytes: Buffer.alloc(1_000_001, 'k') }], /secret\.key 大得不正常（1000001 字节）/],
      // A header that claims more than any disk holds: refused on its header, before a byte is written.
      [[...start, { name: 'duban.sqlite', size: 2 ** 50 }], /duban\.sqlite 有 1125899906842624 字节，超过恢复目标所在磁盘的剩余空间/],
    ];
    for (const [entries, reason] of refusals) await expectRefused(archiveOf(entries), reason);
  });

  it('refuses when DUBAN_SECRET is set to another secret than the one in the backup', async () => {
    await expectRefused(backup, /已设置环境变量 DUBAN_SECRET，但它与备份中的 secret\.key 不是同一个密钥/, 'another-secret-of-at-least-32-characters');
  });

  it('a server keyed by DUBAN_SECRET: the backup holds no key, and restoring needs the same DUBAN_SECRET', async () => {
    const secret = 'the-servers-own-secret-from-its-environment';
    const dataDir = fresh('keyed');
    const keyed = await createRuntime({ ...env, DATA_DIR: dataDir, DUBAN_SECRET: secret });
    const message = await submitted(keyed, {});
    const file = fresh('keyed.tar.gz');
    const { manifest } = await backupStore({ dataDir, file, secretFromEnv: secret });
    await keyed.stop();
    expect(manifest.secret).toEqual({ env: 'DUBAN_SECRET', check: expect.any(String) });
    expect((await entriesOf(file)).map((e) => e.name)).toEqual(['duban-backup.json', 'duban.sqlite']);
    await expectRefused(file, /不含密钥（备份时服务器的密钥来自环境变量 DUBAN_SECRET）：请设置与备份时相同的 DUBAN_SECRET/);
    await expectRefused(file, /DUBAN_SECRET 与备份时使用的密钥不同/, 'another-secret-of-at-least-32-characters');
    const target = fresh('keyed-restored');
    expect(await restoreStore({ file, dataDir: target, secretFromEnv: secret })).toMatchObject({ messages: 1, secretRestored: false });
    const back = await createRuntime({ ...env, DATA_DIR: target, DUBAN_SECRET: secret });
    expect((await trackMessage(back, 'test', message.number, message.queryCode)).kind).toBe('found');
    await back.stop();
  });

  it('refuses a backup whose hash chain is broken, naming the row, or that comes from a newer version', async () => {
    const copy = fresh('tampered');
    mkdirSync(copy);
    const source = new Database(join(env.DATA_DIR!, 'duban.sqlite'), { readonly: true });
    await source.backup(join(copy, 'duban.sqlite'));
    source.close();
    copyFileSync(join(env.DATA_DIR!, 'secret.key'), join(copy, 'secret.key'));
    const file = new Database(join(copy, 'duban.sqlite'));
    const trigger = (file.prepare(`select sql from sqlite_master where name = 'message_events_no_update'`).get() as { sql: string }).sql;
    file.exec('drop trigger message_events_no_update');
    const second = file.prepare('select id from message_events order by id limit 1 offset 1').get() as { id: number };
    file.prepare(`update message_events set note = '改过的说明' where id = ?`).run(second.id);
    file.exec(trigger);
    file.close();
    const tampered = fresh('tampered.tar.gz');
    await backupStore({ dataDir: copy, file: tampered });
    await expectRefused(tampered, new RegExp(`留言办理记录（message_events）第 ${second.id} 行起哈希链断开：本行内容与其哈希不符`));

    const future = new Database(join(copy, 'duban.sqlite'));
    future.exec("insert into kysely_migration (name, timestamp) values ('099-from-the-future', '2027-01-01T00:00:00.000Z')");
    future.close();
    const newer = fresh('newer.tar.gz');
    await backupStore({ dataDir: copy, file: newer });
    await expectRefused(newer, /来自较新的版本（数据库迁移 099-from-the-future 本版本没有）/);
  });

  it('backup refuses to overwrite a file, and a folder with no store', async () => {
    await expect(backupStore({ dataDir: env.DATA_DIR!, file: backup })).rejects.toThrow(/已经存在，不覆盖/);
    const empty = fresh('empty');
    mkdirSync(empty);
    await expect(backupStore({ dataDir: empty, file: fresh('x.tar.gz') })).rejects.toThrow(/中没有留言数据库 duban\.sqlite/);
    await expect(backupStore({ dataDir: env.DATA_DIR!, file: join(work, 'no-such-folder', 'x.tar.gz') })).rejects.toThrow(/目录 .*no-such-folder 不存在/);
  });

  it('on PostgreSQL both commands refuse, print the pg_dump and pg_restore commands without the password, and touch nothing', { timeout: 60_000 }, async () => {
    expect(isPostgresUrl('postgres://u@h/db')).toBe(true);
    expect(isPostgresUrl('postgresql://u@h/db')).toBe(true);
    expect(isPostgresUrl(undefined)).toBe(false);
    const advice = postgresAdvice('postgres://duban:hunter2-secret@db.example.cn:5432/duban');
    expect(advice).toContain("pg_dump --format=custom --file=duban-$(date +%F).dump 'postgres://duban@db.example.cn:5432/duban'");
    expect(advice).toContain("pg_restore --no-owner --exit-on-error --dbname='postgres://duban@db.example.cn:5432/duban_restored'");
    expect(advice).not.toContain('hunter2');
    const dataDir = fresh('pg');
    for (const script of ['backup.ts', 'restore.ts']) {
      const failed = await run(process.execPath, [join(root, 'scripts', script), backup], {
        cwd: root,
        env: { ...process.env, ...env, DATA_DIR: dataDir, DATABASE_URL: 'postgres://duban:hunter2-secret@127.0.0.1:5432/duban' },
      }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed?.code, script).toBe(1);
      expect(failed?.stderr).toMatch(/^留言存储在 PostgreSQL.*只处理内置的 SQLite 存储，已停止。/);
      expect(failed?.stderr).toContain('pg_dump');
      expect(failed?.stderr).toContain('pg_restore');
      expect(failed?.stderr).not.toContain('hunter2');
    }
    expect(() => readdirSync(dataDir)).toThrow(); // not even created
  });

  it('on PostgreSQL the printed commands work: dump, restore into a new database, both chains verify there', { timeout: 120_000 }, async (ctx) => {
    const tools = await run('pg_dump', ['--version']).catch(() => null);
    if (!tools || !(await postgresReachable())) ctx.skip();
    const name = `duban_backup_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    const secret = 'the-postgres-servers-secret-of-32-characters';
    try {
      const onPostgres = await createRuntime({ ...env, DATABASE_URL: url.toString(), DUBAN_SECRET: secret });
      const message = await submitted(onPostgres, {});
      await act(onPostgres, DISPATCHER, message.number, 'accept', {});
      await onPostgres.stop();
      const folder = fresh('pg-dump');
      mkdirSync(folder);
      const lines = postgresAdvice(url.toString())
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => /^(pg_dump|psql|pg_restore|DATABASE_URL=)/.test(line))
        .map((line) => line.replaceAll('<日期>', '$(date +%F)').replace('DUBAN_SECRET=…', `DUBAN_SECRET=${secret}`));
      expect(lines).toHaveLength(4);
      for (const line of lines) await run('sh', ['-c', line], { cwd: line.includes('npm run') ? root : folder, env: { ...process.env, DATA_DIR: folder } });
      const restored = new URL(url);
      restored.pathname = `/${name}_restored`;
      const back = await createRuntime({ ...env, DATABASE_URL: restored.toString(), DUBAN_SECRET: secret });
      try {
        expect((await trackMessage(back, 'test', message.number, message.queryCode)).kind).toBe('found');
        expect(await verifyChain(back.store.db, secret, 'message_events')).toMatchObject({ ok: true, rows: 2 });
      } finally {
        await back.stop();
      }
    } finally {
      await admin.query(`drop database if exists ${name}_restored`);
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    }
  });

  it('the npm scripts: exit 0 with what was backed up and restored, 1 with the reason, 2 without a file', { timeout: 60_000 }, async () => {
    const script = (name: string, args: string[], dataDir: string) =>
      run(process.execPath, [join(root, 'scripts', name), ...args], { cwd: root, env: { ...process.env, ...env, DATA_DIR: dataDir, INIT_CWD: work } }).then(
        (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
    const name = `${(counter += 1)}-by-script.tar.gz`; // relative: taken from INIT_CWD, where npm was typed
    const backedUp = await script('backup.ts', [name], env.DATA_DIR!);
    expect(backedUp.code, backedUp.stderr).toBe(0);
    expect(backedUp.stdout).toContain(`已备份到 ${join(work, name)}`);
    expect(backedUp.stdout).toContain('留言 3 条，最新一条提交于');
    expect(backedUp.stdout).toContain('含服务器密钥 secret.key');
    const target = fresh('by-script');
    const restored = await script('restore.ts', [name], target);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain(`已把 ${join(work, name)} 恢复到 ${target}`);
    expect(restored.stdout).toMatch(/留言：3 条，最新一条提交于 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d（北京时间）/);
    expect(restored.stdout).toContain('留言办理记录（message_events）：4 行，哈希链完整');
    const again = await script('restore.ts', [name], target);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('不是空目录，里面有：duban.sqlite、secret.key。');
    expect((await script('restore.ts', [], target)).code).toBe(2);
    expect((await script('backup.ts', [], target)).code).toBe(2);
  });
});
