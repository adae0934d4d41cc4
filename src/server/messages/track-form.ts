/**
 * The tracking and rating forms as one flow: read the posted fields, look the message up (or rate
 * it), and say what the page should show and with which status. The pages /messages/track (look-up,
 * a read) and /messages/rate (a change) only render this outcome; they are two addresses so the
 * cross-site rule can tell a read from a change (src/server/http/cross-site.ts).
 */
import type { MessageRecord } from '../../lib/messages/types.ts';
import { BodyError, readFields, textField as text } from '../http/body.ts';
import type { Runtime } from '../runtime.ts';
import { rateMessage, trackMessage } from './commands/track.ts';

export interface TrackOutcome {
  status: number;
  headers: Record<string, string>;
  /** What was typed, shown again in the look-up form. */
  number: string;
  code: string;
  record: MessageRecord | null;
  rated: boolean;
  /** For the error summary: the id of the field each problem links to. */
  errors: { field: string; message: string }[];
  fieldErrors: { number?: string; code?: string; rating?: string };
}

export const NO_LOOKUP: TrackOutcome = { status: 200, headers: {}, number: '', code: '', record: null, rated: false, errors: [], fieldErrors: {} };

export async function trackForm(runtime: Runtime, request: Request, client: string, action: 'track' | 'rate'): Promise<TrackOutcome> {
  let fields: Record<string, unknown>;
  try {
    fields = await readFields(request);
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    return { ...NO_LOOKUP, status: error.status, errors: [{ field: 'number', message: error.message }] };
  }
  const typed = { ...NO_LOOKUP, number: text(fields.number), code: text(fields.code) };
  const result =
    action === 'rate'
      ? await rateMessage(runtime, client, { number: fields.number, code: fields.code, rating: fields.rating, comment: fields.comment })
      : await trackMessage(runtime, client, fields.number, fields.code);
  switch (result.kind) {
    case 'found':
      return { ...typed, record: result.record, rated: action === 'rate' };
    case 'rate_error':
      return {
        ...typed,
        status: 400,
        record: result.record,
        fieldErrors: { rating: result.message },
        errors: [{ field: 'rating-first', message: result.message }],
      };
    case 'invalid':
      return { ...typed, status: 400, fieldErrors: result.errors, errors: Object.entries(result.errors).map(([field, message]) => ({ field, message })) };
    case 'limited':
      return {
        ...typed,
        status: 429,
        headers: { 'Retry-After': String(result.retryAfterSeconds) },
        errors: [{ field: 'number', message: `查询失败的次数过多，请 ${Math.ceil(result.retryAfterSeconds / 60)} 分钟后再试。` }],
      };
    case 'not_found':
      return { ...typed, status: 404, errors: [{ field: 'number', message: '留言编号或查询码不正确，请核对后重新输入。' }] };
  }
}
