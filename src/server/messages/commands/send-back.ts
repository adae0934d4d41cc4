/** 退回重办: the office's reviewer sends an answer back to the unit, with a note of what is missing. */
import { action, text } from './perform.ts';

export const sendBack = action<{ note: unknown }>({
  event: 'send_back',
  validate(input) {
    const note = text(input.note);
    return note ? { ok: true, facts: { internalNote: note } } : { ok: false, message: '退回重办须写明需要修改的地方' };
  },
});
