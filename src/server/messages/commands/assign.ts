/** 交办: the supervision office hands a message to a unit; the unit must be one of the district's units. */
import { action, text } from './perform.ts';

export const assign = action<{ unit: unknown; note?: unknown }>({
  event: 'assign',
  validate(input, rules) {
    const unit = text(input.unit);
    if (!unit) return { ok: false, message: '交办须选择承办单位' };
    if (!rules.unitIds.has(unit)) return { ok: false, message: `承办单位「${unit}」不存在，请从单位列表中选择` };
    return { ok: true, facts: { unit, note: text(input.note) } };
  },
  update: (facts) => ({ unit: facts.unit! }),
});
