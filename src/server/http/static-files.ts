/**
 * Serves the built site's files (dist/client) in front of the Astro handler, with `send` (Express's
 * static file sender: ETag and Last-Modified, 304 on If-None-Match and If-Modified-Since, HEAD, ranges).
 * What `send` does not do is chosen here by `static-rules.ts`: the Brotli or gzip copy written at build
 * (`scripts/precompress.ts`) for a client that accepts it, with `Vary: Accept-Encoding`, the file's own
 * content type whatever the encoding, and the cache rule. These responses never pass through on-the-fly
 * compression, so nothing is compressed twice.
 *
 * The folder is read once, at start: the list of files and their copies, and a strong ETag from each
 * file's content (so a daily rebuild that leaves a page unchanged still answers 304). A file added to the
 * folder later is left to the Astro handler, which serves files too. After a new build, scan again (a new
 * `createSiteServing`): an old table would describe the old files.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';
import send from 'send';
import { cacheControlFor, chooseEncoding, contentTypeOf, ENCODINGS, fileForPath, type Encoding } from './static-rules.ts';

interface SiteFile {
  /** Base64url of the SHA-256 of the file's content (the uncompressed one). */
  hash: string;
  /** The compressed copies beside it, no older than the file itself. */
  encodings: Encoding[];
}

export interface BuiltSite {
  dir: string;
  files: ReadonlyMap<string, SiteFile>;
  /** Files that have a compressed copy; 0 means the build skipped `scripts/precompress.ts`. */
  precompressed: number;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Reads the built site once: its files, their compressed copies and content hashes. */
export function scanBuiltSite(folder: string): BuiltSite {
  // The folder itself, not a link to it: if a link is switched to a new build, this table still describes what is sent.
  const dir = realpathSync(folder);
  const absolute = walk(dir);
  const present = new Set(absolute);
  const copyOf = (path: string) => ENCODINGS.find(({ suffix }) => path.endsWith(suffix) && present.has(path.slice(0, -suffix.length)));
  const files = new Map<string, SiteFile>();
  let precompressed = 0;
  for (const path of absolute) {
    if (copyOf(path)) continue;
    const content = readFileSync(path);
    const modified = statSync(path).mtimeMs;
    const encodings = ENCODINGS.filter(({ suffix }) => present.has(path + suffix) && statSync(path + suffix).mtimeMs >= modified).map(({ name }) => name);
    if (encodings.length) precompressed += 1;
    const name = `/${relative(dir, path).split(sep).join('/')}`;
    files.set(name, { hash: createHash('sha256').update(content).digest('base64url').slice(0, 32), encodings });
  }
  return { dir, files, precompressed };
}

function pathnameOf(url: string | undefined): string | undefined {
  const path = (url ?? '/').split('?')[0]!;
  try {
    return decodeURI(path);
  } catch {
    return undefined;
  }
}

/**
 * Sends the file the request names, if the built site has one; otherwise calls `next` (on-demand routes,
 * the 404 page). Only for GET and HEAD: the front door has answered every other method already.
 */
export function serveBuiltFile(site: BuiltSite, request: IncomingMessage, response: ServerResponse, next: () => void): void {
  const pathname = request.method === 'GET' || request.method === 'HEAD' ? pathnameOf(request.url) : undefined;
  const name = pathname === undefined ? undefined : fileForPath(pathname, (p) => site.files.has(p));
  if (!name) return next();
  const file = site.files.get(name)!;
  const encoding = chooseEncoding(request.headers['accept-encoding'], file.encodings);
  const suffix = ENCODINGS.find((e) => e.name === encoding)?.suffix ?? '';
  const type = contentTypeOf(name);
  if (type) response.setHeader('Content-Type', type);
  if (file.encodings.length) response.setHeader('Vary', 'Accept-Encoding');
  if (suffix) response.setHeader('Content-Encoding', encoding);
  response.setHeader('Cache-Control', cacheControlFor(name));
  response.setHeader('ETag', `"${file.hash}${suffix ? `-${encoding}` : ''}"`);
  const stream = send(request, name + suffix, {
    root: site.dir,
    index: false,
    dotfiles: 'deny',
    cacheControl: false,
    lastModified: true,
    acceptRanges: !suffix,
  });
  stream.on('error', (error: Error & { status?: number; headers?: Record<string, string> }) => {
    const status = error.status ?? 500;
    if (status === 404 && !response.headersSent) {
      // Removed since start: the Astro handler decides (it serves files too, and the 404 page).
      for (const header of ['Content-Type', 'Vary', 'Content-Encoding', 'Cache-Control', 'ETag']) response.removeHeader(header);
      return next();
    }
    if (response.headersSent) return void response.destroy();
    if (status >= 500) console.error(`发送文件 ${name} 出错：${error.message}`);
    for (const [header, value] of Object.entries(error.headers ?? {})) response.setHeader(header, value);
    response.removeHeader('Content-Encoding');
    response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(status === 412 ? '文件已更新，条件请求不成立。' : status === 416 ? '请求的范围超出文件长度。' : '读取文件出错。');
  });
  stream.pipe(response);
}
