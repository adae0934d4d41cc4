/**
 * 一事一档: the logs are append-only hash chains. The database refuses UPDATE and DELETE on them (on
 * both databases); `npm run audit:verify` passes on an honest store and names the first broken row
 * after an edit made behind the triggers' back; a store from before the chain (and before limits were
 * recorded) is brought forward by the migrations, its rows chained and its promised limits recorded.
 */
import { expect } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, it } from 'vitest';
import { act } from '../../src/server/messages/commands/index.ts';
import { verifyChain } from '../../src/server/audit/chain.ts';
import { signIn } from '../../src/server/auth/sign-in.ts';
import { createAccount } from '../../src/server/auth/accounts.ts';
import { up as messages001 } from '../../src/server/db/migrations/001-messages.ts';
import { createRuntime } from '../../src/server/runtime.ts';
import { loadMessage } from '../../src/server/messages/repository.ts';
import { DISPATCHER, backendEnv } from './harness.ts';
import { describeOnBackends, submitted } from './backends.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

describeOnBackends('the append-only logs', (runtime, test) => {
  test('refuse UPDATE and DELETE, and verify as whole chains', async () => {
    const { number } = await submitted(runtime(), {});
    await act(runtime(), DISPATCHER, number, 'accept', {});
    await createAccount(runtime(), { login: 'auditee', name: '审计', role: 'dispatcher' });
    await signIn(runtime(), { login: 'auditee', password: 'wrong-password' }, '192.0.2.1');
    const db = runtime().store.db;
    await expect(sql`update message_events set note = 'edited'`.execute(db)).rejects.toThrow(/只能追加/);
    await expect(sql`delete from message_events`.execute(db)).rejects.toThrow(/只能追加/);
    await expect(sql`update audit_log set detail = 'edited'`.execute(db)).rejects.toThrow(/只能追加/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/只能追加/);
    expect(await verifyChain(db, runtime().secret, 'message_events')).toMatchObject({ ok: true, rows: 2 });
    const staff = await verifyChain(db, runtime().secret, 'audit_log');
    expect(staff).toMatchObject({ ok: true, rows: 2 }); // account created, failed sign-in
  });
});

describe('npm run audit:verify', () => {
  it('passes on an honest store and names the first row edited behind the triggers’ back', { timeout: 60_000 }, async () => {
    const { env, cleanup } = await backendEnv('sqlite');
    const runtime = await createRuntime(env);
    const { number } = await submitted(runtime, {});
    await act(runtime, DISPATCHER, number, 'accept', {});
    await act(runtime, DISPATCHER, number, 'assign', { unit: 'water' });
    const events = (await loadMessage(runtime.store.db, number))!.record.events;
    expect(events).toHaveLength(3);
    await runtime.stop();
    const verify = () => run(process.execPath, [join(root, 'scripts', 'audit-verify.ts')], { cwd: root, env: { ...process.env, ...env } });
    expect((await verify()).stdout).toContain('留言办理记录（message_events）：3 行，哈希链完整。');

    // Someone with the database file drops the trigger, edits the accept note, and puts the trigger back.
    const file = new Database(join(env.DATA_DIR!, 'duban.sqlite'));
    const trigger = (file.prepare(`select sql from sqlite_master where name = 'message_events_no_update'`).get() as { sql: string }).sql;
    file.exec('drop trigger message_events_no_update');
    const second = file.prepare(`select id from message_events order by id limit 1 offset 1`).get() as { id: number };
    file.prepare(`update message_events set note = '改过的说明' where id = ?`).run(second.id);
    file.exec(trigger);
    file.close();
    const broken = await verify().then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(broken?.code).toBe(1);
    expect(broken?.stderr).toContain(`第 ${second.id} 行起哈希链断开：本行内容与其哈希不符`);
    await cleanup();
  });

  it('migrations bring an older store forward: its events chained, its promised limits recorded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-old-'));
    const raw = new Database(join(dir, 'duban.sqlite'));
    const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    await messages001(old, 'sqlite');
    // Kysely's own bookkeeping, as a store migrated only to 001 would have it.
    await sql`create table kysely_migration (name varchar(255) not null primary key, timestamp varchar(255) not null)`.execute(old);
    await sql`create table kysely_migration_lock (id varchar(255) not null primary key, is_locked integer default 0 not null)`.execute(old);
    await sql`insert into kysely_migration values ('001-messages', '2026-11-23T00:00:00.000Z')`.execute(old);
    await sql`insert into messages (number, type, state, title, content, phone, consent, published, channel, submitted_at, query_code_hash, idempotency_hash, content_hash, updated_at)
      values ('LY20261101-0001', 'complaint', 'submitted', '旧留言', '升级前提交的留言内容', '13800000000', 1, 0, 'form', '2026-11-01T01:00:00.000Z', 'q', 'i', 'c', '2026-11-01T01:00:00.000Z')`.execute(
      old,
    );
    await sql`insert into message_events (message_id, event, at, role, from_state, to_state) values (1, 'submit', '2026-11-01T01:00:00.000Z', 'citizen', null, 'submitted')`.execute(
      old,
    );
    await old.destroy();

    const { env, cleanup } = await backendEnv('sqlite', { DATA_DIR: dir });
    const runtime = await createRuntime(env);
    const events = (await loadMessage(runtime.store.db, 'LY20261101-0001'))!.record.events;
    expect(events[0]).toMatchObject({ event: 'submit', limitDays: 15 });
    // The first start also gives the old message its intake deadline, with a note on its timeline.
    expect(events.slice(1).map((e) => e.event)).toEqual(['recompute_deadline']);
    expect(await verifyChain(runtime.store.db, runtime.secret, 'message_events')).toMatchObject({ ok: true, rows: 2 });
    await act(runtime, DISPATCHER, 'LY20261101-0001', 'accept', {});
    expect(await verifyChain(runtime.store.db, runtime.secret, 'message_events')).toMatchObject({ ok: true, rows: 3 });
    await runtime.stop();
    await cleanup();
  });
});
