/** 审核通过，办结: the office approves the answer; the message is closed and the citizen may rate it. */
import { action, text } from './perform.ts';

export const approve = action<{ note?: unknown }>({
  event: 'approve',
  validate: (input) => ({ ok: true, facts: { note: text(input.note) } }),
  update: (_facts, at) => ({ closed_at: at }),
});
