/**
 * 重复件: the office closes a message that raises again a matter already in hand (or recently
 * answered) as a repeat of the earlier one. It ends as 不予受理 with a note pointing to the earlier
 * message, which the citizen's tracking page links; in the figures it is received but not handled
 * separately (docs/decisions/011).
 */
import { normaliseTrackingNumber } from '../../../lib/messages/tracking.ts';
import { action } from './perform.ts';

export const markRepeat = action<{ of: unknown }>({
  event: 'mark_repeat',
  validate(input) {
    const of = normaliseTrackingNumber(input.of);
    if (!of) return { ok: false, message: '请填写与之重复的原留言编号，例如 LY20261123-0007' };
    return { ok: true, facts: { repeatOf: of, note: `与留言 ${of} 反映的是同一事项，已并入该留言办理` } };
  },
  async lookup(db, record, facts) {
    if (facts.repeatOf === record.number) return '不能把留言标为自己的重复件';
    const original = await db.selectFrom('messages').select(['state', 'repeat_of']).where('number', '=', facts.repeatOf!).executeTakeFirst();
    if (!original) return `没有编号为 ${facts.repeatOf} 的留言`;
    if (original.repeat_of) return `留言 ${facts.repeatOf} 本身是重复件，请填写它所指的原留言 ${original.repeat_of}`;
    return null;
  },
  update: (facts) => ({ repeat_of: facts.repeatOf! }),
});
