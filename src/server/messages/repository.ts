/**
 * Reading and writing messages. The only module that knows the tables; commands call it inside
 * their transactions, pages call it to read. Rows become the domain's MessageRecord here.
 */
import { sql, type ExpressionBuilder, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import { chinaMonthRange, type IsoDate, type IsoMonth } from '../../lib/calendar/dates.ts';
import type { MessageEvent, MessageState } from '../../lib/messages/state-machine.ts';
import type { Role } from '../../lib/messages/permissions.ts';
import type { EventRecord, MessageRecord } from '../../lib/messages/types.ts';
import type { Rating } from '../../lib/messages/vocabulary.ts';
import type { Database, MessageEventsTable, MessagesTable } from '../db/schema.ts';
import { appendChained, type Chain } from '../audit/chain.ts';
import type { Dialect } from '../db/open.ts';
import { preparedStatement } from '../db/prepared.ts';

export type Db = Kysely<Database> | Transaction<Database>;

/**
 * The columns every read of a message takes: all but the citizen's phone and e-mail, which only
 * commands/read-contact.ts selects (and records), and the unit's reply draft, which only drafts.ts
 * reads (for whoever may reply). The author's name stays: masking needs it to remove the name from
 * the public text.
 */
export const MESSAGE_COLUMNS = [
  'id',
  'number',
  'type',
  'state',
  'target_unit',
  'unit',
  'task',
  'title',
  'content',
  'author_name',
  'consent',
  'published',
  'channel',
  'submitted_at',
  'due_date',
  'reply',
  'replied_at',
  'closed_at',
  'rating',
  'rating_comment',
  'query_code_hash',
  'idempotency_hash',
  'content_hash',
  'updated_at',
  'public_title',
  'public_content',
  'public_reply',
  'repeat_of',
] as const satisfies readonly Exclude<keyof MessagesTable, 'phone' | 'email' | 'draft_reply' | 'draft_saved_at' | 'draft_saved_by'>[];
export type MessageRow = Pick<Selectable<MessagesTable>, (typeof MESSAGE_COLUMNS)[number]>;

export function toEvent(row: Selectable<MessageEventsTable>): EventRecord {
  return {
    event: row.event as MessageEvent,
    at: row.at,
    role: row.role as Role,
    actor: row.actor,
    from: row.from_state as MessageState | null,
    to: row.to_state as MessageState,
    note: row.note,
    internalNote: row.internal_note,
    unit: row.unit,
    newDue: row.new_due,
    rating: row.rating as Rating | null,
    limitDays: row.limit_days,
    reply: row.reply,
    repeatOf: row.repeat_of,
  };
}

export function toRecord(row: MessageRow, events: EventRecord[]): MessageRecord {
  return {
    number: row.number,
    type: row.type,
    state: row.state as MessageState,
    targetUnit: row.target_unit,
    unit: row.unit,
    task: row.task,
    title: row.title,
    content: row.content,
    authorName: row.author_name,
    consent: row.consent === 1,
    published: row.published === 1,
    submittedAt: row.submitted_at,
    reply: row.reply,
    repliedAt: row.replied_at,
    closedAt: row.closed_at,
    repeatOf: row.repeat_of,
    redacted:
      row.public_title === null && row.public_content === null && row.public_reply === null
        ? null
        : { title: row.public_title, content: row.public_content, reply: row.public_reply },
    events,
  };
}

/** Submitted within a month in China time, as an indexed range on submitted_at (the board's and the console's month filter). */
export function submittedInMonth(month: IsoMonth) {
  const { from, to } = chinaMonthRange(month);
  return (eb: ExpressionBuilder<Database, 'messages'>) => eb.and([eb('submitted_at', '>=', from), eb('submitted_at', '<', to)]);
}

/*
 * SQLite gathers the rows of a RETURNING clause in a temporary table, and with the default temp_store
 * (a file) that costs more than the write itself: under load a message's insert took 60 µs with it and
 * 21 without (decision 023). On SQLite the intake therefore asks for what it wrote after writing it;
 * PostgreSQL keeps RETURNING, which spares it a round trip.
 */

/**
 * The next number of the day's tracking-number sequence (1 for the day's first message); the counter row serialises
 * concurrent submissions. In a transaction only: on SQLite the number is read back after the write.
 */
export async function nextSequence(db: Transaction<Database>, dialect: Dialect, day: IsoDate): Promise<number> {
  if (dialect === 'postgres') return Number((await countDay.returning.execute(db, { day })).rows[0]!.last);
  await countDay.upsert.execute(db, { day });
  return Number((await countDay.read.execute(db, { day })).rows[0]!.last);
}

const dayCounterUpsert = (db: Kysely<Database>, { day }: { day: IsoDate }) =>
  db
    .insertInto('daily_counters')
    .values({ day, last: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql<number>`daily_counters.last + 1` }));
const countDay = {
  upsert: preparedStatement(['day'], dayCounterUpsert),
  returning: preparedStatement(['day'], (db, values: { day: IsoDate }) => dayCounterUpsert(db, values).returning('last')),
  read: preparedStatement(['day'], (db, { day }: { day: IsoDate }) => db.selectFrom('daily_counters').select('last').where('day', '=', day)),
};

/** The columns a new message is written with, every one given (NULL where there is nothing). */
const NEW_MESSAGE_COLUMNS = [
  'number',
  'type',
  'state',
  'target_unit',
  'unit',
  'task',
  'title',
  'content',
  'author_name',
  'phone',
  'email',
  'consent',
  'published',
  'channel',
  'submitted_at',
  'due_date',
  'query_code_hash',
  'idempotency_hash',
  'content_hash',
  'updated_at',
] as const satisfies readonly (keyof MessagesTable)[];
export type NewMessage = Required<Pick<Insertable<MessagesTable>, (typeof NEW_MESSAGE_COLUMNS)[number]>>;

const messageInsert = {
  plain: preparedStatement(NEW_MESSAGE_COLUMNS, (db, values: NewMessage) => db.insertInto('messages').values(values)),
  returning: preparedStatement(NEW_MESSAGE_COLUMNS, (db, values: NewMessage) => db.insertInto('messages').values(values).returning('id')),
};

/** Writes a new message row and gives its id. */
export async function insertMessage(db: Db, dialect: Dialect, values: NewMessage): Promise<number> {
  if (dialect === 'postgres') return Number((await messageInsert.returning.execute(db, values)).rows[0]!.id);
  return Number((await messageInsert.plain.execute(db, values)).insertId);
}

export async function findRow(db: Db, number: string): Promise<MessageRow | undefined> {
  return db.selectFrom('messages').select(MESSAGE_COLUMNS).where('number', '=', number).executeTakeFirst();
}

export async function findByIdempotency(db: Db, idempotencyHash: string): Promise<MessageRow | undefined> {
  return db.selectFrom('messages').select(MESSAGE_COLUMNS).where('idempotency_hash', '=', idempotencyHash).executeTakeFirst();
}

export async function eventsOf(db: Db, messageId: number): Promise<EventRecord[]> {
  const rows = await db.selectFrom('message_events').selectAll().where('message_id', '=', messageId).orderBy('id').execute();
  return rows.map(toEvent);
}

export async function loadMessage(db: Db, number: string): Promise<{ row: MessageRow; record: MessageRecord } | undefined> {
  const row = await findRow(db, number);
  if (!row) return undefined;
  return { row, record: toRecord(row, await eventsOf(db, row.id)) };
}

/** Messages with their events: by ids (a page of a list), open ones (deadline sweeps), or a batch after an id (recounting everything in batches). */
export async function loadMessages(
  db: Db,
  where: { openOnly?: boolean; ids?: number[]; afterId?: number; limit?: number } = {},
): Promise<{ row: MessageRow; record: MessageRecord }[]> {
  let query = db.selectFrom('messages').select(MESSAGE_COLUMNS);
  if (where.openOnly) query = query.where('state', 'in', ['submitted', 'accepted', 'assigned', 'replied']);
  if (where.ids) {
    if (where.ids.length === 0) return [];
    query = query.where('id', 'in', where.ids);
  }
  if (where.afterId !== undefined) query = query.where('id', '>', where.afterId);
  if (where.limit !== undefined) query = query.limit(where.limit);
  const rows = await query.orderBy('id').execute();
  if (rows.length === 0) return [];
  const events = await db
    .selectFrom('message_events')
    .selectAll()
    .where(
      'message_id',
      'in',
      rows.map((r) => r.id),
    )
    // In the order of the (message_id, id) index: PostgreSQL reads it for the ids asked, instead of walking every event in id order.
    .orderBy('message_id')
    .orderBy('id')
    .execute();
  const byMessage = Map.groupBy(events, (event) => event.message_id);
  return rows.map((row) => ({ row, record: toRecord(row, (byMessage.get(row.id) ?? []).map(toEvent)) }));
}

export interface NewEvent {
  event: MessageEvent;
  at: string;
  role: Role;
  actor?: string | null;
  from: MessageState | null;
  to: MessageState;
  note?: string | null;
  internalNote?: string | null;
  unit?: string | null;
  newDue?: IsoDate | null;
  rating?: Rating | null;
  limitDays?: number | null;
  reply?: string | null;
  repeatOf?: string | null;
}

/** Append an event to the message's record and to the chain of all events (audit/chain.ts). */
export async function insertEvent(db: Db, chain: Chain, messageId: number, event: NewEvent): Promise<void> {
  const values = {
    message_id: messageId,
    event: event.event,
    at: event.at,
    role: event.role,
    actor: event.actor ?? null,
    from_state: event.from,
    to_state: event.to,
    note: event.note ?? null,
    internal_note: event.internalNote ?? null,
    unit: event.unit ?? null,
    new_due: event.newDue ?? null,
    rating: event.rating ?? null,
    limit_days: event.limitDays ?? null,
    reply: event.reply ?? null,
    repeat_of: event.repeatOf ?? null,
  };
  await appendChained(db, chain, 'message_events', values);
}

const challengeUse = preparedStatement(['id', 'expires_at'], (db, values: { id: string; expires_at: string }) =>
  db
    .insertInto('used_challenges')
    .values(values)
    .onConflict((oc) => oc.column('id').doNothing()),
);

/** Record an anti-abuse challenge as used; false when it already was (a replay). */
export async function useChallenge(db: Db, id: string, expiresAt: string): Promise<boolean> {
  const result = await challengeUse.execute(db, { id, expires_at: expiresAt });
  return Number(result.numAffectedRows ?? 0n) === 1;
}

export async function forgetExpiredChallenges(db: Db, now: string): Promise<void> {
  await db.deleteFrom('used_challenges').where('expires_at', '<', now).execute();
}

export async function readState(db: Db, key: string): Promise<string | undefined> {
  return (await db.selectFrom('store_state').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

export async function writeState(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('store_state')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
