/**
 * GeoReport v2 service requests: GET lists them (with the standard filters), POST creates one with
 * the same validation, proof of work, idempotency and rate limits as the form.
 */
import type { APIRoute } from 'astro';
import { clientAddress, getRuntime, messageChoices, viewContext } from '../../../data/messages';
import { errorsOf, fieldsFromOpen311 } from '../../../lib/messages/open311';
import { BodyError, readFields } from '../../../server/http/body';
import { submitMessage } from '../../../server/messages/commands/submit';
import { formatOf, unknownFormat, open311Errors, open311Response } from '../../../server/open311/respond';
import { listRequests, readRequestQuery } from '../../../server/open311/requests';

export const prerender = false;

export const GET: APIRoute = async ({ params, url, site }) => {
  const format = formatOf(params.format);
  if (!format) return unknownFormat();
  const parsed = readRequestQuery(url.searchParams);
  if ('errors' in parsed) return open311Errors(format, 400, parsed.errors);
  const runtime = await getRuntime();
  const requests = await listRequests(runtime, await viewContext(runtime), parsed.query, (site ?? url).origin);
  return open311Response(format, 'requests', requests, { headers: { 'Cache-Control': 'public, max-age=60' } });
};

export const POST: APIRoute = async (context) => {
  const { params, request, site, url } = context;
  const format = formatOf(params.format);
  if (!format) return unknownFormat();
  const runtime = await getRuntime();
  let body: Record<string, unknown>;
  try {
    body = await readFields(request);
  } catch (error) {
    if (error instanceof BodyError) return open311Errors(format, error.status, [error.message]);
    throw error;
  }
  const viaQuestion = !body.altcha && !body['attribute[altcha]'] && !!body.question_token;
  const result = await submitMessage(runtime, {
    fields: fieldsFromOpen311(body),
    choices: await messageChoices(runtime),
    channel: 'open311',
    client: clientAddress(context, runtime),
    idempotencyKey: request.headers.get('idempotency-key') ?? body.idempotency_key,
    proof: viaQuestion
      ? { kind: 'question', token: body.question_token, answer: body.answer }
      : { kind: 'pow', payload: body.altcha ?? body['attribute[altcha]'] },
  });
  if (result.kind === 'invalid') {
    const { check, idempotency, ...fields } = result.errors;
    const descriptions = errorsOf(fields).map((e) => e.description);
    if (check) descriptions.push(`altcha：${check}（先 GET /messages/challenge 取得挑战并求解）`);
    if (idempotency) descriptions.push(`Idempotency-Key：${idempotency}`);
    return open311Errors(format, 400, descriptions);
  }
  if (result.kind === 'refused')
    return open311Errors(format, result.status, [result.message], result.retryAfterSeconds ? { 'Retry-After': String(result.retryAfterSeconds) } : {});
  const origin = (site ?? url).origin;
  return open311Response(
    format,
    'requests',
    [
      {
        service_request_id: result.number,
        service_notice:
          result.queryCode === null
            ? `这条留言已经申请重新发送过查询码，原查询码已失效；请使用新的查询码在 ${origin}/messages/track 查询办理进度。`
            : `请保存留言编号和查询码，凭它们在 ${origin}/messages/track 查询办理进度；查询码遗失可在 ${origin}/messages/resend-code 申请重新发送。`,
        account_id: null,
        query_code: result.queryCode,
      },
    ],
    { status: result.kind === 'created' ? 201 : 200, headers: { 'Cache-Control': 'no-store' } },
  );
};
