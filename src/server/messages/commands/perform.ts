/**
 * The one path every action on a message takes after submission (each action is a file beside
 * this one): validate the input → inside one transaction, load the message, authorise the actor
 * (permissions.ts: the state table and the action's predicate, on the message as it is now), check
 * the action's own conditions, update the row, append the event (the audit record: who, when, from,
 * to, what was said), recompute the due day, the board's search text and the running totals (figures, queue counts), queue
 * its notices (outbox) → after the commit, tell whoever listens.
 *
 * Nothing else writes a message's state, so no screen, script or endpoint can skip a step.
 */
import { sql, type Updateable } from 'kysely';
import type { IsoDate } from '../../../lib/calendar/dates.ts';
import { refusal, roleOf, type Actor } from '../../../lib/messages/permissions.ts';
import { nextState, type MessageEvent } from '../../../lib/messages/state-machine.ts';
import type { MessageRecord } from '../../../lib/messages/types.ts';
import { EVENT_LABELS, STATE_LABELS, type Rating } from '../../../lib/messages/vocabulary.ts';
import type { DistrictRules } from '../../../data/district-rules.ts';
import type { MessagesTable } from '../../db/schema.ts';
import type { Runtime } from '../../runtime.ts';
import { storedDueDate } from '../deadline-of.ts';
import { pendingExtensionRequest } from '../../../lib/messages/extension-requests.ts';
import { eventsOf, findRow, insertEvent, toRecord, type Db } from '../repository.ts';
import { applyTallyChanges } from '../tallies.ts';
import { syncBoardText } from '../board.ts';
import { placeOf, updateQueueCounts } from '../queue-counts.ts';
import { queueNotices } from '../../mail/outbox.ts';
import { factsOf } from '../../../lib/messages/stats.ts';
import { tallyChanges } from '../../../lib/messages/tallies.ts';

/** What an event records beyond who, when, from and to. */
export interface EventFacts {
  /** Public words on the timeline (a rejection's reason, an extension's reason, a rating's comment). */
  note?: string | null;
  /** Staff only; never leaves the console. */
  internalNote?: string | null;
  unit?: string | null;
  newDue?: IsoDate | null;
  reply?: string | null;
  rating?: Rating | null;
  /** A redaction's spans, for the row's public texts (the event keeps them only in its internal note). */
  hidden?: string[];
  /** A 重复件's earlier message. */
  repeatOf?: string | null;
  /** On a reply from the console: when the draft the form showed was saved ('' for none), so a colleague's later draft is not discarded unseen. Not recorded. */
  basedOnDraft?: string;
}

export type Checked = { ok: true; facts: EventFacts } | { ok: false; message: string };

export interface ActionDefinition<Input> {
  event: Exclude<MessageEvent, 'submit'>;
  /** The input alone, before the store is touched: what to record, or what is wrong with it in words. */
  validate(input: Input, rules: DistrictRules): Checked;
  /** Whether to offer the action on this message at all (a console button), beyond the state table and permissions. */
  offered?(record: MessageRecord): boolean;
  /** Conditions on the message as it is now (e.g. only a 不满意 may be reopened); a problem in words, or null. `at` is when the action happens. */
  check?(record: MessageRecord, facts: EventFacts, currentDue: IsoDate | null, at: string): string | null;
  /** Conditions that need the store (e.g. the message a 重复件 points to exists), inside the same transaction. */
  lookup?(db: Db, record: MessageRecord, facts: EventFacts): Promise<string | null>;
  /** The row's columns this event changes, beyond its state, due day and time of change. */
  update?(facts: EventFacts, at: string, record: MessageRecord): Updateable<MessagesTable>;
}

export type ActionResult = { ok: true; record: MessageRecord } | { ok: false; status: 400 | 403 | 404 | 409; message: string };

export interface PerformOptions {
  /** When it happened; defaults to now. Only the demo data and tests set it. */
  at?: string;
}

/** Listeners told after a change has committed (mail, rebuild hooks); a failing listener does not undo the change. */
export type AfterCommit = (change: { event: MessageEvent; record: MessageRecord; actor: Actor }) => void | Promise<void>;
const afterCommit: AfterCommit[] = [];
export function onMessageChanged(listener: AfterCommit): void {
  afterCommit.push(listener);
}

/** Trimmed text, or null when empty or not text. */
export function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.replace(/\r\n?/g, '\n').trim() : null;
}

const REFUSED = {
  role: '您的角色不能进行这项操作',
  unit: '这条留言不由您所在的单位办理，无权操作',
} as const;

async function performIn<Input>(
  trx: Db,
  runtime: Runtime,
  actor: Actor,
  number: string,
  definition: ActionDefinition<Input>,
  facts: EventFacts,
  at: string,
): Promise<ActionResult> {
  // Two staff acting on one message at once: on PostgreSQL the row is locked until this transaction ends, so the second
  // sees the first's change before its own checks (SQLite runs one write transaction at a time anyway).
  if (runtime.store.dialect === 'postgres') await sql`select id from messages where number = ${number} for update`.execute(trx);
  const row = await findRow(trx, number);
  if (!row) return { ok: false, status: 404, message: `没有编号为 ${number} 的留言` };
  const events = await eventsOf(trx, row.id);
  const record = toRecord(row, events);
  const refused = refusal(actor, definition.event, { state: record.state, unit: record.unit });
  if (refused === 'state')
    return { ok: false, status: 409, message: `留言当前状态为「${STATE_LABELS[record.state]}」，不能「${EVENT_LABELS[definition.event]}」` };
  if (refused) return { ok: false, status: 403, message: REFUSED[refused] };
  const problem = definition.check?.(record, facts, row.due_date, at) ?? (await definition.lookup?.(trx, record, facts));
  if (problem) return { ok: false, status: 400, message: problem };

  const to = nextState(record.state, definition.event)!;
  const event = {
    event: definition.event,
    at,
    role: roleOf(actor),
    actor: actor.kind === 'staff' ? actor.accountId : null,
    from: record.state,
    to,
    note: facts.note ?? null,
    internalNote: facts.internalNote ?? null,
    unit: facts.unit ?? null,
    newDue: facts.newDue ?? null,
    rating: facts.rating ?? null,
    reply: facts.reply ?? null,
    repeatOf: facts.repeatOf ?? null,
  };
  const nextEvents = [...events, event];
  const update: Updateable<MessagesTable> = {
    ...definition.update?.(facts, at, record),
    state: to,
    updated_at: at,
    due_date: storedDueDate(runtime.rules, { type: record.type, state: to, events: nextEvents }),
    // Indexes of what the events say, like the due day: a request for an extension waiting for the office (the 延期申请 queue).
    extension_requested_at: pendingExtensionRequest({ state: to, events: nextEvents })?.at ?? null,
    // A draft of the answer lives only while the unit has the message in hand (办理中): submitted, returned or closed, it goes.
    ...(to === 'assigned' ? {} : { draft_reply: null, draft_saved_at: null, draft_saved_by: null }),
  };
  await trx.updateTable('messages').set(update).where('id', '=', row.id).execute();
  await insertEvent(trx, { secret: runtime.secret, dialect: runtime.store.dialect }, row.id, event);
  const updatedRow = (await findRow(trx, number))!;
  const updated = toRecord(updatedRow, nextEvents);
  await updateQueueCounts(trx, placeOf(row, record.events), placeOf(updatedRow, nextEvents));
  await syncBoardText(trx, runtime.store.dialect, row.id, updated);
  await queueNotices(trx, runtime, definition.event, updated, at);
  const { deadlines, calendar } = runtime.rules;
  await applyTallyChanges(trx, tallyChanges(factsOf(record, deadlines, calendar), factsOf(updated, deadlines, calendar)));
  return { ok: true, record: updated };
}

/** Perform one action as `actor` on message `number`. */
export async function perform<Input>(
  runtime: Runtime,
  actor: Actor,
  number: string,
  definition: ActionDefinition<Input>,
  input: Input,
  options: PerformOptions = {},
): Promise<ActionResult> {
  const checked = definition.validate(input, runtime.rules);
  if (!checked.ok) return { ok: false, status: 400, message: checked.message };
  const at = options.at ?? new Date().toISOString();
  const result = await runtime.store.db.transaction().execute((trx) => performIn(trx, runtime, actor, number, definition, checked.facts, at));
  if (result.ok) {
    for (const listener of afterCommit) {
      await Promise.resolve(listener({ event: definition.event, record: result.record, actor })).catch((error: unknown) =>
        console.error('留言变更后的处理失败：', error),
      );
    }
  }
  return result;
}

/** An action as a function of its own: `accept(runtime, actor, number, input)`. */
export function action<Input>(definition: ActionDefinition<Input>) {
  const run = (runtime: Runtime, actor: Actor, number: string, input: Input, options?: PerformOptions) =>
    perform(runtime, actor, number, definition, input, options);
  return Object.assign(run, { definition });
}
