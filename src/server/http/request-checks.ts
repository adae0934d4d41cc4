/**
 * The checks every request to an on-demand route passes before its page runs, in one call for
 * src/middleware.ts: the per-client limit on reads (read-limit.ts) and the refusal of cross-site
 * posts (cross-site.ts), both knowing the client the same way (client-address.ts).
 *
 * Astro's `clientAddress` is the socket's peer here because the site sets no
 * `security.allowedDomains`; with it set, Astro would put the leftmost X-Forwarded-For hop there,
 * which the client writes (test/e2e/proxy.spec.ts would then fail).
 */
import { clientAddressOf, viaTrustedProxy, type RequestOrigin } from './client-address.ts';
import { crossSiteRefusal } from './cross-site.ts';
import { readLimitRefusal, TokenBuckets } from './read-limit.ts';
import type { ServerConfig } from '../config.ts';

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8' };

/**
 * The read buckets of this process (one per server, like the other rate limits), kept on globalThis so a
 * rebuilt site's server code (src/server/site-builds/) counts on with them rather than starting afresh.
 */
const READS = Symbol.for('duban.read-buckets');
const holder = globalThis as { [READS]?: TokenBuckets };
const reads = (holder[READS] ??= new TokenBuckets());

export interface CheckedRequest extends RequestOrigin {
  readonly request: Request;
  readonly url: URL;
}

/** A response refusing the request (429 or 403), or null when its page may run. */
export function refusalBeforePage(
  context: CheckedRequest,
  config: Pick<ServerConfig, 'trustedProxies' | 'rateLimits' | 'siteUrl'>,
  siteName: string,
): Response | null {
  const { request, url } = context;
  const { trustedProxies } = config;
  const client = clientAddressOf(context, trustedProxies);
  const limited = readLimitRefusal(reads, config.rateLimits.reads, { method: request.method, pathname: url.pathname, client, siteName });
  if (limited) return limited;
  const refusal = crossSiteRefusal(request.method, url.pathname, request.headers.get('origin'), {
    publicOrigin: config.siteUrl,
    host: request.headers.get('host') ?? url.host,
    direct: !viaTrustedProxy(context, trustedProxies),
  });
  return refusal ? new Response(refusal, { status: 403, headers: TEXT }) : null;
}
