/**
 * 012: the unit's reply draft (答复草稿) on the message row — its text, who saved it last and when —
 * and the time of a pending request for an extension (申请延期), with a partial index for the
 * 延期申请 queue: it holds only the few messages with a request pending, so the queue and its count
 * read a handful of index entries however many messages there are. Its columns lead with the queue
 * query's own (state, then a handler's unit, then the order), so SQLite's planner takes it even
 * before ANALYZE; with `(extension_requested_at)` alone it scanned every 办理中 message instead.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['draft_reply', 'draft_saved_at', 'draft_saved_by', 'extension_requested_at'])
    await db.schema.alterTable('messages').addColumn(column, 'text').execute();
  await db.schema
    .createIndex('messages_extension_requested')
    .on('messages')
    .columns(['state', 'unit', 'due_date'])
    .where(sql.ref('extension_requested_at'), 'is not', null)
    .execute();
}
