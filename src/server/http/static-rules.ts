/**
 * The rules for serving the built site's files (dist/client), as pure functions: which files are sent
 * compressed and as what type, which encoding a client gets, how long a file may be cached, and which
 * file an address names. `scripts/precompress.ts` writes the Brotli and gzip copies at build by the same
 * table, and `static-files.ts` serves them; decision 020 says why.
 *
 * Caching: a file whose name carries a hash of its content never changes under that name, so it is
 * `immutable` for a year (Astro's `/_astro/`, Pagefind's index, filter and fragment chunks and the
 * `pagefind.<hash>.pf_meta` of each part of the search index); everything else (pages, feeds, open data,
 * Pagefind's loader and its wasm, the list of the index's parts, the CMS bundle, whose chunk names are
 * numbers, not hashes) is `no-cache`: kept, but checked with the server (ETag / Last-Modified → 304)
 * before each use, so a rebuild shows at once.
 */

/** Content types of the files worth compressing, by extension: text, and wasm. Charset given for every text type. */
export const COMPRESSIBLE_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  webmanifest: 'application/manifest+json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  yml: 'text/yaml; charset=utf-8',
  yaml: 'text/yaml; charset=utf-8',
  wasm: 'application/wasm',
};

/** Files smaller than this are sent as they are: a compressed copy would save less than a packet. */
export const MIN_COMPRESS_BYTES = 1024;

/** The encodings written beside a file at build, with the suffix of each copy, best first. */
export const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
export type Encoding = (typeof ENCODINGS)[number]['name'];

const extensionOf = (path: string): string => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

/** The content type the file is sent with, whatever its encoding; undefined leaves it to `send` (images, PDFs, Pagefind's own chunks). */
export function contentTypeOf(path: string): string | undefined {
  return COMPRESSIBLE_TYPES[extensionOf(path)];
}

/** Whether the build writes compressed copies of this file (Pagefind's chunks are gzip already and have types of their own). */
export function isCompressible(path: string, size: number): boolean {
  return size >= MIN_COMPRESS_BYTES && contentTypeOf(path) !== undefined;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
/** Pagefind's bundle, or another part of the search index (src/lib/search/index-parts.ts). */
const SEARCH_BUNDLE = String.raw`^\/pagefind\/(?:parts\/\d+\/)?`;
const HASHED = [
  /^\/_astro\//,
  new RegExp(String.raw`${SEARCH_BUNDLE}(fragment|index|filter)\/[^/]+\.pf_(fragment|index|filter)$`),
  new RegExp(String.raw`${SEARCH_BUNDLE}pagefind\.[^/]+\.pf_meta$`),
];

/** Whether a path of the built site names a file by a hash of its content (it never changes, only goes away). */
export function isHashedAsset(path: string): boolean {
  return HASHED.some((pattern) => pattern.test(path));
}

/**
 * Brotli's quality for the copy the build writes (scripts/precompress.ts). Hashed assets, which every
 * visitor loads and keeps for a year, get the best, 11 (9 above 256 KB, where 11 costs ten times the time
 * for a few per cent). Pages, feeds and data, which are many and all written again by every day's
 * rebuild, get 5: on a task page about 10 % more bytes than 11 (still 15 % under gzip's best) at a
 * fortieth of the time, which at 10,000 tasks is minutes of each rebuild.
 */
export function brotliQuality(path: string, size: number): number {
  if (!isHashedAsset(path)) return 5;
  return size > 256 * 1024 ? 9 : 11;
}

/** Cache-Control for a file of the built site, by its path from the site's root. */
export function cacheControlFor(path: string): string {
  return isHashedAsset(path) ? IMMUTABLE : REVALIDATE;
}

interface Weighted {
  coding: string;
  q: number;
}

function parseAcceptEncoding(header: string): Weighted[] {
  return header
    .split(',')
    .map((part) => {
      const [coding = '', ...params] = part.split(';').map((s) => s.trim());
      const q = params.find((p) => /^q=/i.test(p));
      const value = q ? Number(q.slice(2)) : 1;
      return { coding: coding.toLowerCase(), q: Number.isFinite(value) ? value : 0 };
    })
    .filter((w) => w.coding);
}

/**
 * The encoding to send, from the client's Accept-Encoding (RFC 9110 §12.5.3) and the copies on disk:
 * the acceptable one the client weights highest, Brotli before gzip on a tie; `identity` when the
 * client accepts neither (no header means any coding is acceptable, but we send the file as it is, as
 * browsers always send the header and other clients may not decode).
 */
export function chooseEncoding(acceptEncoding: string | undefined, available: readonly Encoding[]): Encoding | 'identity' {
  if (!acceptEncoding || available.length === 0) return 'identity';
  const weights = parseAcceptEncoding(acceptEncoding);
  const star = weights.find((w) => w.coding === '*');
  const weightOf = (coding: string) => {
    const named = weights.find((w) => w.coding === coding || (coding === 'gzip' && w.coding === 'x-gzip'));
    return named ? named.q : star ? star.q : 0;
  };
  let best: Encoding | 'identity' = 'identity';
  let bestQ = 0;
  for (const { name } of ENCODINGS) {
    if (!available.includes(name)) continue;
    const q = weightOf(name);
    if (q > bestQ) {
      best = name;
      bestQ = q;
    }
  }
  return best;
}

/**
 * The file an address names, among the site's files (paths from the root, `/` first): the file itself,
 * or the folder's `index.html` with or without the trailing slash (as Astro's `trailingSlash: 'ignore'`).
 * Undefined when there is none: the request goes on to the on-demand routes and the 404 page.
 */
export function fileForPath(pathname: string, has: (path: string) => boolean): string | undefined {
  if (!pathname.startsWith('/') || pathname.includes('\0') || pathname.split('/').some((part) => part === '..' || part.startsWith('.'))) return undefined;
  if (!pathname.endsWith('/') && has(pathname)) return pathname;
  const index = `${pathname.replace(/\/$/, '')}/index.html`;
  return has(index) ? index : undefined;
}
