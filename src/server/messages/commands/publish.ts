/** 公开: the office publishes a closed message and its answer on the board, only with the citizen's consent (its search text follows: board.ts `syncBoardText`). */
import type { MessageRecord } from '../../../lib/messages/types.ts';
import { action, text } from './perform.ts';

/** Whether a reviewer has looked at the message (公开前审核) since it was last closed. */
export function reviewedSinceClosed(record: Pick<MessageRecord, 'events'>): boolean {
  for (let i = record.events.length - 1; i >= 0; i -= 1) {
    if (record.events[i]!.event === 'redact') return true;
    if (record.events[i]!.event === 'approve') return false;
  }
  return false;
}

export const publish = action<{ note?: unknown }>({
  event: 'publish',
  validate: (input) => ({ ok: true, facts: { internalNote: text(input.note) } }),
  check(record) {
    if (!record.consent) return '留言人未同意公开，不能公开';
    if (record.published) return '已经公开';
    return reviewedSinceClosed(record) ? null : '公开前须先审核：隐去他人姓名、具体地址等（“公开前审核”）';
  },
  update: () => ({ published: 1 }),
});
