/**
 * A message's time limit (办理时限), counted in working days on the official calendar, and where
 * it stands on the escalation ladder (临期 → 逾期 → 督办 ×N). Overdue is computed from dates as of a
 * given day, never stored as a flag.
 *
 * The clock starts at the event the settings name (submission, acceptance or assignment); a new
 * assignment (after a return or a reopening) starts it again. The number of working days is the one
 * promised when the message was submitted, recorded on its submission event: a limit is a promise,
 * and a later change of the settings applies to later messages (docs/decisions/009). An approved
 * extension (延期) replaces the due day with its own. A limit that runs past the last calendar year
 * on file yields no date, only the flag: "2027 年的节假日安排尚未录入".
 *
 * `deadlineOf` is the one derivation of a due day; the store's due_date column is only its index.
 */
import { chinaDate, type IsoDate } from '../calendar/dates.ts';
import { addWorkingDays, workingDaysBetween, type SkippedDay, type WorkingCalendar } from '../calendar/working-days.ts';
import type { MessageEvent } from './state-machine.ts';
import type { EventRecord, MessageRecord } from './types.ts';
import { CLOCK_START_LABELS } from './vocabulary.ts';

export type ClockStart = 'submitted' | 'accepted' | 'assigned';

export interface DeadlineSettings {
  clockStartsAt: ClockStart;
  /** Working days allowed, per message type id. */
  limits: Readonly<Record<string, number>>;
  /**
   * The intake clocks (受理、交办时限), counted in working days from submission: a message must be
   * accepted within `acceptWithin` working days of submission, and assigned within `acceptWithin +
   * assignWithin`, so it has a deadline and is urged from the moment it arrives, not only once assigned.
   */
  intake: { acceptWithin: number; assignWithin: number };
  /** 临期: due within this many working days. */
  dueSoonWorkingDays: number;
  /** The system urges (督办) an overdue message again after this many working days. */
  urgeEveryWorkingDays: number;
}

const CLOCK_EVENTS: Readonly<Record<ClockStart, readonly MessageEvent[]>> = {
  submitted: ['submit'],
  accepted: ['accept'],
  assigned: ['assign', 'reopen'],
};

export type Deadline =
  | { kind: 'not_started'; waitingFor: string; days: number; daysFrom: LimitSource }
  | {
      kind: 'set';
      start: IsoDate;
      startedBy: string;
      days: number;
      /** Where the number of days comes from: the message's own submission (the rule then in force), or today's settings for a message that recorded none. */
      daysFrom: LimitSource;
      computedDue: IsoDate;
      due: IsoDate;
      skipped: readonly SkippedDay[];
      adjustedWorkdays: readonly SkippedDay[];
      extension: { newDue: IsoDate; reason: string | null; at: string } | null;
    }
  | {
      kind: 'beyond_calendar';
      start: IsoDate;
      startedBy: string;
      days: number;
      daysFrom: LimitSource;
      missingYear: number;
      /** Counted with weekends only past the calendar on file: shown as 暂定, recomputed when the year's file arrives. */
      provisionalDue: IsoDate;
    };

export type LimitSource = 'submission' | 'settings';

/** The working days a message was promised: recorded on its submission, or (for none recorded) the settings' limit for its type. */
export function promisedLimit(
  message: Pick<MessageRecord, 'type' | 'events'>,
  settings: Pick<DeadlineSettings, 'limits'>,
): { days: number; from: LimitSource } {
  const recorded = message.events.find((e) => e.event === 'submit')?.limitDays;
  if (recorded) return { days: recorded, from: 'submission' };
  return { days: settings.limits[message.type] ?? Math.max(...Object.values(settings.limits)), from: 'settings' };
}

function lastEvent(events: readonly EventRecord[], kinds: readonly MessageEvent[]): EventRecord | undefined {
  for (let i = events.length - 1; i >= 0; i -= 1) if (kinds.includes(events[i]!.event)) return events[i];
  return undefined;
}

/** The message's deadline with everything needed to explain it. */
export function deadlineOf(message: Pick<MessageRecord, 'type' | 'events'>, settings: DeadlineSettings, calendar: WorkingCalendar): Deadline {
  const startEvent = lastEvent(message.events, CLOCK_EVENTS[settings.clockStartsAt]);
  const { days, from: daysFrom } = promisedLimit(message, settings);
  if (!startEvent) return { kind: 'not_started', waitingFor: CLOCK_START_LABELS[settings.clockStartsAt], days, daysFrom };
  const start = chinaDate(startEvent.at);
  const startedBy = startEvent.event === 'reopen' ? '重新办理' : CLOCK_START_LABELS[settings.clockStartsAt];
  const count = addWorkingDays(calendar, start, days);
  if (!count.ok) return { kind: 'beyond_calendar', start, startedBy, days, daysFrom, missingYear: count.missingYear, provisionalDue: count.provisionalDue };
  const extensionEvent = lastEvent(message.events, ['extend']);
  const extension =
    extensionEvent?.newDue && Date.parse(extensionEvent.at) >= Date.parse(startEvent.at)
      ? { newDue: extensionEvent.newDue, reason: extensionEvent.note, at: extensionEvent.at }
      : null;
  return {
    kind: 'set',
    start,
    startedBy,
    days,
    daysFrom,
    computedDue: count.due,
    due: extension?.newDue ?? count.due,
    skipped: count.skipped,
    adjustedWorkdays: count.adjustedWorkdays,
    extension,
  };
}

/** The due day, or null when there is none yet (or the calendar ran out). */
export function dueDate(deadline: Deadline): IsoDate | null {
  return deadline.kind === 'set' ? deadline.due : null;
}

/** Where an open message stands: 正常, 临期 (due within N working days), 逾期 (the due day has ended). */
export type Urgency = 'on_track' | 'due_soon' | 'overdue';

export function urgencyOf(due: IsoDate, asOf: IsoDate, settings: Pick<DeadlineSettings, 'dueSoonWorkingDays'>, calendar: WorkingCalendar): Urgency {
  if (asOf > due) return 'overdue';
  const left = workingDaysBetween(calendar, asOf, due);
  return left !== null && left <= settings.dueSoonWorkingDays ? 'due_soon' : 'on_track';
}

/** Working days left until the end of the due day (0 on the due day itself); negative when overdue, counted in calendar days past. */
export function workingDaysLeft(due: IsoDate, asOf: IsoDate, calendar: WorkingCalendar): number | null {
  if (asOf > due) return null;
  return workingDaysBetween(calendar, asOf, due);
}

/** How many times the message has been urged (已督办 ×N). */
export function urgeCount(events: readonly EventRecord[]): number {
  return events.filter((e) => e.event === 'urge').length;
}

/** States whose clock the system urges: waiting to be accepted, to be assigned, or to be answered. */
const URGED_STATES = new Set(['submitted', 'accepted', 'assigned']);

/**
 * Whether the system should urge now: the message is being handled, past its due day, and either
 * never urged since it fell due or last urged at least `urgeEveryWorkingDays` working days ago.
 */
export function shouldAutoUrge(
  message: Pick<MessageRecord, 'state' | 'events'>,
  due: IsoDate | null,
  asOf: IsoDate,
  settings: DeadlineSettings,
  calendar: WorkingCalendar,
): boolean {
  if (!URGED_STATES.has(message.state) || !due || asOf <= due) return false;
  const lastUrge = lastEvent(message.events, ['urge']);
  if (!lastUrge || chinaDate(lastUrge.at) <= due) return true;
  const since = workingDaysBetween(calendar, chinaDate(lastUrge.at), asOf);
  return since !== null && since >= settings.urgeEveryWorkingDays;
}

/** Whether a message was closed within its limit (按时办结): closed on or before the due day. */
export function closedOnTime(closedAt: string, due: IsoDate): boolean {
  return chinaDate(closedAt) <= due;
}

/** Working days from the clock's start to the reply (0 when replied on the start day). */
export function workingDaysToReply(start: IsoDate, repliedAt: string, calendar: WorkingCalendar): number | null {
  return workingDaysBetween(calendar, start, chinaDate(repliedAt));
}

/** Which clock a message is on: being accepted (受理), being assigned (交办), or being answered (答复). */
export type Stage = 'accept' | 'assign' | 'reply';

export type StageDeadline = { stage: Stage; due: IsoDate | null; deadline: Deadline } | null;

/**
 * The deadline a message is working to now: the intake clocks while it waits to be accepted or
 * assigned, the reply deadline once assigned, none once closed or rejected. The store's due_date is
 * this day; 临期, 逾期 and automatic urging follow it.
 */
export function stageDeadline(message: Pick<MessageRecord, 'type' | 'state' | 'events'>, settings: DeadlineSettings, calendar: WorkingCalendar): StageDeadline {
  const deadline = deadlineOf(message, settings, calendar);
  if (message.state === 'assigned' || message.state === 'replied') return { stage: 'reply', due: dueDate(deadline), deadline };
  if (message.state !== 'submitted' && message.state !== 'accepted') return null;
  const submitted = message.events.find((e) => e.event === 'submit');
  if (!submitted) return null;
  const days = message.state === 'submitted' ? settings.intake.acceptWithin : settings.intake.acceptWithin + settings.intake.assignWithin;
  const count = addWorkingDays(calendar, chinaDate(submitted.at), days);
  // A clock that already started at submission or acceptance is the reply clock: when it is sooner, it rules.
  const reply = dueDate(deadline);
  const intakeDue = count.ok ? count.due : null;
  const due = reply && intakeDue && reply < intakeDue ? reply : intakeDue;
  return { stage: message.state === 'submitted' ? 'accept' : 'assign', due, deadline };
}
