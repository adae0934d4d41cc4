/** 答复: the unit's handler answers; the answer waits for the office's review (待审核) before the citizen or the public sees it. Submitting it clears the unit's draft (perform.ts). */
import { plainTextProblem } from '../../../lib/messages/submission.ts';
import { draftConflict } from '../drafts.ts';
import { action, text } from './perform.ts';

/** The answer as typed, trimmed, or what is wrong with it: the same rule for a draft (save-draft.ts) and a reply. */
export function readAnswer(value: unknown): { ok: true; answer: string } | { ok: false; message: string } {
  const answer = text(value);
  if (!answer) return { ok: false, message: '答复内容不能为空' };
  const problem = plainTextProblem('答复内容', answer, { min: 1, max: 5000, multiline: true });
  return problem ? { ok: false, message: problem } : { ok: true, answer };
}

export const reply = action<{ reply: unknown; basedOnDraft?: unknown }>({
  event: 'reply',
  validate(input) {
    const read = readAnswer(input.reply);
    if (!read.ok) return read;
    return { ok: true, facts: { reply: read.answer, ...(typeof input.basedOnDraft === 'string' ? { basedOnDraft: input.basedOnDraft } : {}) } };
  },
  lookup: (db, record, facts) => (facts.basedOnDraft === undefined ? Promise.resolve(null) : draftConflict(db, record.number, facts.basedOnDraft, 'reply')),
  update: (facts, at) => ({ reply: facts.reply!, replied_at: at }),
});
