import { describe, expect, it } from 'vitest';
import { replyStart } from './drafts.ts';
import type { EventRecord } from './types.ts';

const ev = (event: EventRecord['event'], extra: Partial<EventRecord> = {}): EventRecord => ({
  event,
  at: '2026-11-20T02:00:00Z',
  role: 'dispatcher',
  actor: null,
  from: null,
  to: 'assigned',
  note: null,
  internalNote: null,
  ...extra,
});
const assigned = [ev('submit'), ev('accept'), ev('assign', { unit: 'water' })];

describe('where the reply form starts', () => {
  it('empty on a message just assigned', () => {
    expect(replyStart(null, assigned)).toBeNull();
  });

  it('from the saved draft, which wins over an answer sent back', () => {
    const sentBack = [...assigned, ev('reply', { reply: '已安排检修。' }), ev('send_back', { internalNote: '请写明结果' })];
    expect(replyStart('检修完成，水质合格。', sentBack)).toEqual({ text: '检修完成，水质合格。', from: 'draft' });
  });

  it('from the answer the office sent back, the latest one when there were several', () => {
    const events = [...assigned, ev('reply', { reply: '第一稿' }), ev('send_back'), ev('reply', { reply: '第二稿' }), ev('send_back'), ev('urge')];
    expect(replyStart(null, events)).toEqual({ text: '第二稿', from: 'sent_back' });
  });

  it('from the approved answer after a reopening (不满意)', () => {
    const events = [...assigned, ev('reply', { reply: '已修复。' }), ev('approve'), ev('rate', { rating: 'unsatisfied' }), ev('reopen')];
    expect(replyStart(null, events)).toEqual({ text: '已修复。', from: 'reopened' });
  });

  it('empty again when the message was returned and handed to another unit after an answer was sent back', () => {
    const events = [...assigned, ev('reply', { reply: '水务局的答复' }), ev('send_back'), ev('return'), ev('assign', { unit: 'housing' })];
    expect(replyStart(null, events)).toBeNull();
  });
});
