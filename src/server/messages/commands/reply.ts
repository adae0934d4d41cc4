/** 答复: the unit's handler answers; the answer waits for the office's review (待审核) before the citizen or the public sees it. */
import { plainTextProblem } from '../../../lib/messages/submission.ts';
import { action, text } from './perform.ts';

export const reply = action<{ reply: unknown }>({
  event: 'reply',
  validate(input) {
    const answer = text(input.reply);
    if (!answer) return { ok: false, message: '答复内容不能为空' };
    const problem = plainTextProblem('答复内容', answer, { min: 1, max: 5000, multiline: true });
    return problem ? { ok: false, message: problem } : { ok: true, facts: { reply: answer } };
  },
  update: (facts, at) => ({ reply: facts.reply!, replied_at: at }),
});
