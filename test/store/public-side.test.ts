/**
 * What a hostile or unlucky member of the public meets, on both databases: the no-script question
 * cannot be guessed through, tracking look-ups limit failures (not people who have their code), and
 * Open311 shows the queue without what could identify a whistle-blower.
 */
import { expect } from 'vitest';
import type { Runtime } from '../../src/server/runtime.ts';
import { submitMessage } from '../../src/server/messages/commands/submit.ts';
import { trackMessage } from '../../src/server/messages/commands/track.ts';
import { act } from '../../src/server/messages/commands/index.ts';
import { newQuestion } from '../../src/server/anti-abuse/fallback-check.ts';
import { listRequests } from '../../src/server/open311/requests.ts';
import { DISPATCHER, handlerOf } from './harness.ts';
import { describeOnBackends, submitted } from './backends.ts';
import { loadMessage } from '../../src/server/messages/repository.ts';
import { queuePage, unitLoads } from '../../src/server/messages/queues.ts';
import { queueById } from '../../src/lib/messages/queues.ts';
import { readQueueFilter } from '../../src/lib/messages/queue-filter.ts';
import { urgeOverdue } from '../../src/server/messages/auto-urge.ts';

const choices = { types: ['consultation', 'help', 'complaint', 'suggestion', 'report'], units: ['housing', 'water'], tasks: [] };
const fields = { type: 'complaint', title: '路灯不亮', content: '望澜路北段的路灯已经一周不亮了。', phone: '13800000000', consent: true };
const NUMERALS = '零一二三四五六七八九十';

function question(secret: string) {
  const { question: words, token } = newQuestion(secret);
  const [a, b] = words
    .replace('等于多少？', '')
    .split('加')
    .map((n) => NUMERALS.indexOf(n));
  return { token, sum: a! + b! };
}

describeOnBackends(
  'the public side',
  (runtime, run) => {
    const submit = (overrides: Record<string, unknown> = {}) => submitted(runtime(), { ...fields, ...overrides }, { client: '203.0.113.1' });

    run('wrong answers to the no-script question count toward its limit, so the sums cannot be tried in turn', async () => {
      const client = '198.51.100.7';
      const answer = (token: string, value: number) =>
        submitMessage(runtime(), {
          fields,
          choices,
          channel: 'form-noscript',
          client,
          idempotencyKey: null,
          proof: { kind: 'question', token, answer: String(value) },
        });
      for (let i = 0; i < 3; i += 1) {
        const q = question(runtime().secret);
        expect((await answer(q.token, q.sum + 1)).kind).toBe('invalid');
      }
      const q = question(runtime().secret);
      expect(await answer(q.token, q.sum)).toMatchObject({ kind: 'refused', status: 429 });
      // Another address is not affected.
      const other = question(runtime().secret);
      const elsewhere = await submitMessage(runtime(), {
        fields,
        choices,
        channel: 'form-noscript',
        client: '198.51.100.8',
        idempotencyKey: null,
        proof: { kind: 'question', token: other.token, answer: String(other.sum) },
      });
      expect(elsewhere.kind).toBe('created');
    });

    run('look-ups that succeed are not counted: a household behind one address keeps tracking', async () => {
      const { number, queryCode } = await submit();
      for (let i = 0; i < 20; i += 1) expect((await trackMessage(runtime(), '192.0.2.50', number, queryCode)).kind).toBe('found');
      // Two people mistype, then the one with the code still gets in.
      expect((await trackMessage(runtime(), '192.0.2.50', number, 'AAAAA-AAAAA')).kind).toBe('not_found');
      expect((await trackMessage(runtime(), '192.0.2.50', number, 'BBBBB-BBBBB')).kind).toBe('not_found');
      expect((await trackMessage(runtime(), '192.0.2.50', number, queryCode)).kind).toBe('found');
      // A third failure reaches the address's limit: guessing stops there.
      expect((await trackMessage(runtime(), '192.0.2.50', number, 'CCCCC-CCCCC')).kind).toBe('not_found');
      expect((await trackMessage(runtime(), '192.0.2.50', number, 'DDDDD-DDDDD')).kind).toBe('limited');
    });

    run('guessing one number from many addresses is stopped per number', async () => {
      const { number, queryCode } = await submit();
      for (let i = 0; i < 5; i += 1) expect((await trackMessage(runtime(), `192.0.2.${100 + i}`, number, `GUESS-${'ACDEF'[i]}AAAA`)).kind).toBe('not_found');
      expect((await trackMessage(runtime(), '192.0.2.200', number, 'GUESS-ZZZZZ')).kind).toBe('limited');
      // Other numbers are unaffected.
      const other = await submit({ title: '另一条留言' });
      expect((await trackMessage(runtime(), '192.0.2.200', other.number, other.queryCode)).kind).toBe('found');
      expect(queryCode).not.toBe(other.queryCode);
    });

    run('Open311 lists no 举报 before it is published, and unpublished messages only to the day, without extension reasons', async () => {
      const report = await submit({ type: 'report', title: '举报某站点乱收费' });
      const complaint = await submit({ title: '投诉噪声扰民' });
      for (const { number } of [report, complaint]) {
        await act(runtime(), DISPATCHER, number, 'accept', {});
        await act(runtime(), DISPATCHER, number, 'assign', { unit: 'water' });
      }
      const due = (await listRequests(runtime(), context(runtime()), byIds(complaint.number), 'https://example.org'))[0]!.expected_datetime!.slice(0, 10);
      const later = new Date(Date.parse(`${due}T00:00:00Z`) + 20 * 86_400_000).toISOString().slice(0, 10);
      expect((await act(runtime(), DISPATCHER, complaint.number, 'extend', { newDue: later, reason: '需到举报人家中核实' })).ok).toBe(true);

      const listed = await listRequests(runtime(), context(runtime()), byIds(report.number, complaint.number), 'https://example.org');
      expect(listed.map((r) => r.service_request_id)).toEqual([complaint.number]);
      const [shown] = listed;
      expect(shown!.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(shown!.updated_datetime).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(shown!.status_notes).toContain(`已延期至 ${later}`);
      expect(shown!.status_notes).not.toContain('核实');

      // Once closed, consented and published, the 举报 is listed, with its full times.
      expect((await act(runtime(), handlerOf('water'), report.number, 'reply', { reply: '经核查，已责令整改。' })).ok).toBe(true);
      expect((await act(runtime(), DISPATCHER, report.number, 'approve', {})).ok).toBe(true);
      expect((await act(runtime(), DISPATCHER, report.number, 'redact', {})).ok).toBe(true);
      expect((await act(runtime(), DISPATCHER, report.number, 'publish', {})).ok).toBe(true);
      const [published] = await listRequests(runtime(), context(runtime()), byIds(report.number), 'https://example.org');
      expect(published?.service_request_id).toBe(report.number);
      expect(published?.requested_datetime).toMatch(/T\d{2}:\d{2}:\d{2}\+08:00$/);
    });
  },
  { RATE_LIMIT_NOSCRIPT_PER_CLIENT: '3', RATE_LIMIT_LOOKUPS: '3', RATE_LIMIT_LOOKUPS_PER_NUMBER: '5' },
);

const byIds = (...ids: string[]) => ({ ids, serviceCode: null, status: null, start: null, end: null });
function context(runtime: Runtime) {
  return {
    asOf: new Date().toISOString().slice(0, 10),
    deadlines: runtime.rules.deadlines,
    calendar: runtime.rules.calendar,
    typeLabel: (id: string) => id,
    unitName: (id: string) => id,
  };
}

describeOnBackends('the intake clocks', (runtime, run) => {
  run('a new message has a deadline at once, shows in 已超期 when left unaccepted, and the system urges it', async () => {
    const { number } = await submitted(runtime(), {}, { at: '2026-02-13T02:00:00Z' });
    const row = (await loadMessage(runtime().store.db, number))!.row;
    expect(row.due_date).toBe('2026-02-14');
    const overdue = queueById('overdue')!;
    expect((await queuePage(runtime(), overdue, { asOf: '2026-02-24' }, 1, 50)).map((r) => r.number)).toContain(number);
    expect(await urgeOverdue(runtime(), '2026-02-24')).toBeGreaterThanOrEqual(1);
    const events = (await loadMessage(runtime().store.db, number))!.record.events;
    expect(events.at(-1)).toMatchObject({ event: 'urge', role: 'system', from: 'submitted', to: 'submitted' });
  });
});

describeOnBackends('the dispatcher’s overview', (runtime, run) => {
  run('counts each unit’s open, due-soon and overdue messages in one query, the late units first', async () => {
    const assign = async (unit: string, at: string) => {
      const { number } = await submitted(runtime(), {}, { at });
      await act(runtime(), DISPATCHER, number, 'accept', {}, { at });
      await act(runtime(), DISPATCHER, number, 'assign', { unit }, { at });
      return number;
    };
    // 投诉: 15 working days. Assigned 2026-02-13 → due 2026-03-12; assigned 2026-03-10 → due 2026-03-31.
    await assign('housing', '2026-03-10T02:00:00Z');
    await assign('water', '2026-02-13T02:00:00Z');
    await assign('water', '2026-02-13T02:00:00Z');
    const replied = await assign('water', '2026-03-10T02:00:00Z');
    await act(runtime(), handlerOf('water'), replied, 'reply', { reply: '已处理。' });
    const loads = await unitLoads(runtime(), '2026-03-13');
    expect(loads).toEqual([
      { unit: 'water', open: 3, dueSoon: 0, overdue: 2 },
      { unit: 'housing', open: 1, dueSoon: 0, overdue: 0 },
    ]);
    expect((await unitLoads(runtime(), '2026-03-27')).find((l) => l.unit === 'housing')).toEqual({ unit: 'housing', open: 1, dueSoon: 1, overdue: 0 });
  });
});

describeOnBackends('the console’s queue filters', (runtime, run) => {
  run('find by number, by phone however typed, or by words; filter by type, month and channel; a handler stays in its unit', async () => {
    const a = await submitted(runtime(), { title: '望澜路路灯不亮', phone: '13920010008' }, { at: '2026-11-02T02:00:00Z' });
    const b = await submitted(
      runtime(),
      { type: 'help', title: '求助：老人行动不便', content: '独居老人行动不便，希望社区上门帮助。', phone: '13800000001' },
      { at: '2026-10-31T15:00:00Z' },
    );
    const page = async (q: Record<string, string>, unit?: string) =>
      (await queuePage(runtime(), queueById('submitted')!, { asOf: '2026-11-03', unit, filter: readQueueFilter(new URLSearchParams(q)) }, 1, 50)).map(
        (r) => r.number,
      );
    expect(await page({ q: '１３９ ２００１ ０００８' })).toEqual([a.number]);
    expect(await page({ q: a.number.toLowerCase() })).toEqual([a.number]);
    expect(await page({ q: '路灯  不亮' })).toEqual([a.number]);
    expect(await page({ q: '望澜路路灯' })).toEqual([a.number]);
    expect(await page({ q: '路灯望澜' })).toEqual([]);
    expect(await page({ q: '老' })).toEqual([b.number]);
    expect(await page({ q: '%' })).toEqual([]);
    expect(await page({ type: 'help' })).toEqual([b.number]);
    expect(await page({ month: '2026-10' })).toEqual([b.number]);
    expect(await page({ channel: 'open311' })).toEqual([]);
    expect(await page({ unit: 'water' }, 'housing')).toEqual([]);
  });
});
