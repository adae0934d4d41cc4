/** 延期: the supervision office grants a later due day, with a reason; the new day must be later than the current one. */
import { isIsoDate } from '../../../lib/calendar/dates.ts';
import { action, text } from './perform.ts';

export const extend = action<{ newDue: unknown; reason: unknown }>({
  event: 'extend',
  validate(input) {
    const newDue = text(input.newDue);
    if (!newDue || !isIsoDate(newDue)) return { ok: false, message: '延期须填写新的期限（YYYY-MM-DD）' };
    const reason = text(input.reason);
    return reason ? { ok: true, facts: { newDue, note: reason } } : { ok: false, message: '延期须说明理由' };
  },
  check: (_record, facts, currentDue) => (currentDue && facts.newDue! <= currentDue ? `新的期限应晚于当前期限 ${currentDue}` : null),
});
