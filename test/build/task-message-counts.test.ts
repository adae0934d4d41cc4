/**
 * A task page says how many messages concern it when the build can see a message store: two
 * messages about one task, one of them published, must read "2 条，其中已公开答复 1 条", counted on
 * the Beijing day of the build: a build at 23:30 UTC is already the next day in China.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/server/runtime.ts';
import { submitMessage } from '../../src/server/messages/commands/submit.ts';
import { act } from '../../src/server/messages/commands/index.ts';
import { DISPATCHER, handlerOf } from '../fixtures/actors.ts';
import { solvedPayload } from '../store/harness.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const work = await mkdtemp(join(root, 'node_modules', '.duban-counts-'));
afterAll(() => rm(work, { recursive: true, force: true }));

describe('message counts on task pages', { timeout: 180_000 }, () => {
  it('come from the store the build can see', async () => {
    const dataDir = join(work, 'data');
    const content = join(work, 'content');
    await cp(join(root, 'content'), content, { recursive: true });
    const env = { ...process.env, DATA_DIR: dataDir, DUBAN_CONTENT_DIR: content, ALTCHA_COST: '30' };
    const runtime = await createRuntime(env);
    const numbers: string[] = [];
    for (const title of ['新建学校何时招生', '学校周边交通拥堵']) {
      const result = await submitMessage(runtime, {
        fields: { type: 'consultation', task: 'MS-2026-001', title, content: '想了解公示栏上这项任务的最新进展情况。', phone: '13800000000', consent: true },
        choices: { types: ['consultation'], units: [], tasks: ['MS-2026-001'] },
        channel: 'form',
        client: 'test',
        idempotencyKey: null,
        proof: { kind: 'pow', payload: await solvedPayload(runtime.secret, 30) },
      });
      if (result.kind !== 'created') throw new Error(result.kind);
      numbers.push(result.number);
    }
    expect((await act(runtime, DISPATCHER, numbers[0]!, 'accept', {})).ok).toBe(true);
    expect((await act(runtime, DISPATCHER, numbers[0]!, 'assign', { unit: 'education' })).ok).toBe(true);
    expect((await act(runtime, handlerOf('education'), numbers[0]!, 'reply', { reply: '预计明年秋季招生。' })).ok).toBe(true);
    expect((await act(runtime, DISPATCHER, numbers[0]!, 'approve', {})).ok).toBe(true);
    expect((await act(runtime, DISPATCHER, numbers[0]!, 'redact', {})).ok).toBe(true);
    expect((await act(runtime, DISPATCHER, numbers[0]!, 'publish', {})).ok).toBe(true);
    await runtime.stop();

    const out = join(work, 'out');
    await run(join(root, 'node_modules', '.bin', 'astro'), ['build'], {
      cwd: root,
      env: {
        ...env,
        DUBAN_OUT_DIR: out,
        DUBAN_AS_OF: '2026-11-23',
        DUBAN_TEST_CLOCK: '2026-11-23T23:30:00Z',
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${join(root, 'test', 'fixtures', 'clock-at.mjs')}`,
      },
      maxBuffer: 64 * 1024 * 1024,
    });
    const page = await readFile(join(out, 'client', 'tasks', 'MS-2026-001', 'index.html'), 'utf8');
    expect(page).toContain('共收到关于此任务的留言 2 条，其中已公开答复 1 条');
    expect(page).toMatch(/截至 <time datetime="2026-11-23T23:30[^"]*">2026年11月24日<\/time>（本页生成时）/);
    const other = await readFile(join(out, 'client', 'tasks', 'ND-2026-001', 'index.html'), 'utf8');
    expect(other).toContain('共收到关于此任务的留言 0 条');
  });
});
