/** 退回: a unit's handler returns a message that is not its unit's business, saying why; it goes back to the office to be assigned again. */
import { action, text } from './perform.ts';

export const returnMessage = action<{ reason: unknown }>({
  event: 'return',
  validate(input) {
    const reason = text(input.reason);
    return reason ? { ok: true, facts: { note: reason } } : { ok: false, message: '退回须说明理由' };
  },
  update: () => ({ unit: null }),
});
