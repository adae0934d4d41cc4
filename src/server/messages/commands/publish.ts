/** 公开: the office publishes a closed message and its answer on the board, only with the citizen's consent. */
import { publicSearchText } from '../../../lib/messages/public-view.ts';
import { action, text } from './perform.ts';

export const publish = action<{ note?: unknown }>({
  event: 'publish',
  validate: (input) => ({ ok: true, facts: { internalNote: text(input.note) } }),
  check(record) {
    if (!record.consent) return '留言人未同意公开，不能公开';
    return record.published ? '已经公开' : null;
  },
  // The text the board's search looks through: the public (masked) text, never the hidden one.
  update: (_facts, _at, record) => ({ published: 1, public_text: publicSearchText(record) }),
});
