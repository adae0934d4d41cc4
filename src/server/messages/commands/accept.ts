/** 受理: the supervision office takes a new message into the queue. */
import { action, text } from './perform.ts';

export const accept = action<{ note?: unknown }>({
  event: 'accept',
  validate: (input) => ({ ok: true, facts: { note: text(input.note) } }),
});
