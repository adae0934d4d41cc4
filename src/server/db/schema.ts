/**
 * The tables, as Kysely sees them. One schema for SQLite and PostgreSQL: instants and days are
 * ISO 8601 text (they sort correctly as text on both), flags are 0/1 integers.
 */
import type { Generated } from 'kysely';

export interface MessagesTable {
  id: Generated<number>;
  number: string;
  type: string;
  state: string;
  target_unit: string | null;
  unit: string | null;
  task: string | null;
  title: string;
  content: string;
  author_name: string | null;
  phone: string;
  email: string | null;
  consent: number;
  published: number;
  channel: string;
  submitted_at: string;
  /** The current due day: only an index for queries, written by every command from `deadlineOf` over the events and the calendar. */
  due_date: string | null;
  reply: string | null;
  replied_at: string | null;
  closed_at: string | null;
  rating: string | null;
  rating_comment: string | null;
  query_code_hash: string;
  idempotency_hash: string;
  /** Hash of the submission's content, to tell a retry from a different message reusing a key. */
  content_hash: string;
  updated_at: string;
  /** For a published message, the text the board's search looks through: its public (masked) text, lower case. */
  public_text: string | null;
  /** After the reviewer's redaction: the title, content and reply as the public sees them (before automatic masking). */
  public_title: string | null;
  public_content: string | null;
  public_reply: string | null;
  /** A 重复件: the earlier message it repeats. */
  repeat_of: string | null;
  /**
   * 答复草稿: the unit's answer saved but not submitted, who saved it last and when. Only
   * src/server/messages/drafts.ts reads these, for whoever may reply now; cleared when the message leaves 办理中.
   */
  draft_reply: string | null;
  draft_saved_at: string | null;
  draft_saved_by: string | null;
  /** When the pending request for an extension (申请延期) was made, or null: only an index for the 延期申请 queue, written by every command from the events. */
  extension_requested_at: string | null;
}

export interface MessageEventsTable {
  id: Generated<number>;
  message_id: number;
  event: string;
  at: string;
  role: string;
  actor: string | null;
  from_state: string | null;
  to_state: string;
  note: string | null;
  internal_note: string | null;
  unit: string | null;
  new_due: string | null;
  rating: string | null;
  /** On a submission: the time limit in working days in force when it was submitted (the promise made). */
  limit_days: number | null;
  /** On a reply: the answer as the unit wrote it (the message's reply column holds the latest). */
  reply: string | null;
  /** The chain (src/server/audit/chain.ts): the previous event's hash, and this one's. */
  prev_hash: string | null;
  hash: string | null;
  /** On a 重复件: the number of the earlier message it repeats. */
  repeat_of: string | null;
}

/** The staff log: sign-ins, failed sign-ins and account changes, chained like the events. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  kind: string;
  actor: string | null;
  subject: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

/** Who read a citizen's contact details, when and for what. */
export interface ContactReadsTable {
  id: Generated<number>;
  message_id: number;
  at: string;
  role: string;
  account_id: string | null;
  unit: string | null;
  purpose: string;
}

export interface DailyCountersTable {
  day: string;
  last: number;
}

export interface UsedChallengesTable {
  id: string;
  expires_at: string;
}

export interface StoreStateTable {
  key: string;
  value: string;
}

/** Running totals per (month, unit, type): see src/lib/messages/tallies.ts. */
export interface MessageTalliesTable {
  month: string;
  unit: string;
  type: string;
  received: number;
  accepted: number;
  rejected: number;
  replied: number;
  closed: number;
  closed_on_time: number;
  timed_replies: number;
  reply_days_sum: number;
  reply_bucket_0: number;
  reply_bucket_1: number;
  reply_bucket_2: number;
  reply_bucket_3: number;
  reply_bucket_4: number;
  ratings: number;
  pleased: number;
}

export interface StaffAccountsTable {
  id: string;
  login: string;
  name: string;
  role: string;
  unit: string | null;
  /** Where the account's notices go (a handler's new and urged messages). */
  email: string | null;
  password_hash: string;
  must_change_password: number;
  disabled: number;
  created_at: string;
  updated_at: string;
}

/** A signed-in session: only a hash of its token is stored, so a copy of the database signs nobody in. */
export interface StaffSessionsTable {
  token_hash: string;
  account_id: string;
  created_at: string;
  last_seen_at: string;
  /** The absolute end, however active the session. */
  expires_at: string;
}

export interface SignInFailuresTable {
  key: string;
  window_start: string;
  failures: number;
}

/** A notice waiting to be sent, being sent, sent, or given up on (after the last retry). */
export interface OutboxTable {
  id: Generated<number>;
  /** One per event and recipient, so a notice is queued once. */
  key: string;
  created_at: string;
  recipient: string;
  subject: string;
  body: string;
  message_number: string | null;
  status: string;
  attempts: number;
  next_attempt_at: string;
  /** A sender working on it holds it until then (several servers share one outbox). */
  claimed_until: string | null;
  sent_at: string | null;
  last_error: string | null;
  /** 'email' (SMTP) or 'sms' (the text-message gateway, SMS_WEBHOOK_URL). */
  channel: Generated<string>;
  /** On a re-sent query code only, until it is sent: the seed the code is derived from (the code itself is never stored). */
  code_seed: string | null;
}

/** Running totals of the standing queues per unit ('' before a message has one): lib/messages/queue-counts.ts. */
export interface QueueCountsTable {
  queue: string;
  unit: string;
  count: number;
}

export interface Database {
  messages: MessagesTable;
  message_events: MessageEventsTable;
  daily_counters: DailyCountersTable;
  used_challenges: UsedChallengesTable;
  store_state: StoreStateTable;
  contact_reads: ContactReadsTable;
  message_tallies: MessageTalliesTable;
  staff_accounts: StaffAccountsTable;
  staff_sessions: StaffSessionsTable;
  sign_in_failures: SignInFailuresTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  queue_counts: QueueCountsTable;
}
