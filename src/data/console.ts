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
import { changeRole, createAccount, listAccounts, resetPassword, setDisabled } from '../server/auth/accounts.ts';
import { mayManageAccounts, maySeeOutbox, type StaffAccount } from '../lib/staff/accounts.ts';
import { BodyError, readFields, textField as text } from '../server/http/body.ts';
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
  'mark_repeat',
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
    case 'mark_repeat':
      return { of: fields.of };
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

export interface AccountsPage {
  accounts: StaffAccount[];
  units: { id: string; name: string }[];
  errors: { field: string; message: string }[];
  /** A one-time password just made (a new account, a reset): shown once, on this answer only. */
  issued: { login: string; password: string } | null;
  done: string | null;
  csrfToken: string;
  values: Record<string, string>;
}

const ACCOUNT_DONE: Readonly<Record<string, string>> = {
  disable: '已停用，其登录已立即失效。',
  enable: '已启用。',
  role: '已修改角色或单位，其登录已失效，下次登录后生效。',
};

/** 账号管理 (admins only): list, create (a one-time password shown once), disable, enable, reset, change role or unit. */
export async function accountsPage(astro: Pick<AstroGlobal, 'request' | 'response' | 'url' | 'locals' | 'redirect'>): Promise<AccountsPage | Response | null> {
  const staff = astro.locals.staff!;
  if (!mayManageAccounts(staff.account)) {
    astro.response.status = 404;
    return null;
  }
  const runtime = await getRuntime();
  const board = await loadBoard();
  let errors: { field: string; message: string }[] = [];
  let issued: AccountsPage['issued'] = null;
  let values: Record<string, string> = {};
  if (astro.request.method === 'POST') {
    const fields = await readFields(astro.request).catch((error: unknown) => {
      if (error instanceof BodyError) return { action: '', problem: error.message } as Record<string, unknown>;
      throw error;
    });
    values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, text(v)]));
    const by = staff.account.id;
    const target = text(fields.account);
    const action = text(fields.action);
    let problem: string | null = text(fields.problem) || null;
    if (!problem && action === 'create') {
      const created = await createAccount(runtime, { login: fields.login, name: fields.name, role: fields.role, unit: fields.unit, email: fields.email }, by);
      if (created.ok) issued = { login: created.account.login, password: created.oneTimePassword! };
      else problem = created.message;
    } else if (!problem && action === 'reset') {
      const reset = await resetPassword(runtime, target, by);
      const account = (await listAccounts(runtime.store.db)).find((a) => a.id === target);
      if (reset.ok && account) issued = { login: account.login, password: reset.oneTimePassword };
      else problem = reset.ok ? '账号不存在' : reset.message;
    } else if (!problem && (action === 'disable' || action === 'enable')) {
      if (target === by && action === 'disable') problem = '不能停用自己正在使用的账号';
      else {
        await setDisabled(runtime, target, action === 'disable', by);
        return astro.redirect(`/console/accounts?done=${action}`, 303);
      }
    } else if (!problem && action === 'role') {
      const changed = await changeRole(runtime, target, { role: fields.role, unit: fields.unit }, by);
      if (changed.ok) return astro.redirect('/console/accounts?done=role', 303);
      problem = changed.message;
    } else if (!problem) problem = '请选择要进行的操作';
    if (problem) {
      errors = [{ field: action === 'create' ? 'login' : `account-${target}`, message: problem }];
      astro.response.status = 400;
    }
  }
  return {
    accounts: await listAccounts(runtime.store.db),
    units: board.units.map((u) => ({ id: u.id, name: u.data.name })),
    errors,
    issued,
    done: ACCOUNT_DONE[astro.url.searchParams.get('done') ?? ''] ?? null,
    csrfToken: staff.csrfToken,
    values,
  };
}

/** 发件箱: notices waiting or given up on, for the office; a POST marks one as passed on by hand. Handlers do not see it. */
export async function outboxPage(astro: Pick<AstroGlobal, 'request' | 'locals' | 'redirect'>) {
  if (!maySeeOutbox(astro.locals.staff!.account)) return new Response('找不到页面', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const runtime = await getRuntime();
  const db = runtime.store.db;
  if (astro.request.method === 'POST') {
    const id = Number((await readFields(astro.request)).id);
    if (Number.isInteger(id))
      await db
        .updateTable('outbox')
        .set({ status: 'handled', claimed_until: null })
        .where('id', '=', id)
        .where('status', 'in', ['pending', 'failed'])
        .execute();
    return astro.redirect('/console/outbox', 303);
  }
  const notices = await db.selectFrom('outbox').selectAll().where('status', 'in', ['pending', 'failed']).orderBy('id').limit(200).execute();
  return { notices, mailConfigured: runtime.config.mail.smtpUrl !== null };
}
