/**
 * The form for a new query code (/messages/resend-code) as one flow: read the posted fields, ask for the
 * code (commands/resend-code.ts), and say what the page should show with which status. Every request
 * that is well formed and within the limits gets the same answer (`answered`).
 */
import { BodyError, readFields, textField as text } from '../http/body.ts';
import type { Runtime } from '../runtime.ts';
import { resendChannels, resendQueryCode } from './commands/resend-code.ts';

export interface ResendOutcome {
  status: number;
  headers: Record<string, string>;
  /** What was typed, shown again in the form. */
  number: string;
  phone: string;
  /** The request was taken (the one answer, whatever the store holds). */
  answered: boolean;
  /** How this server can send a code at all; neither means the form is not offered. */
  channels: { email: boolean; sms: boolean };
  /** For the error summary: the id of the field each problem links to. */
  errors: { field: string; message: string }[];
  fieldErrors: { number?: string; phone?: string };
}

/** A wait in words: minutes up to an hour and a half, hours beyond. */
function waitWords(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 90 ? `${minutes} 分钟` : `${Math.ceil(minutes / 60)} 小时`;
}

/** The empty form. */
export function blankResend(runtime: Runtime): ResendOutcome {
  return { status: 200, headers: {}, number: '', phone: '', answered: false, channels: resendChannels(runtime.config), errors: [], fieldErrors: {} };
}

export async function resendForm(runtime: Runtime, request: Request, client: string): Promise<ResendOutcome> {
  const blank = blankResend(runtime);
  let fields: Record<string, unknown>;
  try {
    fields = await readFields(request);
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    return { ...blank, status: error.status, errors: [{ field: 'number', message: error.message }] };
  }
  const typed = { ...blank, number: text(fields.number), phone: text(fields.phone) };
  const result = await resendQueryCode(runtime, client, { number: fields.number, phone: fields.phone });
  switch (result.kind) {
    case 'answered':
      return { ...typed, answered: true };
    case 'unavailable':
      return { ...typed, status: 503 };
    case 'invalid':
      return {
        ...typed,
        status: 400,
        fieldErrors: result.errors,
        errors: Object.entries(result.errors).map(([field, message]) => ({ field, message })),
      };
    case 'limited':
      return {
        ...typed,
        status: 429,
        headers: { 'Retry-After': String(result.retryAfterSeconds) },
        errors: [{ field: 'number', message: `申请的次数过多，请 ${waitWords(result.retryAfterSeconds)}后再试。` }],
      };
  }
}
