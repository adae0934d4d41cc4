/** 评价: the citizen rates the answer to a closed message, once per closing; every rating stays on the record (ratings.ts). */
import { mayRate } from '../../../lib/messages/ratings.ts';
import { plainTextProblem } from '../../../lib/messages/submission.ts';
import { RATINGS, type Rating } from '../../../lib/messages/vocabulary.ts';
import { action, text } from './perform.ts';

export const rate = action<{ rating: unknown; comment?: unknown }>({
  event: 'rate',
  validate(input) {
    if (typeof input.rating !== 'string' || !RATINGS.includes(input.rating as Rating)) return { ok: false, message: '请选择满意、基本满意或不满意' };
    const comment = text(input.comment);
    const problem = comment && plainTextProblem('评价意见', comment, { min: 0, max: 500, multiline: true });
    return problem ? { ok: false, message: problem } : { ok: true, facts: { rating: input.rating as Rating, note: comment } };
  },
  check: (record) => (mayRate(record) ? null : '这条留言已经评价过了'),
  // The row keeps the latest rating as an index for queries (the 不满意 queue); the events keep them all.
  update: (facts) => ({ rating: facts.rating!, rating_comment: facts.note ?? null }),
});
