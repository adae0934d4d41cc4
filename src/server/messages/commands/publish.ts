/** 公开: the office publishes a closed message and its answer on the board, only with the citizen's consent. */
import { action, text } from './perform.ts';

export const publish = action<{ note?: unknown }>({
  event: 'publish',
  validate: (input) => ({ ok: true, facts: { internalNote: text(input.note) } }),
  check(record) {
    if (!record.consent) return '留言人未同意公开，不能公开';
    return record.published ? '已经公开' : null;
  },
  update: () => ({ published: 1 }),
});
