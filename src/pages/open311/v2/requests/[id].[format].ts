/** GeoReport v2: one service request by its id (our tracking number). */
import type { APIRoute } from 'astro';
import { getRuntime, viewContext } from '../../../../data/messages';
import { normaliseTrackingNumber } from '../../../../lib/messages/tracking';
import { formatOf, unknownFormat, open311Errors, open311Response } from '../../../../server/open311/respond';
import { listRequests } from '../../../../server/open311/requests';

export const prerender = false;

export const GET: APIRoute = async ({ params, site, url }) => {
  const format = formatOf(params.format);
  if (!format) return unknownFormat();
  const number = normaliseTrackingNumber(params.id ?? '');
  const runtime = await getRuntime();
  const found = number
    ? await listRequests(runtime, await viewContext(runtime), { ids: [number], serviceCode: null, status: null, start: null, end: null }, (site ?? url).origin)
    : [];
  if (found.length === 0) return open311Errors(format, 404, [`service_request_id：没有公开的留言 ${params.id}（留言受理后才列出）`]);
  return open311Response(format, 'requests', found);
};
