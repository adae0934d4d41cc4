/**
 * The security headers every response carries, static or on demand, in one place (decision 020). The
 * front door sets them before anything else answers (`site-serving.ts`); the only later word is the
 * stricter `Referrer-Policy: same-origin` of the pages about a person's own message (src/data/messages.ts).
 *
 * - Content-Security-Policy: scripts only from this site and the inline scripts written in the source
 *   (`<script is:inline>` in .astro files: the `js` mark and the 长辈模式 snippet in Base.astro, 朗读), by
 *   SHA-256, computed at build (src/integrations/source-script-hashes.ts) — never `'unsafe-inline'` for
 *   scripts, and never a hash of whatever a page happens to carry, so a script that reached a page through
 *   its content (an editor's Markdown, a citizen's message) does not run. `'wasm-unsafe-eval'`
 *   lets Pagefind compile its WebAssembly (it allows no JavaScript eval); `blob:` workers are the ALTCHA
 *   widget's proof of work. Styles allow `'unsafe-inline'`: progress bars and chart frames are sized with
 *   `style` attributes, and the ALTCHA widget adds a `<style>` element. Nothing may frame a page.
 * - The CMS at /admin/ (Decap) gets a looser policy: `'unsafe-eval'` (its config validator compiles
 *   schemas with `new Function`), and connections to the git host it edits through, read from the built
 *   /admin/config.yml. It may not be framed either.
 * - HSTS only when the site's public address is https (DUBAN_SITE_URL): a plain-HTTP site must not send it.
 */
import { createHash } from 'node:crypto';

/** The `'sha256-…'` source for a script's text. */
export const scriptHash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The text of each `<script is:inline>` in an .astro file that Astro copies into pages as it is: not one
 * with `src` (a file) or `define:vars` (its text depends on the page).
 */
export function sourceInlineScripts(astro: string): string[] {
  return [...astro.matchAll(/<script\b([^>]*?)(\/>|>([\s\S]*?)<\/script\s*>)/gi)]
    .filter((m) => /\sis:inline\b/.test(m[1]!) && !/\s(src|define:vars)\s*=/.test(m[1]!) && m[3] !== undefined)
    .map((m) => m[3]!);
}

/**
 * `'sha256-…'` sources for the inline scripts of an HTML document, in the order they appear, without repeats.
 * `read: 'latin1'` takes the document's bytes read as latin1 (a character a byte: a third of the time of
 * decoding UTF-8, for a build's thousands of pages); each script's text is then decoded as UTF-8 to be hashed.
 */
export function inlineScriptHashes(html: string, read: 'utf8' | 'latin1' = 'utf8'): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = match[1]!;
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && type !== 'module' && !type.includes('javascript')) continue; // data blocks (JSON-LD) are not run
    hashes.add(scriptHash(read === 'latin1' ? Buffer.from(match[2]!, 'latin1').toString('utf8') : match[2]!));
  }
  return [...hashes];
}

const COMMON = ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"];

/** The policy of the public pages, given the hashes of the inline scripts they may run. */
export function pagePolicy(scriptHashes: readonly string[]): string {
  return [
    ...COMMON.slice(0, 1),
    ["script-src 'self' 'wasm-unsafe-eval'", ...scriptHashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    ...COMMON.slice(1),
  ].join('; ');
}

/** The origins Decap talks to, from its configuration (the built /admin/config.yml): the git host's API, its OAuth endpoint, a local proxy. */
export function cmsOrigins(config: unknown): string[] {
  const origins = new Set<string>();
  const add = (url: unknown) => {
    if (typeof url !== 'string') return;
    try {
      const { origin, protocol } = new URL(url);
      if (protocol === 'https:' || protocol === 'http:') origins.add(origin);
    } catch {
      /* not a URL: nothing to allow */
    }
  };
  const { backend, local_backend: local } = (config ?? {}) as { backend?: Record<string, unknown>; local_backend?: unknown };
  const name = backend?.name;
  add(backend?.api_root ?? (name === 'github' ? 'https://api.github.com' : name === 'gitlab' ? 'https://gitlab.com' : undefined));
  add(backend?.base_url); // OAuth with PKCE (Gitea, GitLab) fetches its token there
  if (name === 'github' && !backend?.api_root) add('https://raw.githubusercontent.com');
  // Decap tries its local proxy only when the CMS is opened on localhost (`npm run cms`); its default address.
  if (local === true) add('http://localhost:8081');
  else if (local && typeof local === 'object') add((local as { url?: unknown }).url);
  return [...origins].sort();
}

/** The CMS page's policy: the public pages' inline scripts, Decap's bundle with eval, and its git host. */
export function adminPolicy(scriptHashes: readonly string[], origins: readonly string[]): string {
  return [
    ...COMMON.slice(0, 1),
    ["script-src 'self' 'unsafe-eval'", ...scriptHashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...origins].join(' '),
    "font-src 'self' data:",
    ["connect-src 'self'", ...origins].join(' '),
    "worker-src 'self' blob:",
    "frame-src 'self' blob:",
    "media-src 'self' blob:",
    ...COMMON.slice(1),
  ].join('; ');
}

/** Whether an address is the CMS (its page, its bundle and its configuration). */
export const isCmsPath = (pathname: string): boolean => pathname === '/admin' || pathname.startsWith('/admin/');

export interface SecuritySettings {
  /** The policy for the public site (`pagePolicy` with the built pages' inline-script hashes). */
  pagePolicy: string;
  /** The policy for /admin/. */
  adminPolicy: string;
  /** The site's public address (DUBAN_SITE_URL): https turns HSTS on. */
  siteUrl: string;
}

/**
 * Powerful features no page of the site uses; speech synthesis (朗读) needs no permission and stays available.
 * Only features Chromium knows: an unknown one is an error in the console of every page (test/e2e/csp.spec.ts).
 */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'browsing-topics',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/** A year; not `includeSubDomains`, since a government domain's other sites are not ours to commit. */
const HSTS = 'max-age=31536000';

/** The headers for a response to `pathname`, before the page or file answers. */
export function securityHeaders(pathname: string, settings: SecuritySettings): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': isCmsPath(pathname) ? settings.adminPolicy : settings.pagePolicy,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
  };
  if (/^https:\/\//i.test(settings.siteUrl)) headers['Strict-Transport-Security'] = HSTS;
  return headers;
}
