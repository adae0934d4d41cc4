/**
 * Reading request bodies with a hard size limit, before any parsing: a declared length over the
 * limit is refused at once, and a body sent without one is cut off as soon as it exceeds it. A body
 * that stops arriving (the front door closed a slow client, or the client went away) is a 408, not
 * a server error.
 */
export class BodyError extends Error {
  readonly status: 400 | 408 | 413 | 415;

  constructor(status: 400 | 408 | 413 | 415, message: string) {
    super(message);
    this.status = status;
  }
}

export const MAX_BODY_BYTES = 64 * 1024;

export async function readBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null && (!/^\d+$/.test(declared) || Number(declared) > maxBytes))
    throw new BodyError(413, `提交的内容过大（上限 ${Math.round(maxBytes / 1024)} KB）`);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw new BodyError(408, '提交的内容没有完整送达，请重新提交');
    }
    const { done, value } = chunk;
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new BodyError(413, `提交的内容过大（上限 ${Math.round(maxBytes / 1024)} KB）`);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new BodyError(400, '提交的内容不是有效的 UTF-8 文字');
  }
}

/** A POST body read once by the middleware and handed to the page (console routes): its fields, or why it could not be read. */
export type PostedForm = { ok: true; fields: Record<string, unknown> } | { ok: false; error: BodyError };

export async function readPostedForm(request: Request): Promise<PostedForm> {
  try {
    return { ok: true, fields: await readFields(request) };
  } catch (error) {
    if (error instanceof BodyError) return { ok: false, error };
    throw error;
  }
}

/** The fields of a form the middleware has read; throws its BodyError (to be shown in the form's error summary) when it could not be read. */
export function postedFields(posted: PostedForm | undefined): Record<string, unknown> {
  if (!posted) return {};
  if (!posted.ok) throw posted.error;
  return posted.fields;
}

/** A posted field as text, to show again in a form: a string as it came, anything else (missing, a list, JSON) as empty. */
export function textField(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Form fields (application/x-www-form-urlencoded) or a JSON object, as a plain record. A repeated form field keeps its last value, except one named with [] (checkboxes: `hide[]`), which keeps them all as a list. */
export async function readFields(request: Request, maxBytes = MAX_BODY_BYTES): Promise<Record<string, unknown>> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded' && type !== 'application/json' && type !== '')
    throw new BodyError(415, '只接受 application/x-www-form-urlencoded 或 application/json 格式的提交');
  const text = await readBody(request, maxBytes);
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new BodyError(400, '提交的 JSON 格式有误');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new BodyError(400, '提交的 JSON 应为一个对象');
    return parsed as Record<string, unknown>;
  }
  const params = new URLSearchParams(text);
  const fields: Record<string, unknown> = Object.fromEntries(params);
  for (const key of new Set(params.keys())) if (key.endsWith('[]')) fields[key] = params.getAll(key);
  return fields;
}
