/**
 * The console's pages as flows: who is acting, one message as staff see it with the actions they
 * may take, and the posting of an action (through the same commands as everything else, which
 * authorise it again inside their transaction). A page calls one of these and renders.
 */
import type { AstroGlobal } from 'astro';
import type { IsoDate } from '../lib/calendar/dates.ts';
import { deadlineOf, type Deadline } from '../lib/messages/deadlines.ts';
import { can, eventsFor, mayReadContact, maySee, type Actor } from '../lib/messages/permissions.ts';
import { maskText } from '../lib/messages/masking.ts';
import { reviewedTexts } from '../lib/messages/public-view.ts';
import { suspiciousSpans, type SuspiciousSpan } from '../lib/messages/review.ts';
import type { MessageEvent } from '../lib/messages/state-machine.ts';
import { staffTimeline, type TimelineEntry } from '../lib/messages/timeline.ts';
import { normaliseTrackingNumber } from '../lib/messages/tracking.ts';
import type { MessageRecord } from '../lib/messages/types.ts';
import type { StaffSession } from '../server/auth/sessions.ts';
import { BodyError, readFields } from '../server/http/body.ts';
import { act, ACTIONS, type ActionEvent } from '../server/messages/commands/index.ts';
import { readContactDetails, type ContactDetails } from '../server/messages/commands/read-contact.ts';
import { loadMessage } from '../server/messages/repository.ts';
import { getRuntime } from '../server/runtime.ts';
import { loadBoard } from './board.ts';

/** The signed-in member of staff as the commands know them. */
export function staffActor(staff: StaffSession): Actor {
  const { account } = staff;
  return { kind: 'staff', role: account.role, accountId: account.id, unitCode: account.unit, name: account.name };
}

/** Actions staff take from the message page, each a form of its own; publishing is the review form's (审核并公开); rating is the citizen's. */
const CONSOLE_ACTIONS: readonly ActionEvent[] = [
  'accept',
  'reject',
  'assign',
  'return',
  'extend',
  'urge',
  'reply',
  'send_back',
  'approve',
  'reopen',
  'unpublish',
];

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The posted form's fields as the action's input. */
function inputOf(event: ActionEvent, fields: Record<string, unknown>): Record<string, unknown> {
  switch (event) {
    case 'reject':
    case 'return':
      return { reason: fields.reason };
    case 'assign':
      return { unit: fields.unit, note: fields.note };
    case 'extend':
      return { newDue: fields.newDue, reason: fields.reason };
    case 'reply':
      return { reply: fields.reply };
    default:
      return { note: fields.note };
  }
}

export interface ConsoleMessagePage {
  found: boolean;
  record: MessageRecord | null;
  deadline: Deadline | null;
  timeline: TimelineEntry[];
  actions: ActionEvent[];
  units: { id: string; name: string }[];
  /** The unit to suggest on assignment: the linked task's lead unit, or the unit the citizen addressed. */
  suggestedUnit: string | null;
  /** The due day an assignment today would give, counted in working days. */
  dueIfAssignedToday: IsoDate | null;
  unitName: (id: string) => string;
  errors: { field: string; message: string }[];
  done: MessageEvent | null;
  contact: ContactDetails | null;
  mayReadContact: boolean;
  csrfToken: string;
  values: Record<string, string>;
  /** 审核并公开: the texts as the public will see them and the spans to look at; null when the message cannot be published now. */
  review: Review | null;
}

export interface Review {
  fields: { label: string; text: string }[];
  suggestions: SuspiciousSpan[];
}

/** What the reviewer reads: each text after the automatic masking, and what masking cannot know. */
function reviewOf(record: MessageRecord): Review {
  const texts = reviewedTexts(record);
  const mask = (t: string) => maskText(t, record.authorName);
  const fields = [
    { label: '标题', text: mask(texts.title) },
    { label: '留言内容', text: mask(texts.content) },
    ...(texts.reply ? [{ label: '答复', text: mask(texts.reply) }] : []),
  ];
  return { fields, suggestions: suspiciousSpans(fields.map((f) => f.text).join('\n')) };
}

export async function consoleMessagePage(
  astro: Pick<AstroGlobal, 'request' | 'response' | 'params' | 'url' | 'locals' | 'redirect'>,
): Promise<ConsoleMessagePage | Response> {
  const runtime = await getRuntime();
  const board = await loadBoard();
  const staff = astro.locals.staff!;
  const actor = staffActor(staff);
  const number = normaliseTrackingNumber(astro.params.number ?? '') ?? '';
  let loaded = number ? await loadMessage(runtime.store.db, number) : undefined;
  const unitName = (id: string) => board.unitById.get(id)?.name ?? id;
  const empty: ConsoleMessagePage = {
    found: false,
    record: null,
    deadline: null,
    timeline: [],
    actions: [],
    units: [],
    suggestedUnit: null,
    dueIfAssignedToday: null,
    unitName,
    errors: [],
    done: null,
    contact: null,
    mayReadContact: false,
    csrfToken: staff.csrfToken,
    values: {},
    review: null,
  };
  // Another unit's message does not exist, as far as a handler can tell.
  if (!loaded || !maySee(actor, { state: loaded.record.state, unit: loaded.record.unit })) {
    astro.response.status = 404;
    return empty;
  }
  let errors: { field: string; message: string }[] = [];
  let contact: ContactDetails | null = null;
  let values: Record<string, string> = {};
  if (astro.request.method === 'POST') {
    let fields: Record<string, unknown> = {};
    try {
      fields = await readFields(astro.request);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      errors = [{ field: 'actions', message: error.message }];
    }
    values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, text(v)]));
    const action = text(fields.action);
    if (action === 'review-publish') {
      // 审核并公开: the redaction (even of nothing) and the publication, one after the other.
      const reviewed = await act(runtime, actor, number, 'redact', { hide: fields['hide[]'], more: fields.more });
      const published = reviewed.ok ? await act(runtime, actor, number, 'publish', {}) : reviewed;
      if (published.ok) return astro.redirect(`/console/messages/${number}?done=publish`, 303);
      errors = [{ field: 'review-form', message: published.message }];
      astro.response.status = published.status;
    } else if (action === 'contact') {
      const read = await readContactDetails(runtime, actor, number, fields.purpose);
      if (read.ok) contact = read.contact;
      else errors = [{ field: 'purpose', message: read.message }];
    } else if (errors.length === 0) {
      const event = CONSOLE_ACTIONS.find((a) => a === action);
      const result = event
        ? await act(runtime, actor, number, event, inputOf(event, fields) as never)
        : { ok: false as const, status: 400 as const, message: '请选择要进行的操作' };
      if (result.ok) return astro.redirect(`/console/messages/${number}?done=${event}`, 303);
      errors = [{ field: `${action}-form`, message: result.message }];
      astro.response.status = result.status;
    }
    if (errors.length && astro.response.status === 200) astro.response.status = 400;
    loaded = await loadMessage(runtime.store.db, number);
  }
  const record = loaded!.record;
  const { deadlines, calendar } = runtime.rules;
  const task = record.task ? board.taskByCode.get(record.task) : undefined;
  const suggestedUnit = task?.leadUnit ?? record.targetUnit;
  const preview = deadlineOf(
    {
      type: record.type,
      events: [
        ...record.events,
        { event: 'assign', at: new Date().toISOString(), role: 'dispatcher', actor: null, from: 'accepted', to: 'assigned', note: null, internalNote: null },
      ],
    },
    deadlines,
    calendar,
  );
  const names = new Map(
    (
      await runtime.store.db
        .selectFrom('staff_accounts')
        .select(['id', 'name'])
        .where('id', 'in', [...new Set(record.events.map((e) => e.actor).filter((a): a is string => !!a)), ''])
        .execute()
    ).map((a) => [a.id, a.name]),
  );
  const done = astro.url.searchParams.get('done');
  return {
    ...empty,
    found: true,
    record,
    deadline: deadlineOf(record, deadlines, calendar),
    timeline: staffTimeline(record.events, unitName, (id) => names.get(id) ?? null),
    actions: eventsFor(actor, record)
      .filter((e): e is ActionEvent => CONSOLE_ACTIONS.includes(e as ActionEvent))
      .filter((e) => ACTIONS[e].definition.offered?.(record) ?? true),
    units: board.units.map((u) => ({ id: u.id, name: u.data.name })),
    suggestedUnit,
    dueIfAssignedToday: preview.kind === 'set' ? preview.due : null,
    errors,
    done: done && ([...CONSOLE_ACTIONS, 'publish'] as readonly string[]).includes(done) ? (done as MessageEvent) : null,
    review: can(actor, 'redact', record) && record.consent && !record.published ? reviewOf(record) : null,
    contact,
    mayReadContact: mayReadContact(actor, record),
    values,
  };
}
