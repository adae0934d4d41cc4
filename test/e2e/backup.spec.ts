/**
 * Backup under load: several clients keep submitting through Open311 while `npm run backup` copies
 * the server's store; the backup is restored with `npm run restore` into a new folder, a second
 * server is started on it, and every message acknowledged before the backup began is found there by
 * its number and query code (the citizen's own tracking look-up), and both audit chains verify.
 * The store carries some ballast so that the copy itself overlaps the clients' writes.
 */
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { solvedProof, startServer, type TestServer } from './spawn-server';

test.setTimeout(240_000);

const root = join(import.meta.dirname, '..', '..');
const CLIENTS = 8;
/** Messages on file before the backup starts, so it has something to copy while more arrive. */
const BEFORE = 200;
const BALLAST_BYTES = 32 * 1024 * 1024;

interface Acknowledged {
  number: string;
  code: string;
  /** When the answer arrived (performance.now()). */
  at: number;
}

/** `npm run <script> -- <args>` as an operator types it; resolves with the exit code and output. */
function npmRun(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** One client: submit, wait for the answer, submit again, until told to stop; any answer but 201 is a failure. */
async function client(server: TestServer, id: number, acknowledged: Acknowledged[], running: () => boolean): Promise<void> {
  for (let i = 0; running(); i += 1) {
    const response = await fetch(`${server.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `backup-${id}-${i}-${randomBytes(6).toString('hex')}` },
      body: JSON.stringify({
        service_code: 'complaint',
        'attribute[title]': `备份测试第 ${id} 号客户第 ${i} 条`,
        description: `这是备份测试提交的留言内容，客户 ${id}，序号 ${i}。`,
        phone: '13800000000',
        altcha: await solvedProof(server.url),
      }),
    });
    if (response.status !== 201) throw new Error(`client ${id}: ${response.status} ${await response.text()}`);
    const [created] = (await response.json()) as { service_request_id: string; query_code: string }[];
    acknowledged.push({ number: created!.service_request_id, code: created!.query_code, at: performance.now() });
  }
}

test('a backup taken while messages keep arriving holds every message acknowledged before it began', async () => {
  const work = mkdtempSync(join(tmpdir(), 'duban-backup-e2e-'));
  const file = join(work, 'duban-backup.tar.gz');
  const restoredDir = join(work, 'restored');
  const first = await startServer(4661);
  let second: TestServer | undefined;
  try {
    const acknowledged: Acknowledged[] = [];
    let running = true;
    const clients = Array.from({ length: CLIENTS }, (_, id) => client(first, id, acknowledged, () => running));
    const failed = Promise.race(clients.map((c) => c.then(() => new Promise<never>(() => {}))));
    const waitFor = async (count: number) => {
      const deadline = Date.now() + 60_000;
      while (acknowledged.length < count) {
        if (Date.now() > deadline) throw new Error(`only ${acknowledged.length} messages acknowledged in a minute`);
        await Promise.race([new Promise((r) => setTimeout(r, 50)), failed]);
      }
    };
    await waitFor(BEFORE);
    // Ballast, so that copying the store takes a while (tens of milliseconds per 10 MB) while the clients go on writing.
    const ballast = new Database(join(first.dataDir, 'duban.sqlite'));
    ballast.pragma('busy_timeout = 5000');
    ballast.exec('create table test_ballast (b blob)');
    ballast.prepare('insert into test_ballast values (zeroblob(?))').run(BALLAST_BYTES);
    ballast.close();

    // Everything answered so far was answered before the backup process even started.
    const beforeBackup = [...acknowledged];
    const startedAt = performance.now();
    const backup = await Promise.race([npmRun('backup', [file], first.env), failed]);
    const endedAt = performance.now();
    const whileBackingUp = acknowledged.filter((a) => a.at > startedAt && a.at < endedAt).length;
    await waitFor(acknowledged.length + CLIENTS); // and the server goes on taking messages after it
    running = false;
    await Promise.all(clients);

    test.info().annotations.push({
      type: 'load',
      description: `${beforeBackup.length} acknowledged before the backup, ${whileBackingUp} while it ran, ${acknowledged.length} in all`,
    });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(`已备份到 ${file}`);
    expect(whileBackingUp, 'the server kept acknowledging messages during the backup').toBeGreaterThan(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const restore = await npmRun('restore', [file], { ...first.env, DATA_DIR: restoredDir });
    expect(restore.code, restore.stderr).toBe(0);
    const restoredCount = Number(/留言：([\d,]+) 条/.exec(restore.stdout)?.[1]?.replace(/,/g, ''));
    expect(restoredCount).toBeGreaterThanOrEqual(beforeBackup.length);
    expect(restoredCount).toBeLessThanOrEqual(acknowledged.length);
    test.info().annotations.push({ type: 'restored', description: `${restoredCount} messages in the backup` });
    expect(restore.stdout).toContain('数据库自检（PRAGMA integrity_check）：通过');
    expect(restore.stdout).toMatch(/留言办理记录（message_events）：\d+ 行，哈希链完整/);
    expect(readdirSync(restoredDir).sort()).toEqual(['duban.sqlite', 'secret.key']);
    expect(statSync(join(restoredDir, 'secret.key')).mode & 0o777).toBe(0o600);

    second = await startServer(4662, { DATA_DIR: restoredDir });
    const missing: string[] = [];
    const queue = [...beforeBackup];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const response = await fetch(`${second!.url}/messages/track`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ number: next.number, code: next.code }),
          });
          const body = await response.text();
          if (response.status !== 200 || !body.includes('办理过程') || !body.includes(next.number)) missing.push(`${next.number} (${response.status})`);
        }
      }),
    );
    expect(missing, 'acknowledged before the backup, not found after restoring it').toEqual([]);

    const verify = await npmRun('audit:verify', [], { ...first.env, DATA_DIR: restoredDir });
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/留言办理记录（message_events）：\d+ 行，哈希链完整。/);
    expect(verify.stdout).toMatch(/工作人员审计日志（audit_log）：\d+ 行，哈希链完整。/);
  } finally {
    await first.kill('SIGKILL');
    await second?.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
    rmSync(first.dataDir, { recursive: true, force: true });
  }
});
