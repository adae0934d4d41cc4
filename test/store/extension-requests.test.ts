/**
 * 申请延期 on both databases: a unit's handler asks for a later due day with a reason; the office
 * finds it in the 延期申请 queue and grants it (the due day moves to the day granted) or declines it
 * (the due day stays); one request waits at a time; a reply or a return settles it; nobody but the
 * unit's handlers may ask, and nobody but the office may decide. The office's dispatchers are told.
 */
import { expect } from 'vitest';
import { addDays } from '../../src/lib/calendar/dates.ts';
import { queueById } from '../../src/lib/messages/queues.ts';
import { readQueueFilter } from '../../src/lib/messages/queue-filter.ts';
import { deadlineOf } from '../../src/lib/messages/deadlines.ts';
import { publicTimeline } from '../../src/lib/messages/timeline.ts';
import { createAccount } from '../../src/server/auth/accounts.ts';
import { act } from '../../src/server/messages/commands/index.ts';
import { loadMessage } from '../../src/server/messages/repository.ts';
import { queueCount, queuePage } from '../../src/server/messages/queues.ts';
import { DISPATCHER, handlerOf } from './harness.ts';
import { describeOnBackends, submitted } from './backends.ts';

const QUEUE = queueById('extension-requests')!;

describeOnBackends('requests for an extension', (runtime, run) => {
  const assigned = async (unit = 'water') => {
    const { number } = await submitted(runtime(), { title: '路面塌陷', content: '望澜路与滨江路口路面塌陷。' });
    expect((await act(runtime(), DISPATCHER, number, 'accept', {})).ok).toBe(true);
    const done = await act(runtime(), DISPATCHER, number, 'assign', { unit });
    expect(done.ok).toBe(true);
    return { number, due: (await row(number)).due_date! };
  };
  const row = (number: string) => runtime().store.db.selectFrom('messages').selectAll().where('number', '=', number).executeTakeFirstOrThrow();
  /** Whether the message is in the 延期申请 queue, as the office sees it and as a unit does. */
  const queued = async (number: string, unit?: string) => {
    const scope = { asOf: '2026-11-29', filter: readQueueFilter(new URLSearchParams({ q: number })), ...(unit ? { unit } : {}) };
    const count = await queueCount(runtime(), QUEUE, scope);
    expect((await queuePage(runtime(), QUEUE, scope, 1, 50)).length).toBe(count);
    return count === 1;
  };

  run(
    'a handler asks, the office finds it in the queue and grants it: the due day moves, the dispatchers were told, the unit and the citizen are told',
    async () => {
      const office = await createAccount(runtime(), { login: 'ext-office', name: '王督办', role: 'dispatcher', email: 'wang@office.example.org' });
      expect(office.ok).toBe(true);
      await createAccount(runtime(), { login: 'ext-water', name: '李承办', role: 'handler', unit: 'water', email: 'li@water.example.org' });
      const { number, due } = await assigned();
      const asked = addDays(due, 10);
      const request = await act(runtime(), handlerOf('water'), number, 'request_extension', { newDue: asked, reason: '需等待管线探测报告' });
      expect(request.ok && request.record.state).toBe('assigned');
      expect((await row(number)).extension_requested_at).not.toBeNull();
      expect([await queued(number), await queued(number, 'water'), await queued(number, 'housing')]).toEqual([true, true, false]);
      // The due day has not moved yet.
      expect((await row(number)).due_date).toBe(due);
      const notices = async () =>
        (
          await runtime().store.db.selectFrom('outbox').select(['recipient', 'subject', 'body']).where('message_number', '=', number).orderBy('id').execute()
        ).map((n) => [n.recipient, n.subject]);
      expect((await notices()).at(-1)).toEqual(['wang@office.example.org', `【望澜区督办公开】延期申请：留言 ${number}`]);

      const granted = await act(runtime(), DISPATCHER, number, 'extend', { newDue: asked, reason: '需探明地下管线后施工' });
      expect(granted.ok).toBe(true);
      const after = await row(number);
      expect([after.due_date, after.extension_requested_at]).toEqual([asked, null]);
      expect(await queued(number)).toBe(false);
      const { record } = (await loadMessage(runtime().store.db, number))!;
      const deadline = deadlineOf(record, runtime().rules.deadlines, runtime().rules.calendar);
      expect(deadline.kind === 'set' && [deadline.due, deadline.extension?.reason]).toEqual([asked, '需探明地下管线后施工']);
      expect(record.events.slice(-2).map((e) => [e.event, e.role, e.newDue])).toEqual([
        ['request_extension', 'handler', asked],
        ['extend', 'dispatcher', asked],
      ]);
      // The public sees that the unit asked, and the extension granted with the office's reason, not the unit's.
      const shown = JSON.stringify(publicTimeline(record.events, (id) => id));
      expect(shown).toContain('承办单位申请延期');
      expect(shown).not.toContain('管线探测报告');
      expect((await notices()).slice(-1)).toEqual([['li@water.example.org', `【望澜区督办公开】答复期限已延长：留言 ${number}`]]);
    },
  );

  run('the office declines a request with a reason: the due day stays, the request leaves the queue, and the unit may ask again', async () => {
    const { number, due } = await assigned();
    await act(runtime(), handlerOf('water'), number, 'request_extension', { newDue: addDays(due, 20), reason: '施工队伍紧张' });
    expect(await act(runtime(), DISPATCHER, number, 'decline_extension', { reason: ' ' })).toEqual({
      ok: false,
      status: 400,
      message: '不同意延期须说明理由（承办单位会看到）',
    });
    const declined = await act(runtime(), DISPATCHER, number, 'decline_extension', { reason: '可调用应急抢修队，请按期答复' });
    expect(declined.ok && declined.record.events.at(-1)).toMatchObject({
      event: 'decline_extension',
      internalNote: '可调用应急抢修队，请按期答复',
      note: null,
    });
    expect([(await row(number)).due_date, (await row(number)).extension_requested_at]).toEqual([due, null]);
    expect(await queued(number)).toBe(false);
    expect(await act(runtime(), DISPATCHER, number, 'decline_extension', { reason: '再次不同意' })).toEqual({
      ok: false,
      status: 400,
      message: '这条留言没有等待处理的延期申请',
    });
    const again = await act(runtime(), handlerOf('water'), number, 'request_extension', { newDue: addDays(due, 5), reason: '应急队伍已派往别处' });
    expect(again.ok).toBe(true);
    expect(await queued(number)).toBe(true);
  });

  run('one request waits at a time; the day asked for must be later than the due day; a reason is needed', async () => {
    const { number, due } = await assigned();
    const ask = (newDue: unknown, reason: unknown = '需要协调') => act(runtime(), handlerOf('water'), number, 'request_extension', { newDue, reason });
    expect(await ask(due)).toEqual({ ok: false, status: 400, message: `申请的期限应晚于当前期限 ${due}` });
    expect(await ask('2026-02-30')).toEqual({ ok: false, status: 400, message: '请填写申请延至的日期（YYYY-MM-DD）' });
    expect(await ask('')).toEqual({ ok: false, status: 400, message: '请填写申请延至的日期（YYYY-MM-DD）' });
    expect(await ask(addDays(due, 3), '')).toEqual({ ok: false, status: 400, message: '申请延期须说明理由' });
    expect(await ask(addDays(due, 3), '长'.repeat(501))).toEqual({ ok: false, status: 400, message: '延期理由最多 500 个字，现在是 501 个字' });
    expect((await ask(addDays(due, 3))).ok).toBe(true);
    expect(await ask(addDays(due, 8), '换个日期')).toEqual({
      ok: false,
      status: 400,
      message: `已有一项延期申请（申请延至 ${addDays(due, 3)}）等待督查室处理，处理后才能再次申请`,
    });
    const { record } = (await loadMessage(runtime().store.db, number))!;
    expect(record.events.filter((e) => e.event === 'request_extension')).toHaveLength(1);
  });

  run('a reply or a return settles a waiting request', async () => {
    const replied = await assigned();
    await act(runtime(), handlerOf('water'), replied.number, 'request_extension', { newDue: addDays(replied.due, 4), reason: '需要补充材料' });
    await act(runtime(), handlerOf('water'), replied.number, 'reply', { reply: '已修复路面。' });
    expect((await row(replied.number)).extension_requested_at).toBeNull();
    await act(runtime(), DISPATCHER, replied.number, 'send_back', { note: '请写明修复日期' });
    expect(await queued(replied.number)).toBe(false);
    expect((await act(runtime(), DISPATCHER, replied.number, 'decline_extension', { reason: '不同意' })).ok).toBe(false);

    const returned = await assigned();
    await act(runtime(), handlerOf('water'), returned.number, 'request_extension', { newDue: addDays(returned.due, 4), reason: '需要补充材料' });
    await act(runtime(), handlerOf('water'), returned.number, 'return', { reason: '道路归交通部门' });
    expect(await queued(returned.number)).toBe(false);
  });

  run('only the unit’s handlers may ask, and only the office may grant or decline', async () => {
    const { number, due } = await assigned();
    const input = { newDue: addDays(due, 6), reason: '越权申请' };
    expect(await act(runtime(), handlerOf('housing'), number, 'request_extension', input)).toEqual({
      ok: false,
      status: 403,
      message: '这条留言不由您所在的单位办理，无权操作',
    });
    expect(await act(runtime(), DISPATCHER, number, 'request_extension', input)).toMatchObject({ ok: false, status: 403 });
    expect(await queued(number)).toBe(false);
    expect((await act(runtime(), handlerOf('water'), number, 'request_extension', input)).ok).toBe(true);
    for (const handler of [handlerOf('water'), handlerOf('housing')]) {
      expect(await act(runtime(), handler, number, 'decline_extension', { reason: '自己批' })).toMatchObject({ ok: false, status: 403 });
      expect(await act(runtime(), handler, number, 'extend', { newDue: addDays(due, 6), reason: '自己批' })).toMatchObject({ ok: false, status: 403 });
    }
    expect([(await row(number)).due_date, await queued(number)]).toEqual([due, true]);
  });
});
