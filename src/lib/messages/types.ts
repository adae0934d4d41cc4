/**
 * A message as the domain sees it: plain data, loaded by the server from the store. Instants are
 * ISO 8601 strings in UTC; calendar days (deadlines) are `YYYY-MM-DD` in China Standard Time.
 */
import type { IsoDate } from '../calendar/dates.ts';
import type { MessageEvent, MessageState } from './state-machine.ts';
import type { Role } from './permissions.ts';
import type { Rating } from './vocabulary.ts';

/** One recorded change: who, when, from, to, and what was said (public) or noted (internal). */
export interface EventRecord {
  event: MessageEvent;
  at: string;
  role: Role;
  actor: string | null;
  from: MessageState | null;
  to: MessageState;
  /** Shown on the public timeline. */
  note: string | null;
  /** Staff only; never leaves the console. */
  internalNote: string | null;
  /** Event-specific facts: the unit assigned, an extension's new date, a rating, the time limit promised at submission. */
  unit?: string | null;
  newDue?: IsoDate | null;
  rating?: Rating | null;
  limitDays?: number | null;
  /** The answer's text, on a reply event: staff see every version; the public only the approved one. */
  reply?: string | null;
  /** On a 重复件 event: the earlier message's number. */
  repeatOf?: string | null;
}

export interface MessageRecord {
  number: string;
  type: string;
  state: MessageState;
  /** The unit the citizen addressed (optional) and the unit handling it (after assignment). */
  targetUnit: string | null;
  unit: string | null;
  task: string | null;
  title: string;
  content: string;
  authorName: string | null;
  consent: boolean;
  published: boolean;
  submittedAt: string;
  reply: string | null;
  repliedAt: string | null;
  closedAt: string | null;
  /** The texts after the reviewer's redaction (公开前审核), or null before any review; the public sees these. */
  redacted: { title: string | null; content: string | null; reply: string | null } | null;
  /** Closed as a repeat (重复件) of this earlier message. */
  repeatOf: string | null;
  /** Everything that happened, in order; ratings, extensions and reassignments are read from here (see ratings.ts, deadlines.ts). */
  events: EventRecord[];
}
