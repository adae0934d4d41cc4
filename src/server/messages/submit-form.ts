/**
 * The message form as one flow: read the posted fields, submit them (the same command Open311
 * uses), and say what the page should show with which status: the receipt, or the form again with
 * what was typed and an error beside each field.
 */
import type { SubmissionChoices } from '../../lib/messages/submission.ts';
import { BodyError, readFields, textField as text } from '../http/body.ts';
import type { Runtime } from '../runtime.ts';
import { submitMessage, type SubmitErrors, type SubmitResult } from './commands/submit.ts';

export const FORM_FIELDS = ['type', 'unit', 'task', 'title', 'content', 'name', 'phone', 'email', 'consent'] as const;

export interface SubmitOutcome {
  status: number;
  headers: Record<string, string>;
  /** What was typed, shown again in the form. */
  values: Record<string, string>;
  errors: SubmitErrors;
  /** A problem with the whole submission (too often, too large), shown first in the error summary. */
  notice: string | null;
  receipt: Extract<SubmitResult, { kind: 'created' | 'repeat' }> | null;
}

const CONSENT = new Set(['yes', 'on', 'true']);

/** The empty form, prefilled from the address (?type=, ?unit=, ?task=). */
export function blankForm(params: URLSearchParams): SubmitOutcome {
  return {
    status: 200,
    headers: {},
    values: { type: text(params.get('type')), unit: text(params.get('unit')), task: text(params.get('task')) },
    errors: {},
    notice: null,
    receipt: null,
  };
}

export async function submitForm(runtime: Runtime, request: Request, client: string, choices: SubmissionChoices): Promise<SubmitOutcome> {
  const empty = blankForm(new URLSearchParams());
  let fields: Record<string, unknown>;
  try {
    fields = await readFields(request);
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    return { ...empty, status: error.status, notice: error.message };
  }
  const values = Object.fromEntries(FORM_FIELDS.map((k) => [k, text(fields[k])]));
  const viaQuestion = !fields.altcha && !!fields.question_token;
  const result = await submitMessage(runtime, {
    fields: { ...fields, consent: CONSENT.has(text(fields.consent)) },
    choices,
    channel: viaQuestion ? 'form-noscript' : 'form',
    client,
    idempotencyKey: fields.idempotency_key,
    proof: viaQuestion ? { kind: 'question', token: fields.question_token, answer: fields.answer } : { kind: 'pow', payload: fields.altcha },
  });
  switch (result.kind) {
    case 'invalid':
      return { ...empty, status: 400, values, errors: result.errors };
    case 'refused':
      return {
        ...empty,
        status: result.status,
        values,
        notice: result.message,
        headers: result.retryAfterSeconds ? { 'Retry-After': String(result.retryAfterSeconds) } : {},
      };
    default:
      return { ...empty, status: result.kind === 'created' ? 201 : 200, values, receipt: result };
  }
}
