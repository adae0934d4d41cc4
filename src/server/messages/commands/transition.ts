/**
 * Moving a message: one command for every event after submission. Validate → permission (the
 * state machine's `can`, plus the event's own conditions) → one transaction that updates the
 * message, appends the event and recomputes the due day. Used by the staff console, the citizen's
 * rating, the system's urging, and the demo data.
 */
import { can, nextState, type MessageEvent, type Role } from '../../../lib/messages/state-machine.ts';
import { isIsoDate, type IsoDate } from '../../../lib/calendar/dates.ts';
import type { MessageRecord } from '../../../lib/messages/types.ts';
import { RATINGS, STATE_LABELS, EVENT_LABELS, type Rating } from '../../../lib/messages/vocabulary.ts';
import type { Runtime } from '../../runtime.ts';
import { storedDueDate } from '../deadline-of.ts';
import { eventsOf, findRow, insertEvent, toRecord, type Db } from '../repository.ts';
import type { MessagesTable } from '../../db/schema.ts';
import type { Updateable } from 'kysely';

export interface Action {
  event: Exclude<MessageEvent, 'submit'>;
  role: Role;
  actor?: string | null;
  /** Public words on the timeline (a rejection's reason, an extension's reason, a rating's comment). */
  note?: string | null;
  internalNote?: string | null;
  unit?: string | null;
  newDue?: IsoDate | null;
  reply?: string | null;
  rating?: Rating | null;
  /** When it happened; defaults to now. Only the demo data and tests set it. */
  at?: string;
}

export type ActionResult = { ok: true; record: MessageRecord } | { ok: false; status: 404 | 409 | 400; message: string };

function conditionProblem(action: Action, record: MessageRecord, currentDue: string | null): string | null {
  switch (action.event) {
    case 'reject':
      return action.note?.trim() ? null : '不予受理须说明理由';
    case 'assign':
      return action.unit ? null : '交办须选择承办单位';
    case 'extend':
      if (!action.newDue || !isIsoDate(action.newDue)) return '延期须填写新的期限（YYYY-MM-DD）';
      if (currentDue && action.newDue <= currentDue) return `新的期限应晚于当前期限 ${currentDue}`;
      return action.note?.trim() ? null : '延期须说明理由';
    case 'reply':
      return action.reply?.trim() ? null : '答复内容不能为空';
    case 'return':
      return action.note?.trim() ? null : '退回须说明理由';
    case 'rate':
      if (!action.rating || !RATINGS.includes(action.rating)) return '请选择满意、基本满意或不满意';
      return record.rating ? '这条留言已经评价过了' : null;
    case 'reopen':
      return record.rating === 'unsatisfied' ? null : '只有群众评价为“不满意”的留言才能重新办理';
    case 'publish':
      if (!record.consent) return '留言人未同意公开，不能公开';
      return record.published ? '已经公开' : null;
    case 'unpublish':
      return record.published ? null : '尚未公开';
    default:
      return null;
  }
}

/** Apply one action inside an existing transaction. */
export async function applyActionIn(trx: Db, runtime: Runtime, number: string, action: Action): Promise<ActionResult> {
  const row = await findRow(trx, number);
  if (!row) return { ok: false, status: 404, message: `没有编号为 ${number} 的留言` };
  const events = await eventsOf(trx, row.id);
  const record = toRecord(row, events);
  if (!can(action.role, record.state, action.event))
    return { ok: false, status: 409, message: `留言当前状态为「${STATE_LABELS[record.state]}」，不能「${EVENT_LABELS[action.event]}」` };
  const problem = conditionProblem(action, record, row.due_date);
  if (problem) return { ok: false, status: 400, message: problem };

  const at = action.at ?? new Date().toISOString();
  const to = nextState(record.state, action.event)!;
  const update: Updateable<MessagesTable> = { state: to, updated_at: at };
  if (action.event === 'assign') update.unit = action.unit!;
  if (action.event === 'return') update.unit = null;
  if (action.event === 'reply') Object.assign(update, { reply: action.reply!.trim(), replied_at: at });
  if (action.event === 'approve') update.closed_at = at;
  if (action.event === 'reopen') Object.assign(update, { closed_at: null, published: 0, rating: null, rating_comment: null });
  if (action.event === 'publish') update.published = 1;
  if (action.event === 'unpublish') update.published = 0;
  if (action.event === 'rate') Object.assign(update, { rating: action.rating!, rating_comment: action.note?.trim() || null });

  const event = {
    event: action.event,
    at,
    role: action.role,
    actor: action.actor ?? null,
    from: record.state,
    to,
    note: action.note?.trim() || null,
    internalNote: action.internalNote?.trim() || null,
    unit: action.event === 'assign' ? action.unit! : null,
    newDue: action.event === 'extend' ? action.newDue! : null,
    rating: action.event === 'rate' ? action.rating! : null,
  };
  const nextEvents = [...events, event];
  update.due_date = storedDueDate(runtime.rules, { type: record.type, events: nextEvents });
  await trx.updateTable('messages').set(update).where('id', '=', row.id).execute();
  await insertEvent(trx, row.id, event);
  const updated = await findRow(trx, number);
  return { ok: true, record: toRecord(updated!, nextEvents) };
}

export async function applyAction(runtime: Runtime, number: string, action: Action): Promise<ActionResult> {
  return runtime.store.db.transaction().execute((trx) => applyActionIn(trx, runtime, number, action));
}
