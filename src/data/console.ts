/**
 * The console's pages as flows: who is acting, one message as staff see it with the actions they
 * may take, and the posting of an action (through the same commands as everything else, which
 * authorise it again inside their transaction). A page calls one of these and renders.
 */
import type { AstroGlobal } from 'astro';
import type { IsoDate } from '../lib/calendar/dates.ts';
import { deadlineOf, type Deadline } from '../lib/messages/deadlines.ts';
import { can, eventsFor, mayReadContact, maySee, type Actor } from '../lib/messages/permissions.ts';
import { REPLY_START_HINTS, replyStart } from '../lib/messages/drafts.ts';
import { newDueExplained, pendingExtensionRequest } from '../lib/messages/extension-requests.ts';
import { beijingMinute } from '../lib/format/beijing-time.ts';
import { maskText } from '../lib/messages/masking.ts';
import { reviewedTexts } from '../lib/messages/public-view.ts';
import { suspiciousSpans, type SuspiciousSpan } from '../lib/messages/review.ts';
import { staffTimeline, type TimelineEntry } from '../lib/messages/timeline.ts';
import { EVENT_LABELS } from '../lib/messages/vocabulary.ts';
import { normaliseTrackingNumber } from '../lib/messages/tracking.ts';
import type { MessageRecord } from '../lib/messages/types.ts';
import type { StaffSession } from '../server/auth/sessions.ts';
import { changeRole, createAccount, listAccounts, resetPassword, setDisabled } from '../server/auth/accounts.ts';
import { mayManageAccounts, maySeeOutbox, type StaffAccount } from '../lib/staff/accounts.ts';
import { BodyError, postedFields, textField as text } from '../server/http/body.ts';
import { act, ACTIONS, type ActionEvent } from '../server/messages/commands/index.ts';
import { readContactDetails, type ContactDetails } from '../server/messages/commands/read-contact.ts';
import { draftFor, saveDraft } from '../server/messages/commands/save-draft.ts';
import { savedWords, type Draft } from '../server/messages/drafts.ts';
import { loadMessage } from '../server/messages/repository.ts';
import { getRuntime } from '../server/runtime.ts';
import { loadDirectory } from './directory.ts';

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
  'request_extension',
  'decline_extension',
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
    case 'decline_extension':
      return { reason: fields.reason };
    case 'assign':
      return { unit: fields.unit, note: fields.note };
    case 'extend':
    case 'request_extension':
      return { newDue: fields.newDue, reason: fields.reason };
    case 'mark_repeat':
      return { of: fields.of };
    case 'reply':
      return { reply: fields.reply, basedOnDraft: fields.draftSavedAt };
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
  /** The confirmation after an action, in words (已受理。), or null. */
  done: string | null;
  contact: ContactDetails | null;
  mayReadContact: boolean;
  csrfToken: string;
  values: Record<string, string>;
  /** 审核并公开: the texts as the public will see them and the spans to look at; null when the message cannot be published now. */
  review: Review | null;
  /** The unit's saved draft of the answer, for whoever may reply now only; null for everyone else. */
  draft: Draft | null;
  /** What an action's form starts with, and says above its fields, when it is not showing a failed post again. */
  prefill: Partial<Record<ActionEvent, FormStart>>;
  /** Fields an action's form carries unseen, always as the message is now (the draft the reply form was based on). */
  hidden: Partial<Record<ActionEvent, Record<string, string>>>;
  /** The unit's request for an extension waiting for the office: shown to the unit's handlers and the office. */
  extensionRequest: ExtensionRequestView | null;
}

export interface FormStart {
  values: Record<string, string>;
  hint: string | null;
}

export interface ExtensionRequestView {
  /** Who asked and when: "承办员 李某，2026-11-24 10:03". */
  asked: string;
  currentDue: IsoDate | null;
  newDue: IsoDate;
  /** What the proposed day would mean: its end, not moved past a weekend or holiday. */
  explained: string;
  reason: string | null;
}

/** The confirmation after each action; by default 已 + the event's name. */
const DONE_WORDS: Readonly<Record<string, string>> = {
  save_draft: '答复草稿已保存。',
  request_extension: '已申请延期，等待督查室批准。',
};
const doneWords = (done: string | null): string | null =>
  done === null
    ? null
    : (DONE_WORDS[done] ??
      (([...CONSOLE_ACTIONS, 'publish'] as readonly string[]).includes(done) ? `已${EVENT_LABELS[done as ActionEvent | 'publish']}。` : null));

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
  const directory = await loadDirectory();
  const staff = astro.locals.staff!;
  const actor = staffActor(staff);
  const number = normaliseTrackingNumber(astro.params.number ?? '') ?? '';
  let loaded = number ? await loadMessage(runtime.store.db, number) : undefined;
  const unitName = (id: string) => directory.unitById.get(id)?.name ?? id;
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
    draft: null,
    prefill: {},
    hidden: {},
    extensionRequest: null,
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
      fields = postedFields(astro.locals.posted);
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
    } else if (action === 'save_draft' && errors.length === 0) {
      // 保存草稿: the reply form's other button; not an event, so not through act().
      const saved = await saveDraft(runtime, actor, number, { reply: fields.reply, basedOn: fields.draftSavedAt });
      if (saved.ok) return astro.redirect(`/console/messages/${number}?done=save_draft`, 303);
      errors = [{ field: 'reply-form', message: saved.message }];
      astro.response.status = saved.status;
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
  const task = record.task ? directory.taskByCode.get(record.task) : undefined;
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
  const draft = await draftFor(runtime, actor, record);
  const currentDue = loaded!.row.due_date;
  const request = pendingExtensionRequest(record);
  const extensionRequest: ExtensionRequestView | null = request && {
    asked: `承办员${request.by && names.has(request.by) ? ` ${names.get(request.by)}` : ''}，${beijingMinute(request.at)}`,
    currentDue,
    newDue: request.newDue,
    explained: newDueExplained(calendar, request.newDue),
    reason: request.reason,
  };
  const start = replyStart(draft?.text ?? null, record.events);
  const prefill: ConsoleMessagePage['prefill'] = {
    reply: {
      values: start ? { reply: start.text } : {},
      hint: [start && REPLY_START_HINTS[start.from], draft && `草稿由 ${savedWords(draft)} 保存。`, '草稿只有本单位的承办员能看到；提交后送督查室审核。']
        .filter(Boolean)
        .join(''),
    },
    request_extension: {
      values: {},
      hint: `当前答复期限为 ${currentDue ?? '（尚未确定）'}。申请的日期须晚于当前期限；批准后期限到那天 24 时为止，即使那天不是工作日也不顺延。理由供督查室审批；批准时，督查室另写公开给留言人的延期理由。`,
    },
    ...(extensionRequest && {
      extend: {
        values: { newDue: extensionRequest.newDue, reason: extensionRequest.reason ?? '' },
        hint: `已按承办单位的申请填写（${extensionRequest.asked}），可以修改。${extensionRequest.explained}延期理由会公开给留言人，请删去不宜公开的内容。`,
      },
    }),
  };
  return {
    ...empty,
    found: true,
    record,
    deadline: deadlineOf(record, deadlines, calendar),
    timeline: staffTimeline(record.events, unitName, (id) => names.get(id) ?? null),
    actions: eventsFor(actor, record)
      .filter((e): e is ActionEvent => CONSOLE_ACTIONS.includes(e as ActionEvent))
      .filter((e) => ACTIONS[e].definition.offered?.(record) ?? true),
    units: directory.units.map((u) => ({ id: u.id, name: u.name })),
    suggestedUnit,
    dueIfAssignedToday: preview.kind === 'set' ? preview.due : null,
    errors,
    done: doneWords(astro.url.searchParams.get('done')),
    review: can(actor, 'redact', record) && record.consent && !record.published ? reviewOf(record) : null,
    contact,
    mayReadContact: mayReadContact(actor, record),
    values,
    draft,
    prefill,
    hidden: { reply: { draftSavedAt: draft?.savedAt ?? '' } },
    extensionRequest,
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
  const directory = await loadDirectory();
  let errors: { field: string; message: string }[] = [];
  let issued: AccountsPage['issued'] = null;
  let values: Record<string, string> = {};
  if (astro.request.method === 'POST') {
    const posted = astro.locals.posted;
    const fields: Record<string, unknown> = posted?.ok === false ? { action: '', problem: posted.error.message } : postedFields(posted);
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
    units: directory.units.map((u) => ({ id: u.id, name: u.name })),
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
    const posted = astro.locals.posted;
    const id = posted?.ok ? Number(posted.fields.id) : Number.NaN;
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
