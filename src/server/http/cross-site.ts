/**
 * Which cross-site requests are refused (a page elsewhere posting to ours, from its visitors'
 * browsers). Reads are open to everyone. A browser names the posting page in `Origin`; it sends
 * `Origin: null` from sandboxed frames, data: and file: pages, which is how a forging page hides.
 *
 * - Form posts from another site are refused; `null` is refused too, except for a tracking look-up,
 *   which changes nothing and needs the secret query code anyway.
 * - Open311 service requests come from API clients (servers), which send no `Origin`; a browser
 *   posting one from any page (even `null`) is refused, so no site can make its visitors submit
 *   messages, proof of work solved on their machines and sent from their addresses.
 *
 * What is "our site": the public origin the site is configured with (DUBAN_SITE_URL), scheme, name
 * and port, whoever stands in between. A reverse proxy may rewrite `Host` (nginx's `$host` drops the
 * port; an upstream name or 127.0.0.1 is common), so behind a trusted proxy `Host` says nothing about
 * the page the browser was on and only the public origin counts. A request straight from the browser
 * (its peer is not a trusted proxy) may also match its own `Host`: that is the address the browser
 * was sent to, which another site's page cannot choose, and it keeps a server reached at another
 * name than the configured one (a laptop's `localhost` against `127.0.0.1`, a test port) usable.
 * Hosts are compared there, not schemes, since a TLS-terminating proxy we do not know of makes https
 * look like http.
 */

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Posts that only read: `Origin: null` is let through here (privacy settings send it on some plain navigations). */
const READ_ONLY_POSTS = new Set(['/messages/track']);

function parsed(origin: string): URL | null {
  try {
    return new URL(origin);
  } catch {
    return null;
  }
}

/** What the request is compared with. */
export interface OurSite {
  /** The configured public address (DUBAN_SITE_URL); only its origin is used. */
  publicOrigin: string;
  /** The `Host` the request carries. */
  host: string;
  /** Whether the request came straight from the client (its peer is not a trusted proxy), so that `Host` is the browser's. */
  direct: boolean;
}

/** A refusal in words, or null when the request may go on. */
export function crossSiteRefusal(method: string, pathname: string, origin: string | null, site: OurSite): string | null {
  if (SAFE.has(method) || origin === null) return null;
  const path = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
  if (path.startsWith('/open311/')) return '网页中的跨站提交已被拒绝：Open311 接口只接受服务器之间的调用。';
  if (origin === 'null') return READ_ONLY_POSTS.has(path) ? null : '来源不明的提交已被拒绝：请在本站页面上提交表单。';
  const from = parsed(origin);
  if (from && from.origin === parsed(site.publicOrigin)?.origin) return null;
  if (from && site.direct && from.host === site.host.toLowerCase()) return null;
  return '跨站提交已被拒绝：请在本站页面上提交表单。';
}
