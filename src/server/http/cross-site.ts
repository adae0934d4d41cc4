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
 */

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Posts that only read: `Origin: null` is let through here (privacy settings send it on some plain navigations). */
const READ_ONLY_POSTS = new Set(['/messages/track']);

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** A refusal in words, or null when the request may go on. `host` is the Host the request was sent to. */
export function crossSiteRefusal(method: string, pathname: string, origin: string | null, host: string): string | null {
  if (SAFE.has(method) || origin === null) return null;
  const path = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
  if (path.startsWith('/open311/')) return '网页中的跨站提交已被拒绝：Open311 接口只接受服务器之间的调用。';
  if (origin === 'null') return READ_ONLY_POSTS.has(path) ? null : '来源不明的提交已被拒绝：请在本站页面上提交表单。';
  // Compare hosts, not schemes: behind a TLS-terminating proxy the server sees http.
  return hostOf(origin) === host ? null : '跨站提交已被拒绝：请在本站页面上提交表单。';
}
