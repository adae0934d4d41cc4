/** 督办: the supervision office (or the system's clock, when a message is overdue) urges the unit; an event, not a state. */
import { action, text } from './perform.ts';

export const urge = action<{ note?: unknown }>({
  event: 'urge',
  validate: (input) => ({ ok: true, facts: { note: text(input.note) } }),
});
