/**
 * The public reply board as indexed queries, on both databases: only published messages, newest
 * closing first, one page at a time; filters by unit, type and month (China time); search through
 * the public (masked) text only, through its word index, which follows publishing, redaction and
 * withdrawal.
 */
import { expect } from 'vitest';
import { act } from '../../src/server/messages/commands/index.ts';
import { boardPage } from '../../src/server/messages/board.ts';
import { readBoardQuery } from '../../src/lib/messages/board-filter.ts';
import { DISPATCHER, handlerOf } from './harness.ts';
import { describeOnBackends, submitted } from './backends.ts';

describeOnBackends('the reply board', (runtime, run) => {
  const publish = async (title: string, content: string, unit: 'water' | 'housing', submittedAt: string, closedAt: string, type = 'complaint') => {
    const { number: n } = await submitted(runtime(), { type, title, content }, { at: submittedAt });
    await act(runtime(), DISPATCHER, n, 'accept', {}, { at: submittedAt });
    await act(runtime(), DISPATCHER, n, 'assign', { unit }, { at: submittedAt });
    await act(runtime(), handlerOf(unit), n, 'reply', { reply: `已处理：${title}` }, { at: closedAt });
    await act(runtime(), DISPATCHER, n, 'approve', {}, { at: closedAt });
    await act(runtime(), DISPATCHER, n, 'redact', {}, { at: closedAt });
    expect((await act(runtime(), DISPATCHER, n, 'publish', {}, { at: closedAt })).ok).toBe(true);
    return n;
  };

  run('filters, orders, pages and searches in the store', async () => {
    const context = {
      asOf: '2026-12-01',
      deadlines: runtime().rules.deadlines,
      calendar: runtime().rules.calendar,
      typeLabel: (id: string) => id,
      unitName: (id: string) => id,
    };
    const page = (q: string, n = 1, size = 20) => boardPage(runtime(), context, readBoardQuery(new URLSearchParams(q)), n, size);
    const a = await publish('路灯不亮', '请打 139 2001 0008 联系我，折扣 100% 是假的', 'water', '2026-10-31T16:30:00Z', '2026-11-05T02:00:00Z');
    const b = await publish('停水三天', '小区已经停水三天了，请尽快处理', 'housing', '2026-10-31T15:30:00Z', '2026-11-06T02:00:00Z', 'help');
    const c = await publish('井盖缺失', '路口的井盖丢了，夜里很危险', 'water', '2026-11-10T02:00:00Z', '2026-11-20T02:00:00Z');
    // One closed but never published: not on the board.
    await submitted(runtime(), { title: '未公开的留言', content: '不应出现在公开栏目中的留言内容' });

    const all = await page('');
    expect(all.total).toBe(3);
    expect(all.messages.map((m) => m.number)).toEqual([c, b, a]);
    expect((await page('', 2, 2)).messages.map((m) => m.number)).toEqual([a]);
    expect((await page('unit=water')).messages.map((m) => m.number)).toEqual([c, a]);
    expect((await page('type=help')).messages.map((m) => m.number)).toEqual([b]);
    // 16:30 UTC on 10-31 is already November in China; 15:30 is still October.
    expect((await page('month=2026-11')).messages.map((m) => m.number)).toEqual([c, a]);
    expect((await page('month=2026-10')).messages.map((m) => m.number)).toEqual([b]);
    expect((await page('q=路灯  联系')).messages.map((m) => m.number)).toEqual([a]);
    expect((await page('q=１００％')).messages.map((m) => m.number)).toEqual([a]);
    expect((await page('q=_')).total).toBe(0);
    expect((await page('q=13920010008')).total).toBe(0);
    expect((await page('q=2001')).total).toBe(0);
    expect((await page('q=未公开')).total).toBe(0);

    expect((await page('q=灯')).messages.map((m) => m.number)).toEqual([a]);
    expect((await page('q=ＬＹ')).total).toBe(3);

    // A reviewer hides words of a message already published: the search forgets them too.
    expect((await page('q=路口')).messages.map((m) => m.number)).toEqual([c]);
    expect((await act(runtime(), DISPATCHER, c, 'redact', { more: '路口' })).ok).toBe(true);
    expect((await page('q=路口')).total).toBe(0);
    expect((await page('q=井盖')).messages.map((m) => m.number)).toEqual([c]);

    await act(runtime(), DISPATCHER, a, 'unpublish', {});
    expect((await page('q=路灯')).total).toBe(0);
    expect((await act(runtime(), DISPATCHER, a, 'redact', {})).ok).toBe(true);
    expect((await act(runtime(), DISPATCHER, a, 'publish', {})).ok).toBe(true);
    expect((await page('q=路灯')).messages.map((m) => m.number)).toEqual([a]);
  });
});
