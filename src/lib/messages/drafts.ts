/**
 * 答复草稿: what the reply form starts from. A unit's handler may save the answer as a draft and come
 * back to it; a saved draft is the start. Otherwise, after the office sends an answer back (退回重办)
 * or reopens the message after 不满意 (重新办理), the form starts from the answer that went back, so the
 * handler edits it rather than retyping it. A message handed to a unit afresh starts empty, even if
 * another unit answered it before.
 */
import type { MessageEvent } from './state-machine.ts';
import type { EventRecord } from './types.ts';

export interface ReplyStart {
  text: string;
  from: 'draft' | 'sent_back' | 'reopened';
}

/** Events after which the last answer is the one to edit (send_back, reopen), or not (a fresh assignment, a return). */
const TURNS: ReadonlySet<MessageEvent> = new Set(['send_back', 'reopen', 'assign', 'return']);

export function replyStart(draft: string | null, events: readonly EventRecord[]): ReplyStart | null {
  if (draft !== null) return { text: draft, from: 'draft' };
  const turn = events.findLast((e) => TURNS.has(e.event));
  if (!turn || (turn.event !== 'send_back' && turn.event !== 'reopen')) return null;
  const answer = events.findLast((e) => e.event === 'reply' && e.reply);
  return answer?.reply ? { text: answer.reply, from: turn.event === 'send_back' ? 'sent_back' : 'reopened' } : null;
}

/** The words above the reply form that say where its text came from. */
export const REPLY_START_HINTS: Readonly<Record<ReplyStart['from'], string>> = {
  draft: '下面是已保存的草稿，可以继续修改。',
  sent_back: '下面是被退回的答复，请按退回意见修改后再提交。',
  reopened: '下面是上次的答复，请按群众的评价意见修改或重写后再提交。',
};
