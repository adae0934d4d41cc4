/**
 * The build's search step (scripts/build-steps.ts): Pagefind over the content pages of a build's client/
 * folder, in parts (src/lib/search/index-parts.ts) of at most DUBAN_SEARCH_PART_PAGES pages (4,000 unless
 * set). Each part is one run of Pagefind's own command over a scratch folder beside client/ holding hard
 * links to the part's pages at their paths in the site, so the step's memory follows the size of a part
 * (and how many run at once), not of the district. The parts' list is written last; if a run fails, the
 * others are stopped and the step fails with no list, so the search reports its index missing.
 *
 *   node scripts/search-index.ts --site dist/client
 *
 * Content pages are those of CONTENT_SECTIONS that mark their body with data-pagefind-body (the sections'
 * list pages do not); listing them here spares Pagefind from reading every other page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, linkSync, mkdirSync, readFileSync } from 'node:fs';
import { glob, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleOfPart, CONTENT_SECTIONS, PARTS_FILE, partsFile, pagesPerPartSetting, splitIntoParts } from '../src/lib/search/index-parts.ts';
import { howItEnded } from './build-steps.ts';

/**
 * Parts indexed at once. Pagefind keeps mostly to one core, so two at once on two cores take about the time
 * of one index of the whole site, at about twice one part's memory (1.4 GiB at 10,000 tasks).
 */
const PARALLEL_PARTS = Math.min(2, availableParallelism());
const PAGEFIND = join(import.meta.dirname, '..', 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');
const SCRATCH_PREFIX = '.search-part-';

/**
 * What a bundle keeps of what Pagefind writes: the index itself, and in the first part the loader, its
 * worker and the wasm, which the other parts share when merged. Pagefind's ready-made interfaces are not
 * used by the site and are removed.
 */
function kept(name: string, part: number): boolean {
  if (['pagefind-entry.json', 'index', 'filter', 'fragment'].includes(name) || name.endsWith('.pf_meta')) return true;
  // The first part's folder also holds the other parts, written beside it at the same time.
  return part === 1 && (name === 'pagefind.js' || name === 'pagefind-worker.js' || /^wasm\.[\w-]+\.pagefind$/.test(name) || name === 'parts');
}

const { values } = parseArgs({ options: { site: { type: 'string' } } });
if (!values.site) {
  console.error('搜索索引：请用 --site 指明构建的 client 文件夹');
  process.exit(2);
}
const site = resolve(values.site);
/** Beside client/, on the same disk (hard links cannot cross disks), and never served. */
const scratchOf = (part: number) => join(dirname(site), `${SCRATCH_PREFIX}${part}`);
/** Pagefind's runs under way, each its own process group (the npm wrapper and the binary it starts). */
const running = new Set<ChildProcess>();
let stopping = false;

/** Ends every run under way and waits for it, so nothing writes into the site after the step has ended. */
async function stopRuns(): Promise<void> {
  stopping = true;
  const live = [...running].filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(
    live.map((child) => {
      const exited = once(child, 'exit');
      process.kill(-child.pid!, 'SIGTERM');
      return exited;
    }),
  );
}

async function removeScratch(): Promise<void> {
  for (const name of await readdir(dirname(site))) {
    if (name.startsWith(SCRATCH_PREFIX)) await rm(join(dirname(site), name), { recursive: true, force: true });
  }
}

/** Indexes one part's pages into its bundle. */
async function writePart(pages: string[], part: number): Promise<void> {
  const scratch = scratchOf(part);
  mkdirSync(scratch);
  // Synchronous calls: twenty thousand of them take a fraction of a second, awaited one by one seconds.
  for (const page of pages) {
    mkdirSync(dirname(join(scratch, page)), { recursive: true });
    try {
      linkSync(join(site, page), join(scratch, page));
    } catch {
      copyFileSync(join(site, page), join(scratch, page)); // a disk without hard links
    }
  }
  const bundle = join(site, bundleOfPart(part));
  const pagefind = spawn(process.execPath, [PAGEFIND, '--site', scratch, '--output-path', bundle], {
    cwd: scratch, // not a pagefind.yml of whatever folder the build was started in
    detached: true, // its own process group, so that stopping it stops the binary the wrapper runs too
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  running.add(pagefind);
  const [status, signal] = (await once(pagefind, 'exit')) as [number | null, string | null];
  running.delete(pagefind);
  await rm(scratch, { recursive: true, force: true });
  if (status !== 0) throw new Error(`第 ${part} 卷的 Pagefind ${howItEnded(status, signal)}`);
  for (const name of await readdir(bundle)) if (!kept(name, part)) await rm(join(bundle, name), { recursive: true });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stopRuns().then(() => process.exit(1)));
}

try {
  const pagesPerPart = pagesPerPartSetting(process.env.DUBAN_SEARCH_PART_PAGES);
  await removeScratch(); // what a build stopped half-way left
  const candidates = await Array.fromAsync(glob(`{${CONTENT_SECTIONS.join(',')}}/*/index.html`, { cwd: site }));
  // Pagefind leaves out unmarked pages only when it sees a marked one in the same run: decided here for the whole site.
  const pages = candidates.filter((page) => readFileSync(join(site, page), 'utf8').includes('data-pagefind-body')).sort();
  const parts = splitIntoParts(pages, pagesPerPart);
  await rm(join(site, bundleOfPart(1)), { recursive: true, force: true });
  // Each worker takes the next part not yet taken, none once the step is stopping (writePart runs without a
  // pause from this check until its Pagefind is started and in `running`, where stopRuns finds it).
  const waiting = parts.entries();
  const worker = async () => {
    for (const [i, part] of waiting) if (!stopping) await writePart(part, i + 1);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_PARTS, parts.length) }, worker));
  await mkdir(join(site, bundleOfPart(1)), { recursive: true });
  await writeFile(join(site, PARTS_FILE), `${JSON.stringify(partsFile(parts.length))}\n`);
  console.log(`搜索索引：${pages.length} 个内容页，${parts.length} 卷（每卷至多 ${pagesPerPart} 页）`);
} catch (error) {
  // No part goes on writing after the step has failed.
  await stopRuns();
  await removeScratch();
  console.error(`搜索索引：${(error as Error).message}`);
  process.exit(1);
}
