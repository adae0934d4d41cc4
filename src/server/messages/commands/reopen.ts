/** 重新办理: after a 不满意 rating the office reopens the message; the unit's clock starts again. Earlier ratings stay on the record. */
import { ratingSinceClosed } from '../../../lib/messages/ratings.ts';
import type { MessageRecord } from '../../../lib/messages/types.ts';
import { action, text } from './perform.ts';

const ratedUnsatisfied = (record: MessageRecord) => ratingSinceClosed(record.events)?.rating === 'unsatisfied';

export const reopen = action<{ note?: unknown }>({
  event: 'reopen',
  validate: (input) => ({ ok: true, facts: { note: text(input.note) } }),
  offered: ratedUnsatisfied,
  check: (record) => (ratedUnsatisfied(record) ? null : '只有群众评价为“不满意”的留言才能重新办理'),
  // A new answer will need a new review: the reviewed reply goes; the reviewed title and content stay.
  update: () => ({ closed_at: null, published: 0, public_reply: null }),
});
