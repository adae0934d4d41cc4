/** GeoReport v2 service definition: the extra attributes a request of this type takes. */
import type { APIRoute } from 'astro';
import { loadDirectory } from '../../../../data/directory';
import { getRuntime } from '../../../../data/messages';
import { serviceDefinition } from '../../../../lib/messages/open311';
import { formatOf, unknownFormat, open311Errors, open311Response } from '../../../../server/open311/respond';

export const prerender = false;

export const GET: APIRoute = async ({ params }) => {
  const format = formatOf(params.format);
  if (!format) return unknownFormat();
  const runtime = await getRuntime();
  if (!runtime.rules.settings.messages.types.some((t) => t.id === params.code))
    return open311Errors(format, 404, [`service_code：没有「${params.code}」这种留言类型`]);
  const directory = await loadDirectory();
  return open311Response(
    format,
    'definition',
    serviceDefinition(
      params.code!,
      directory.units.map((u) => ({ id: u.id, name: u.name })),
    ),
  );
};
