/**
 * Glue between the message pages and the server: the runtime, the choices a citizen may pick (from
 * the same content the static site is built from), the view context, the client's address, and the
 * form pages' flows (`submitPage`, `trackPage`). A page calls one of these and renders what it
 * returns; the rules live in src/lib/messages and src/server.
 */
import type { AstroGlobal } from 'astro';
import { today } from '../lib/calendar/dates.ts';
import type { SubmissionChoices } from '../lib/messages/submission.ts';
import { publicMessage, type PublicMessage, type ViewContext } from '../lib/messages/public-view.ts';
import { mayRate } from '../lib/messages/ratings.ts';
import { NO_LOOKUP, trackForm, type TrackOutcome } from '../server/messages/track-form.ts';
import { blankForm, submitForm, type SubmitOutcome } from '../server/messages/submit-form.ts';
import { blankResend, resendForm, type ResendOutcome } from '../server/messages/resend-form.ts';
import { resendChannels } from '../server/messages/commands/resend-code.ts';
import { canReceiveTexts, parsePhone } from '../lib/messages/phone-numbers.ts';
import { newQuestion, type FallbackQuestion } from '../server/anti-abuse/fallback-check.ts';
import { CLOCK_START_LABELS } from '../lib/messages/vocabulary.ts';
import type { Settings } from '../lib/content/schemas.ts';
import { newIdempotencyKey } from '../server/messages/commands/submit.ts';
import { getRuntime, type Runtime } from '../server/runtime.ts';
import { clientAddressOf, viaTrustedProxy } from '../server/http/client-address.ts';
import { loadDirectory } from './directory.ts';

export { getRuntime, type Runtime };

let choices: Promise<SubmissionChoices> | undefined;

/** What a citizen may pick: the settings' types, the content's units and tasks. The same object every time, so validation reuses its schema. */
export function messageChoices(runtime: Runtime): Promise<SubmissionChoices> {
  choices ??= loadDirectory().then((directory) => ({
    types: runtime.rules.settings.messages.types.map((t) => t.id),
    units: directory.units.map((u) => u.id),
    tasks: directory.tasks.map((t) => t.code),
  }));
  return choices;
}

export async function viewContext(runtime: Runtime): Promise<ViewContext> {
  const directory = await loadDirectory();
  const types = new Map(runtime.rules.settings.messages.types.map((t) => [t.id, t.label]));
  return {
    asOf: today(),
    deadlines: runtime.rules.deadlines,
    calendar: runtime.rules.calendar,
    typeLabel: (id) => types.get(id) ?? id,
    unitName: (id) => directory.unitById.get(id)?.name ?? id,
  };
}

/** The client's address for rate limits: the socket's, or the hop a trusted proxy appended (the one rule: src/server/http/client-address.ts). */
export function clientAddress(astro: Pick<AstroGlobal, 'request' | 'clientAddress'>, runtime: Runtime): string {
  return clientAddressOf(astro, runtime.config.trustedProxies);
}

/** Whether the browser reached us over HTTPS: directly, or as a trusted proxy says in `X-Forwarded-Proto`. */
export function overHttps(astro: Pick<AstroGlobal, 'request' | 'clientAddress' | 'url'>, runtime: Runtime): boolean {
  if (astro.url.protocol === 'https:') return true;
  return viaTrustedProxy(astro, runtime.config.trustedProxies) && astro.request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

/** Responses about a person's own message are never cached by browsers or proxies. */
export function noStore(headers: Headers): void {
  headers.set('Cache-Control', 'no-store');
  headers.set('Referrer-Policy', 'same-origin');
}

/** What the tracking and rating pages show: the form's outcome, the message found (masked), its task's title, whether it may be rated. */
export interface TrackPage {
  outcome: TrackOutcome;
  message: PublicMessage | null;
  taskTitle: string | null;
  canRate: boolean;
}

/** The tracking (`track`, a look-up) or rating (`rate`) form: run it on a POST, and prepare the page; the response gets the outcome's status and headers. */
export async function trackPage(astro: Pick<AstroGlobal, 'request' | 'clientAddress' | 'response'>, action: 'track' | 'rate'): Promise<TrackPage> {
  const runtime = await getRuntime();
  noStore(astro.response.headers);
  const outcome = astro.request.method === 'POST' ? await trackForm(runtime, astro.request, clientAddress(astro, runtime), action) : NO_LOOKUP;
  astro.response.status = outcome.status;
  for (const [name, value] of Object.entries(outcome.headers)) astro.response.headers.set(name, value);
  const { record } = outcome;
  const message = record ? publicMessage(record, await viewContext(runtime)) : null;
  const directory = await loadDirectory();
  return {
    outcome,
    message,
    taskTitle: message?.task ? (directory.taskByCode.get(message.task)?.title ?? null) : null,
    canRate: record !== null && mayRate(record),
  };
}

/** The form for a new query code (找回查询码): run it on a POST, and prepare the page; the response gets the outcome's status and headers. */
export async function resendPage(astro: Pick<AstroGlobal, 'request' | 'clientAddress' | 'response'>): Promise<ResendOutcome> {
  const runtime = await getRuntime();
  noStore(astro.response.headers);
  const outcome = astro.request.method === 'POST' ? await resendForm(runtime, astro.request, clientAddress(astro, runtime)) : blankResend(runtime);
  astro.response.status = outcome.status;
  for (const [name, value] of Object.entries(outcome.headers)) astro.response.headers.set(name, value);
  return outcome;
}

/** Where each error in the form's summary links to, when it is not the field's own id. */
const ERROR_ANCHORS: Readonly<Record<string, string>> = { type: 'type-first', check: 'check', idempotency: 'title' };

/** What the message form page shows: the form (again, with errors) or the receipt. */
export interface SubmitPage {
  outcome: SubmitOutcome;
  received: SubmitOutcome['receipt'];
  errorList: { field: string; message: string }[];
  types: Settings['messages']['types'];
  receiptType: Settings['messages']['types'][number] | undefined;
  units: { id: string; name: string }[];
  taskTitle: string | null;
  clockStartsAt: string;
  /** A fresh no-script question and form key for the form shown (every showing gets new ones). */
  question: FallbackQuestion;
  idempotencyKey: string;
  /** On the receipt: where a new query code could be sent if this one is lost (the e-mail given, the mobile), as this server is set up. */
  resendTo: { email: boolean; sms: boolean };
  /** An example task code from the board, for the form's hint. */
  exampleTask: string | null;
}

/** The message form: submit it on a POST, and prepare the page; the response gets the outcome's status and headers. */
export async function submitPage(astro: Pick<AstroGlobal, 'request' | 'clientAddress' | 'response' | 'url'>): Promise<SubmitPage> {
  const runtime = await getRuntime();
  const directory = await loadDirectory();
  noStore(astro.response.headers);
  const outcome =
    astro.request.method === 'POST'
      ? await submitForm(runtime, astro.request, clientAddress(astro, runtime), await messageChoices(runtime))
      : prefilled(blankForm(astro.url.searchParams), runtime);
  astro.response.status = outcome.status;
  for (const [name, value] of Object.entries(outcome.headers)) astro.response.headers.set(name, value);
  const errorList = Object.entries(outcome.errors).map(([field, message]) => ({ field: ERROR_ANCHORS[field] ?? field, message: message as string }));
  if (outcome.notice) errorList.unshift({ field: 'title', message: outcome.notice });
  const { types } = runtime.rules.settings.messages;
  const task = outcome.values.task ? directory.taskByCode.get(outcome.values.task) : undefined;
  return {
    outcome,
    received: outcome.receipt,
    errorList,
    types,
    receiptType: outcome.receipt ? types.find((t) => t.id === outcome.values.type) : undefined,
    units: directory.units.map((u) => ({ id: u.id, name: u.name })),
    taskTitle: task ? `${task.code} ${task.title}` : null,
    clockStartsAt: CLOCK_START_LABELS[runtime.rules.deadlines.clockStartsAt],
    question: newQuestion(runtime.secret),
    idempotencyKey: newIdempotencyKey(),
    resendTo: resendTargets(runtime, outcome),
    exampleTask: directory.tasks[0]?.code ?? null,
  };
}

/** Where a lost code of the message just submitted could be re-sent: the e-mail given (if mail is set up), the mobile given (if texts are). */
function resendTargets(runtime: Runtime, outcome: SubmitOutcome): { email: boolean; sms: boolean } {
  const channels = resendChannels(runtime.config);
  const phone = outcome.receipt ? parsePhoneValue(outcome.values.phone) : null;
  return { email: channels.email && !!outcome.values.email, sms: channels.sms && phone !== null && canReceiveTexts(phone) };
}

function parsePhoneValue(typed: string | undefined): string | null {
  const parsed = parsePhone(typed ?? '');
  return parsed.ok ? parsed.value : null;
}

/** The empty form with the unit a chosen type goes to when none is named (?type=site-error → the site's own office). */
function prefilled(outcome: SubmitOutcome, runtime: Runtime): SubmitOutcome {
  if (outcome.values.unit) return outcome;
  const unit = runtime.rules.settings.messages.types.find((t) => t.id === outcome.values.type)?.unit;
  return unit ? { ...outcome, values: { ...outcome.values, unit } } : outcome;
}
