/**
 * Actors checked inside every action, on both databases: a handler acts on its own unit's messages
 * only, whatever sequence of actions it tries; a citizen's contact details are read only by those
 * who need them, and every read leaves its record.
 */
import { expect } from 'vitest';
import fc from 'fast-check';
import { act, ACTIONS, type ActionEvent } from '../../src/server/messages/commands/index.ts';
import { contactReadsOf, readContactDetails } from '../../src/server/messages/commands/read-contact.ts';
import { loadMessage } from '../../src/server/messages/repository.ts';
import { CITIZEN, DISPATCHER, handlerOf } from './harness.ts';
import { describeOnBackends, submitted } from './backends.ts';

describeOnBackends('actors', (runtime, run) => {
  const assigned = async (unit: string) => {
    const result = await submitted(runtime(), { name: '赵小燕', phone: '13912340000', email: 'zhao@example.cn' });
    expect((await act(runtime(), DISPATCHER, result.number, 'accept', {})).ok).toBe(true);
    expect((await act(runtime(), DISPATCHER, result.number, 'assign', { unit })).ok).toBe(true);
    return result.number;
  };

  run('contact details go only to those who need them, and every read is recorded with who, when and why', async () => {
    const number = await assigned('water');
    const row = (await loadMessage(runtime().store.db, number))!.row as Record<string, unknown>;
    expect(row).not.toHaveProperty('phone');
    expect(row).not.toHaveProperty('email');

    expect(await readContactDetails(runtime(), handlerOf('housing'), number, 'reply')).toMatchObject({ ok: false, status: 403 });
    expect(await readContactDetails(runtime(), CITIZEN, number, 'reply')).toMatchObject({ ok: false, status: 403 });
    expect(await readContactDetails(runtime(), DISPATCHER, number, 'curiosity')).toMatchObject({ ok: false, status: 400 });
    expect(await contactReadsOf(runtime(), number)).toEqual([]);

    expect(await readContactDetails(runtime(), handlerOf('water'), number, 'reply', '2026-11-28T01:00:00.000Z')).toEqual({
      ok: true,
      contact: { name: '赵小燕', phone: '13912340000', email: 'zhao@example.cn' },
    });
    expect((await readContactDetails(runtime(), DISPATCHER, number, 'callback', '2026-11-28T02:00:00.000Z')).ok).toBe(true);
    expect(await contactReadsOf(runtime(), number)).toEqual([
      { at: '2026-11-28T01:00:00.000Z', role: 'handler', account_id: 'test-handler-water', unit: 'water', purpose: 'reply' },
      { at: '2026-11-28T02:00:00.000Z', role: 'dispatcher', account_id: 'test-dispatcher', unit: null, purpose: 'callback' },
    ]);
  });

  run('history is kept: every answer, reassignment, extension and rating stays on the record; the row holds the latest', async () => {
    const number = await assigned('water');
    expect((await act(runtime(), handlerOf('water'), number, 'return', { reason: '属于住建部门职责' })).ok).toBe(true);
    expect((await act(runtime(), DISPATCHER, number, 'assign', { unit: 'housing' })).ok).toBe(true);
    expect((await act(runtime(), DISPATCHER, number, 'extend', { newDue: '2099-01-10', reason: '需现场核实' })).ok).toBe(true);
    expect((await act(runtime(), DISPATCHER, number, 'extend', { newDue: '2099-02-10', reason: '需协调供电部门' })).ok).toBe(true);
    expect((await act(runtime(), handlerOf('housing'), number, 'reply', { reply: '第一稿：已安排检修。' })).ok).toBe(true);
    expect((await act(runtime(), DISPATCHER, number, 'send_back', { note: '请写明完成时间' })).ok).toBe(true);
    expect((await act(runtime(), handlerOf('housing'), number, 'reply', { reply: '第二稿：已于 3 月 5 日修复。' })).ok).toBe(true);
    expect((await act(runtime(), DISPATCHER, number, 'approve', {})).ok).toBe(true);
    expect((await act(runtime(), CITIZEN, number, 'rate', { rating: 'unsatisfied', comment: '晚上又坏了' })).ok).toBe(true);
    expect((await act(runtime(), DISPATCHER, number, 'reopen', {})).ok).toBe(true);
    expect((await act(runtime(), handlerOf('housing'), number, 'reply', { reply: '第三稿：已更换整段线路。' })).ok).toBe(true);
    expect((await act(runtime(), DISPATCHER, number, 'approve', {})).ok).toBe(true);
    expect((await act(runtime(), CITIZEN, number, 'rate', { rating: 'satisfied' })).ok).toBe(true);

    const { row, record } = (await loadMessage(runtime().store.db, number))!;
    const of = (event: string) => record.events.filter((e) => e.event === event);
    expect(of('reply').map((e) => e.reply)).toEqual(['第一稿：已安排检修。', '第二稿：已于 3 月 5 日修复。', '第三稿：已更换整段线路。']);
    expect(of('assign').map((e) => e.unit)).toEqual(['water', 'housing']);
    expect(of('return').map((e) => e.note)).toEqual(['属于住建部门职责']);
    expect(of('extend').map((e) => [e.newDue, e.note])).toEqual([
      ['2099-01-10', '需现场核实'],
      ['2099-02-10', '需协调供电部门'],
    ]);
    expect(of('rate').map((e) => e.rating)).toEqual(['unsatisfied', 'satisfied']);
    expect([row.reply, row.unit, row.rating]).toEqual(['第三稿：已更换整段线路。', 'housing', 'satisfied']);
  });

  run('a repeat (重复件) is closed pointing to the earlier message, which must exist and not be a repeat itself', async () => {
    const original = await assigned('water');
    const { number: later } = await submitted(runtime(), { title: '又是路灯不亮' });
    expect(await act(runtime(), DISPATCHER, later, 'mark_repeat', { of: 'LY20990101-0001' })).toMatchObject({
      ok: false,
      message: '没有编号为 LY20990101-0001 的留言',
    });
    expect(await act(runtime(), DISPATCHER, later, 'mark_repeat', { of: later })).toMatchObject({ ok: false, message: '不能把留言标为自己的重复件' });
    expect(await act(runtime(), handlerOf('water'), later, 'mark_repeat', { of: original })).toMatchObject({ ok: false, status: 403 });
    const done = await act(runtime(), DISPATCHER, later, 'mark_repeat', { of: original.toLowerCase() });
    expect(done.ok && [done.record.state, done.record.repeatOf, done.record.events.at(-1)?.note]).toEqual([
      'rejected',
      original,
      `与留言 ${original} 反映的是同一事项，已并入该留言办理`,
    ]);
    const { number: third } = await submitted(runtime(), { title: '第三次反映路灯' });
    expect(await act(runtime(), DISPATCHER, third, 'mark_repeat', { of: later })).toMatchObject({
      ok: false,
      message: `留言 ${later} 本身是重复件，请填写它所指的原留言 ${original}`,
    });
  });

  run('no sequence of actions by a handler touches a message of another unit', async () => {
    const ours = await assigned('water');
    const theirs = [await assigned('housing'), await assigned('housing')];
    const snapshot = async (number: string) => JSON.stringify(await loadMessage(runtime().store.db, number));
    const before = await Promise.all(theirs.map(snapshot));
    const handler = handlerOf('water');
    const inputs: { [E in ActionEvent]: Parameters<(typeof ACTIONS)[E]>[3] } = {
      accept: {},
      reject: { reason: '不属于受理范围' },
      mark_repeat: { of: 'LY20260101-0001' },
      assign: { unit: 'water' },
      return: { reason: '不是本单位职责' },
      extend: { newDue: '2099-12-31', reason: '需要时间' },
      request_extension: { newDue: '2099-12-31', reason: '需要时间' },
      decline_extension: { reason: '不同意' },
      urge: {},
      reply: { reply: '已处理。' },
      send_back: { note: '请补充' },
      approve: {},
      rate: { rating: 'unsatisfied' },
      reopen: {},
      redact: { hide: ['路灯'] },
      publish: {},
      unpublish: {},
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: 2 }), fc.constantFrom(...(Object.keys(ACTIONS) as ActionEvent[]))), { minLength: 1, maxLength: 12 }),
        async (steps) => {
          for (const [index, event] of steps) {
            const number = [ours, ...theirs][index]!;
            const result = await act(runtime(), handler, number, event, inputs[event] as never);
            if (number !== ours) expect(result).toMatchObject({ ok: false, status: 403 });
          }
          expect(await Promise.all(theirs.map(snapshot))).toEqual(before);
        },
      ),
      { numRuns: 15 },
    );
  });
});
