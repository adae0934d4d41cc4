/** GeoReport v2 service list: our message types. */
import type { APIRoute } from 'astro';
import { getRuntime } from '../../../data/messages';
import { servicesOf } from '../../../lib/messages/open311';
import { formatOf, unknownFormat, open311Response } from '../../../server/open311/respond';

export const prerender = false;

export const GET: APIRoute = async ({ params }) => {
  const format = formatOf(params.format);
  if (!format) return unknownFormat();
  const runtime = await getRuntime();
  return open311Response(format, 'services', servicesOf(runtime.rules.settings.messages.types));
};
