/**
 * The last step of `npm run build`: writes a Brotli (`.br`, quality by brotliQuality) and a gzip (`.gz`, level 9)
 * copy beside every text file of the built site (dist/client, or DUBAN_OUT_DIR/client) of at least
 * 1 KB, for the server to send by negotiation (src/server/http/static-files.ts). The rules are in
 * src/server/http/static-rules.ts: pages, styles, scripts, feeds, sitemaps, open data, the calendar,
 * the CMS bundle and Pagefind's loader; Pagefind's index chunks and wasm are gzip already and are left
 * alone. A copy that would not be smaller is not written (and an old one is removed). Files are
 * compressed a few at a time on zlib's worker threads; each copy is written whole under a temporary
 * name and then renamed. The server ignores a copy older than its file.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { brotliQuality, ENCODINGS, isCompressible, type Encoding } from '../src/server/http/static-rules.ts';

const root = resolve(import.meta.dirname, '..');
const site = resolve(root, process.env.DUBAN_OUT_DIR ?? 'dist', 'client');

const compressors: Record<Encoding, (input: Buffer, path: string) => Promise<Buffer>> = {
  br: (input, path) =>
    promisify(brotliCompress)(input, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: brotliQuality(`/${relative(site, path).split(sep).join('/')}`, input.length),
        [constants.BROTLI_PARAM_SIZE_HINT]: input.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }),
  gzip: (input) => promisify(gzip)(input, { level: 9 }),
};

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile() && !ENCODINGS.some(({ suffix }) => entry.name.endsWith(suffix))) out.push(path);
  }
  return out;
}

const started = performance.now();
let files: string[];
try {
  files = walk(site).filter((path) => isCompressible(path, statSync(path).size));
} catch (error) {
  console.error(`找不到构建好的网站 ${site}：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

let before = 0;
const after: Record<Encoding, number> = { br: 0, gzip: 0 };
const written: Record<Encoding, number> = { br: 0, gzip: 0 };
async function compressOne(path: string): Promise<void> {
  const input = readFileSync(path);
  before += input.length;
  for (const { name, suffix } of ENCODINGS) {
    const output = await compressors[name](input, path);
    if (output.length < input.length) {
      writeFileSync(`${path}${suffix}.tmp`, output);
      renameSync(`${path}${suffix}.tmp`, path + suffix);
      after[name] += output.length;
      written[name] += 1;
    } else {
      rmSync(path + suffix, { force: true });
      after[name] += input.length;
    }
  }
}

// zlib runs each call on libuv's thread pool (4 threads unless UV_THREADPOOL_SIZE says otherwise).
let next = 0;
const lanes = Math.max(2, Math.min(4, availableParallelism() * 2));
await Promise.all(
  Array.from({ length: lanes }, async () => {
    while (next < files.length) await compressOne(files[next++]!);
  }),
);

const kb = (n: number) => `${Math.round(n / 1024).toLocaleString('en')} KB`;
console.log(
  `预压缩：${files.length} 个文件 ${kb(before)} → Brotli ${kb(after.br)}（${written.br} 个副本），gzip ${kb(after.gzip)}（${written.gzip} 个副本），用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`,
);
