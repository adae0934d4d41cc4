/**
 * 007: the texts the public sees of a published message after the reviewer's redaction (他人姓名、
 * 地址… replaced by 【已隐去】); null until a reviewer has looked. The originals stay as they were.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['public_title', 'public_content', 'public_reply']) await db.schema.alterTable('messages').addColumn(column, 'text').execute();
}
