/** 撤回公开: the office takes a published message off the board. */
import { action, text } from './perform.ts';

export const unpublish = action<{ note?: unknown }>({
  event: 'unpublish',
  validate: (input) => ({ ok: true, facts: { internalNote: text(input.note) } }),
  offered: (record) => record.published,
  check: (record) => (record.published ? null : '尚未公开'),
  update: () => ({ published: 0 }),
});
