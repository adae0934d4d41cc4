/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) for the message queue: our message
 * types are its services, our messages its service requests. Our states map onto its two
 * statuses (open / closed) with the finer state in status_notes; the handling unit is
 * agency_responsible and the due day (end of day, China time) is expected_datetime.
 *
 * What the public interface shows follows the reply board's rule (docs/decisions/007): a request is
 * listed once accepted, with its status, unit and the days it was submitted, last changed and is due;
 * its text, its times to the second and the reasons for an extension only once the citizen consented
 * and staff published the answer — and then masked, like everywhere else. Types the settings mark
 * `hiddenUntilPublished` (举报) are not listed before that at all (see requests.ts).
 */
import type { MessageRecord } from './types.ts';
import type { PublicMessage } from './public-view.ts';
import type { FieldErrors, SubmissionField } from './submission.ts';
import { URGENCY_LABELS } from './vocabulary.ts';
import { chinaDate, chinaDateTime } from '../calendar/dates.ts';

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

export function servicesOf(types: readonly { id: string; label: string; hint: string; limitWorkingDays: number }[]): Open311Service[] {
  return types.map((t) => ({
    service_code: t.id,
    service_name: t.label,
    description: `${t.hint ? `${t.hint}；` : ''}交办后 ${t.limitWorkingDays} 个工作日内答复`,
    metadata: true,
    type: 'realtime',
    keywords: t.label,
    group: '网民留言',
  }));
}

/** Our extra fields, as Open311 service attributes (the service definition). */
export function serviceDefinition(serviceCode: string, units: readonly { id: string; name: string }[]) {
  return {
    service_code: serviceCode,
    attributes: [
      { variable: true, code: 'title', datatype: 'string', required: true, datatype_description: '标题，4 到 50 个字', order: 1, description: '标题' },
      {
        variable: true,
        code: 'unit',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: '留言对象单位；不填由督查室分办',
        order: 2,
        description: '留言对象',
        values: units.map((u) => ({ key: u.id, name: u.name })),
      },
      { variable: true, code: 'task', datatype: 'string', required: false, datatype_description: '公示栏任务编号', order: 3, description: '相关任务' },
      {
        variable: true,
        code: 'consent',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: '同意办结后公开（姓名只显示姓氏，联系方式不公开）',
        order: 4,
        description: '同意公开',
        values: [
          { key: 'yes', name: '同意' },
          { key: 'no', name: '不同意' },
        ],
      },
    ],
  };
}

/** Where each of our fields comes from in an Open311 POST, so errors name the parameter the client sent. */
export const OPEN311_FIELD: Readonly<Record<SubmissionField, string>> = {
  type: 'service_code',
  unit: 'attribute[unit]',
  task: 'attribute[task]',
  title: 'attribute[title]',
  content: 'description',
  name: 'first_name',
  phone: 'phone',
  email: 'email',
  consent: 'attribute[consent]',
};

const CONSENT_WORDS: Readonly<Record<string, boolean>> = { yes: true, true: true, no: false, false: false, '': false };

/** An Open311 POST's parameters as our submission's fields. first_name and last_name are joined as a Chinese name is written. */
export function fieldsFromOpen311(params: Record<string, unknown>): Record<string, unknown> {
  const attribute = (name: string) =>
    params[`attribute[${name}]`] ??
    (typeof params.attribute === 'object' && params.attribute !== null ? (params.attribute as Record<string, unknown>)[name] : undefined);
  const first = params.first_name;
  const last = params.last_name;
  const name =
    typeof first === 'string' || typeof last === 'string' ? `${typeof last === 'string' ? last : ''}${typeof first === 'string' ? first : ''}` : first;
  const consent = attribute('consent');
  return {
    type: params.service_code,
    unit: attribute('unit'),
    task: attribute('task'),
    title: attribute('title'),
    content: params.description,
    name,
    phone: params.phone,
    email: params.email,
    // Anything else is passed on as it came, so validation names attribute[consent] as wrong.
    consent:
      consent === undefined || typeof consent === 'boolean'
        ? consent === true
        : typeof consent === 'string' && consent in CONSENT_WORDS
          ? CONSENT_WORDS[consent]
          : consent,
  };
}

export interface Open311Error {
  code: number;
  description: string;
}

export function errorsOf(errors: FieldErrors & Record<string, string | undefined>): Open311Error[] {
  return Object.entries(errors)
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .map(([field, message]) => ({ code: 400, description: `${OPEN311_FIELD[field as SubmissionField] ?? field}：${message}` }));
}

/** An instant as W3C date-time in China Standard Time: 2026-11-23T09:30:00+08:00. */
export function w3cChinaDateTime(instant: string): string {
  return `${chinaDateTime(instant)}+08:00`;
}

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: null;
  media_url: string | null;
}

/**
 * A message as Open311 may describe it before it is published: its state, times and deadline, with
 * every text taken out before the public view is built, so no words can reach the answer by any path
 * (and no masking has to run for the thousand requests of a list).
 */
export function withoutText(record: MessageRecord): MessageRecord {
  return {
    ...record,
    title: '',
    content: '',
    reply: null,
    authorName: null,
    redacted: null,
    events: record.events.map((event) => ({ ...event, note: null, internalNote: null, reply: null })),
  };
}

export function requestOf(message: PublicMessage, published: boolean, siteUrl: string): Open311Request {
  const closed = message.state === 'closed' || message.state === 'rejected';
  const notes = [message.stateLabel];
  if (message.urgency) notes.push(URGENCY_LABELS[message.urgency]);
  if (message.urges > 0) notes.push(`已督办 ×${message.urges}`);
  const extension = message.extensions.at(-1);
  if (extension) notes.push(`已延期至 ${extension.newDue}${published && extension.reason ? `（${extension.reason}）` : ''}`);
  if (message.deadline.kind === 'beyond_calendar')
    notes.push(`${message.deadline.missingYear} 年节假日安排未录入，期限待定（暂按周末推算约为 ${message.deadline.provisionalDue}）`);
  if (published && message.reply) notes.push(`答复：${message.reply}`);
  const due = message.deadline.kind === 'set' ? message.deadline.due : null;
  return {
    service_request_id: message.number,
    status: closed ? 'closed' : 'open',
    status_notes: notes.join('；'),
    service_name: message.typeLabel,
    service_code: message.type,
    description: published ? `${message.title}\n${message.content}` : null,
    agency_responsible: message.unitName,
    service_notice: published ? `${siteUrl}/messages/${message.number}/` : null,
    // An unpublished message's times go to the day only (a W3C date): the second it was sent can tell who sent it.
    requested_datetime: (published ? w3cChinaDateTime : chinaDate)(message.submittedAt),
    updated_datetime: (published ? w3cChinaDateTime : chinaDate)(message.timeline.at(-1)?.at ?? message.submittedAt),
    expected_datetime: due ? `${due}T23:59:59+08:00` : null,
    address: null,
    media_url: null,
  };
}
