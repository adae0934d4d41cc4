/**
 * What the public may see of a message, built in one place: every text passes through masking
 * here, so no page can show a name, phone number, ID number or e-mail by forgetting to. Pages
 * render these views and never touch a raw record's text.
 */
import type { IsoDate } from '../calendar/dates.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';
import { deadlineOf, stageDeadline, urgeCount, urgencyOf, workingDaysLeft, type Deadline, type DeadlineSettings, type Urgency } from './deadlines.ts';
import { maskName, maskText } from './masking.ts';
import { isOpen, type MessageState } from './state-machine.ts';
import { publicTimeline, type TimelineEntry } from './timeline.ts';
import { ratingsOf } from './ratings.ts';
import { searchable } from './board-filter.ts';
import type { MessageRecord } from './types.ts';
import { RATING_LABELS, STATE_LABELS } from './vocabulary.ts';

export interface PublicMessage {
  number: string;
  type: string;
  typeLabel: string;
  state: MessageState;
  stateLabel: string;
  unit: string | null;
  unitName: string | null;
  task: string | null;
  title: string;
  content: string;
  author: string;
  submittedAt: string;
  reply: string | null;
  repliedAt: string | null;
  closedAt: string | null;
  /** Every rating given, oldest first, with its date and (masked) comment. */
  ratings: { label: string; comment: string | null; at: string }[];
  deadline: Deadline;
  /** 临期 / 逾期 against the deadline the message is working to now: the intake clocks, then the reply's. */
  urgency: Urgency | null;
  workingDaysLeft: number | null;
  /** Closed as a repeat (重复件) of this earlier message. */
  repeatOf: string | null;
  /** While it waits to be accepted (受理) or assigned (交办): by when that must happen. */
  intake: { stage: 'accept' | 'assign'; due: IsoDate | null } | null;
  urges: number;
  extensions: { newDue: IsoDate; reason: string | null; at: string }[];
  timeline: TimelineEntry[];
}

export interface ViewContext {
  asOf: IsoDate;
  deadlines: DeadlineSettings;
  calendar: WorkingCalendar;
  typeLabel: (id: string) => string;
  unitName: (id: string) => string;
}

/** What the board's search looks through for a published message: its number and its public (masked) title, content and reply. */
export function publicSearchText(record: Pick<MessageRecord, 'number' | 'title' | 'content' | 'reply' | 'authorName' | 'redacted'>): string {
  const mask = (text: string) => maskText(text, record.authorName);
  const { title, content, reply } = reviewedTexts(record);
  return searchable([record.number, mask(title), mask(content), reply === null ? '' : mask(reply)].join('\n'));
}

/** The texts the public may see: the reviewer's redacted versions where there are any, else the originals. */
export function reviewedTexts(record: Pick<MessageRecord, 'title' | 'content' | 'reply' | 'redacted'>): {
  title: string;
  content: string;
  reply: string | null;
} {
  return { title: record.redacted?.title ?? record.title, content: record.redacted?.content ?? record.content, reply: record.redacted?.reply ?? record.reply };
}

export function publicMessage(record: MessageRecord, context: ViewContext): PublicMessage {
  const mask = (text: string) => maskText(text, record.authorName);
  const computed = deadlineOf(record, context.deadlines, context.calendar);
  const deadline: Deadline =
    computed.kind === 'set' && computed.extension
      ? { ...computed, extension: { ...computed.extension, reason: computed.extension.reason === null ? null : mask(computed.extension.reason) } }
      : computed;
  const open = isOpen(record.state);
  const stage = stageDeadline(record, context.deadlines, context.calendar);
  const due = stage?.due ?? null;
  return {
    number: record.number,
    type: record.type,
    typeLabel: context.typeLabel(record.type),
    state: record.state,
    stateLabel: STATE_LABELS[record.state],
    unit: record.unit,
    unitName: record.unit ? context.unitName(record.unit) : null,
    task: record.task,
    title: mask(reviewedTexts(record).title),
    content: mask(reviewedTexts(record).content),
    author: maskName(record.authorName),
    submittedAt: record.submittedAt,
    // A reply is public only once approved (待审核 replies may still be sent back).
    reply: record.reply === null || record.state !== 'closed' ? null : mask(reviewedTexts(record).reply ?? record.reply),
    repliedAt: record.repliedAt,
    closedAt: record.closedAt,
    ratings: ratingsOf(record.events).map((r) => ({ label: RATING_LABELS[r.rating], comment: r.comment === null ? null : mask(r.comment), at: r.at })),
    deadline,
    urgency: open && due ? urgencyOf(due, context.asOf, context.deadlines, context.calendar) : null,
    workingDaysLeft: open && due ? workingDaysLeft(due, context.asOf, context.calendar) : null,
    intake: stage && stage.stage !== 'reply' ? { stage: stage.stage, due: stage.due } : null,
    repeatOf: record.repeatOf,
    urges: urgeCount(record.events),
    extensions: record.events
      .filter((e) => e.event === 'extend' && e.newDue)
      .map((e) => ({ newDue: e.newDue!, reason: e.note === null ? null : mask(e.note), at: e.at })),
    timeline: publicTimeline(record.events, context.unitName).map((entry) => ({ ...entry, detail: entry.detail === null ? null : mask(entry.detail) })),
  };
}
