/**
 * A time limit is a promise (docs/decisions/009): after the settings change and the server
 * restarts, messages already submitted keep their limits and due days, a new message gets the new
 * limit, and for every message the stored due day is the one `deadlineOf` derives from its events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime, type Runtime } from '../../src/server/runtime.ts';
import { submitMessage } from '../../src/server/messages/commands/submit.ts';
import { act } from '../../src/server/messages/commands/index.ts';
import { loadMessage, loadMessages } from '../../src/server/messages/repository.ts';
import { storedDueDate } from '../../src/server/messages/deadline-of.ts';
import { deadlineOf } from '../../src/lib/messages/deadlines.ts';
import { backendEnv, DISPATCHER, handlerOf, solvedPayload } from './harness.ts';

const choices = { types: ['consultation', 'help', 'complaint', 'suggestion', 'report'], units: ['water'], tasks: [] };
const fields = { type: 'complaint', title: '路灯不亮', content: '望澜路北段的路灯已经一周不亮了。', phone: '13800000000', consent: true };

describe('changing a time limit', () => {
  let content: string;
  let env: NodeJS.ProcessEnv;
  let cleanup: () => Promise<void>;
  let runtime: Runtime;

  beforeAll(async () => {
    content = mkdtempSync(join(tmpdir(), 'duban-limits-'));
    cpSync('content', content, { recursive: true });
    const backend = await backendEnv('sqlite', { DUBAN_CONTENT_DIR: content });
    env = backend.env;
    cleanup = backend.cleanup;
  });
  afterAll(async () => {
    await runtime?.stop();
    await cleanup();
    rmSync(content, { recursive: true, force: true });
  });

  const submit = async () => {
    const result = await submitMessage(runtime, {
      fields,
      choices,
      channel: 'form',
      client: 'x',
      idempotencyKey: null,
      proof: { kind: 'pow', payload: await solvedPayload(runtime.secret) },
    });
    if (result.kind !== 'created') throw new Error(result.kind);
    return result.number;
  };
  const handle = async (number: string, at: string) => {
    await act(runtime, DISPATCHER, number, 'accept', {}, { at });
    await act(runtime, DISPATCHER, number, 'assign', { unit: 'water' }, { at });
  };
  const due = async (number: string) => (await loadMessage(runtime.store.db, number))!.row.due_date;

  it('keeps the days of messages already submitted, gives new ones the new limit, and stored and computed days agree', async () => {
    runtime = await createRuntime(env);
    const open = await submit();
    await handle(open, '2026-12-01T02:00:00Z');
    const waiting = await submit(); // not yet assigned: its clock has not started, but its limit is promised
    const closed = await submit();
    await handle(closed, '2026-12-01T02:00:00Z');
    expect((await act(runtime, handlerOf('water'), closed, 'reply', { reply: '已修复。' })).ok).toBe(true);
    expect((await act(runtime, DISPATCHER, closed, 'approve', {})).ok).toBe(true);
    expect(await due(open)).toBe('2026-12-22'); // 投诉: 15 working days from 2026-12-01
    await runtime.stop();

    const settingsFile = join(content, 'settings', 'site.yml');
    const settings = readFileSync(settingsFile, 'utf8');
    const changed = settings.replace(/(id: complaint, label: 投诉, limitWorkingDays: )15/, '$110');
    expect(changed).not.toBe(settings);
    writeFileSync(settingsFile, changed);

    runtime = await createRuntime(env);
    expect(runtime.rules.deadlines.limits.complaint).toBe(10);
    expect(await due(open)).toBe('2026-12-22');
    // A closed message works to no deadline now; the reply deadline it was held to (Open311's expected_datetime) stays.
    const closedRecord = (await loadMessage(runtime.store.db, closed))!.record;
    const closedDeadline = deadlineOf(closedRecord, runtime.rules.deadlines, runtime.rules.calendar);
    expect(closedDeadline.kind === 'set' && closedDeadline.due).toBe('2026-12-22');
    await handle(waiting, '2026-12-01T02:00:00Z');
    expect(await due(waiting)).toBe('2026-12-22'); // submitted under the 15-day rule

    const fresh = await submit();
    await handle(fresh, '2026-12-01T02:00:00Z');
    expect(await due(fresh)).toBe('2026-12-15'); // 10 working days
    const deadline = deadlineOf((await loadMessage(runtime.store.db, fresh))!.record, runtime.rules.deadlines, runtime.rules.calendar);
    expect(deadline.kind === 'set' && [deadline.days, deadline.daysFrom]).toEqual([10, 'submission']);

    for (const { row, record } of await loadMessages(runtime.store.db)) expect(row.due_date, row.number).toBe(storedDueDate(runtime.rules, record));
  });
});
