/** 不予受理: the supervision office declines a new message, saying why (the citizen reads the reason). */
import { plainTextProblem } from '../../../lib/messages/submission.ts';
import { action, text } from './perform.ts';

export const reject = action<{ reason: unknown }>({
  event: 'reject',
  validate(input) {
    const reason = text(input.reason);
    if (!reason) return { ok: false, message: '不予受理须说明理由' };
    const problem = plainTextProblem('理由', reason, { min: 2, max: 500, multiline: true });
    return problem ? { ok: false, message: problem } : { ok: true, facts: { note: reason } };
  },
});
