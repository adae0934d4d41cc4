/**
 * The build's search step (scripts/build-steps.ts): Pagefind over the content pages of a build's client/
 * folder, in parts (src/lib/search/index-parts.ts) of at most DUBAN_SEARCH_PART_PAGES pages (4,000 unless
 * set). Each part is one run of Pagefind's own command over a scratch folder beside client/ holding hard
 * links to the part's pages at their paths in the site, so the step's memory follows the size of a part
 * (and how many run at once), not of the district. The parts' list is written last.
 *
 *   node scripts/search-index.ts --site dist/client
 *
 * Only content pages are indexed (they mark their body with data-pagefind-body); listing them here spares
 * Pagefind from reading every list page. A new kind of content page must be added to CONTENT_PAGES.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { linkSync, mkdirSync } from 'node:fs';
import { glob, mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleOfPart, DEFAULT_PAGES_PER_PART, PARTS_FILE, partsFile, splitIntoParts } from '../src/lib/search/index-parts.ts';

const CONTENT_PAGES = '{tasks,units,exposures,bulletins,supervision}/*/index.html';
/**
 * Parts indexed at once. Pagefind keeps mostly to one core, so two at once on two cores take about the time
 * of one index of the whole site, at about twice one part's memory (1.4 GiB at 10,000 tasks).
 */
const PARALLEL_PARTS = Math.min(2, availableParallelism());
const PAGEFIND = join(import.meta.dirname, '..', 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');

function fail(message: string): never {
  console.error(`搜索索引：${message}`);
  process.exit(1);
}

const { values } = parseArgs({ options: { site: { type: 'string' } } });
if (!values.site) fail('请用 --site 指明构建的 client 文件夹');
const site = resolve(values.site);
const setting = process.env.DUBAN_SEARCH_PART_PAGES?.normalize('NFKC').trim();
const pagesPerPart = setting ? Number(setting) : DEFAULT_PAGES_PER_PART;
if (!Number.isInteger(pagesPerPart) || pagesPerPart < 1) fail(`DUBAN_SEARCH_PART_PAGES 应为正整数（每卷页数），现为「${setting}」`);

/** Indexes one part's pages into its bundle. */
async function writePart(pages: string[], part: number): Promise<void> {
  const bundle = bundleOfPart(part);
  // Beside client/, on the same disk (hard links cannot cross disks), and never served.
  const scratch = join(dirname(site), `.search-part-${part}`);
  await rm(scratch, { recursive: true, force: true });
  mkdirSync(scratch);
  // Synchronous calls: twenty thousand of them take a fraction of a second, awaited one by one seconds.
  for (const page of pages) {
    mkdirSync(dirname(join(scratch, page)), { recursive: true });
    linkSync(join(site, page), join(scratch, page));
  }
  const pagefind = spawn(process.execPath, [PAGEFIND, '--site', scratch, '--output-path', join(site, bundle)], {
    cwd: scratch, // not a pagefind.yml of whatever folder the build was started in
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const [status, signal] = (await once(pagefind, 'exit')) as [number | null, string | null];
  await rm(scratch, { recursive: true, force: true });
  if (status !== 0) fail(`Pagefind ${signal ? `被信号 ${signal} 中止` : `退出码 ${status}`}（${bundle}）`);
}

const pages = (await Array.fromAsync(glob(CONTENT_PAGES, { cwd: site }))).sort();
const parts = splitIntoParts(pages, pagesPerPart);
await rm(join(site, bundleOfPart(1)), { recursive: true, force: true });
// Each worker takes the next part not yet taken.
const waiting = parts.entries();
const worker = async () => {
  for (const [i, part] of waiting) await writePart(part, i + 1);
};
await Promise.all(Array.from({ length: Math.min(PARALLEL_PARTS, parts.length) }, worker));
await mkdir(join(site, bundleOfPart(1)), { recursive: true });
await writeFile(join(site, PARTS_FILE), `${JSON.stringify(partsFile(parts.length))}\n`);
console.log(`搜索索引：${pages.length} 个内容页，${parts.length} 卷（每卷至多 ${pagesPerPart} 页）`);
