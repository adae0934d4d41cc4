/**
 * The build's search step (scripts/search-index.ts) on a small site of its own: the content pages in parts
 * of the size set, each page in exactly one part, nothing else indexed, and a clear error for a bad setting.
 * The browser tests search the sample district's index in parts (test/e2e/search-parts.spec.ts).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { pagesOfBundle } from '../fixtures/pagefind-bundles.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const work = await mkdtemp(join(root, 'node_modules', '.duban-search-index-'));
afterAll(() => rm(work, { recursive: true, force: true }));

const page = (title: string, body = true) =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><header>页头 导航</header><main${body ? ' data-pagefind-body' : ''}><div data-pagefind-filter="type:测试页"></div><h1>${title}</h1><p>${title}的推进情况：按期推进。</p></main></body></html>`;

/** A site of `tasks` task pages, two unit pages and a list page (no data-pagefind-body). */
async function site(name: string, tasks: number): Promise<string> {
  const client = join(work, name, 'client');
  const write = async (path: string, html: string) => {
    await mkdir(join(client, path), { recursive: true });
    await writeFile(join(client, path, 'index.html'), html);
  };
  for (let i = 1; i <= tasks; i++) await write(`tasks/RW-2026-${String(i).padStart(3, '0')}`, page(`第${i}项任务 道路整修`));
  await write('units/water', page('水务局'));
  await write('units/roads', page('交通局'));
  await write('tasks/by-deadline', page('按截止日期', false));
  await write('about', page('关于本站'));
  return client;
}

const index = (client: string, pagesPerPart?: string, env: Record<string, string> = {}) =>
  run(process.execPath, [join(root, 'scripts', 'search-index.ts'), '--site', client], {
    cwd: root,
    env: { ...process.env, ...(pagesPerPart === undefined ? {} : { DUBAN_SEARCH_PART_PAGES: pagesPerPart }), ...env },
  });
const failureOf = (running: Promise<unknown>) =>
  running.then(
    () => null,
    (e: { code: number; stderr: string }) => e,
  );

const urlsOf = (bundle: string) => pagesOfBundle(bundle).map((p) => p.url);

describe('the search step', () => {
  it('writes one bundle and an empty list of parts for a site smaller than a part', async () => {
    const client = await site('small', 5);
    const { stdout } = await index(client);
    expect(stdout).toContain('搜索索引：7 个内容页，1 卷（每卷至多 4000 页）');
    expect(JSON.parse(await readFile(join(client, 'pagefind', 'parts.json'), 'utf8'))).toEqual({ merge: [] });
    expect(urlsOf(join(client, 'pagefind')).toSorted()).toEqual([
      '/tasks/RW-2026-001/',
      '/tasks/RW-2026-002/',
      '/tasks/RW-2026-003/',
      '/tasks/RW-2026-004/',
      '/tasks/RW-2026-005/',
      '/units/roads/',
      '/units/water/',
    ]);
    expect(existsSync(join(client, 'pagefind', 'parts'))).toBe(false);
    // What the search loads, without Pagefind's ready-made interfaces, which the site does not use.
    expect((await readdir(join(client, 'pagefind'))).filter((name) => !name.endsWith('.pf_meta')).toSorted()).toEqual([
      'filter',
      'fragment',
      'index',
      'pagefind-entry.json',
      'pagefind-worker.js',
      'pagefind.js',
      'parts.json',
      'wasm.unknown.pagefind',
    ]);
    // No scratch folder is left beside the site.
    expect(await readdir(join(work, 'small'))).toEqual(['client']);
  }, 60_000);

  it('splits a larger site into parts of the size set, every content page in exactly one', async () => {
    const client = await site('large', 11);
    // What an earlier build left is replaced, not merged into.
    await mkdir(join(client, 'pagefind', 'parts', '9'), { recursive: true });
    const { stdout } = await index(client, ' ４ '); // typed with a Chinese input method's full-width digit
    expect(stdout).toContain('搜索索引：13 个内容页，4 卷（每卷至多 4 页）');
    const { merge } = JSON.parse(await readFile(join(client, 'pagefind', 'parts.json'), 'utf8')) as { merge: string[] };
    expect(merge).toEqual(['/pagefind/parts/2/', '/pagefind/parts/3/', '/pagefind/parts/4/']);
    expect((await readdir(join(client, 'pagefind', 'parts'))).toSorted()).toEqual(['2', '3', '4']);
    const parts = [join(client, 'pagefind'), ...merge.map((b) => join(client, b))].map(urlsOf);
    // 13 content pages in parts of 4, 3, 3 and 3, in order of their paths; the list page is none of them.
    expect(parts.map((urls) => urls.length)).toEqual([4, 3, 3, 3]);
    // The other parts share the first one's loader, worker and wasm.
    expect((await readdir(join(client, 'pagefind', 'parts', '3'))).filter((name) => !name.endsWith('.pf_meta')).toSorted()).toEqual([
      'filter',
      'fragment',
      'index',
      'pagefind-entry.json',
    ]);
    const all = parts.flat();
    expect(new Set(all).size).toBe(13);
    expect(all).not.toContain('/tasks/by-deadline/');
    expect(all).not.toContain('/about/');
    expect(await readdir(join(work, 'large'))).toEqual(['client']);
  }, 60_000);

  it('refuses a part size that is not a whole number above 0, in Chinese', async () => {
    const client = await site('refused', 1);
    for (const setting of ['0', '-4', '1.5', '四千', '4000页']) {
      const failed = await failureOf(index(client, setting));
      expect(failed?.code, setting).toBe(1);
      expect(failed?.stderr).toContain(`DUBAN_SEARCH_PART_PAGES 应为正整数（每卷页数），现为「${setting}」`);
    }
    expect(existsSync(join(client, 'pagefind'))).toBe(false);
  }, 60_000);

  it('stops the other part’s run when one fails, and leaves no list of parts and no scratch folder', async () => {
    const client = await site('failing', 11);
    // Pagefind's npm wrapper runs the binary this names: part 2 fails, the others would run for a minute.
    const fake = join(work, 'failing-pagefind.sh');
    await writeFile(fake, '#!/bin/sh\ncase "$*" in *parts/2*) sleep 1; echo "索引写入失败" >&2; exit 3;; *) exec sleep 61.5;; esac\n', { mode: 0o755 });
    const started = Date.now();
    const failed = await failureOf(index(client, '4', { PAGEFIND_EXTENDED_BINARY_PATH: fake }));
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('索引写入失败');
    expect(failed?.stderr).toContain('搜索索引：第 2 卷的 Pagefind 退出码 3');
    expect(existsSync(join(client, 'pagefind', 'parts.json'))).toBe(false);
    expect(await readdir(join(work, 'failing'))).toEqual(['client']);
    const { stdout: processes } = await run('ps', ['-eo', 'args']);
    expect(processes).not.toContain('sleep 61.5');
  }, 60_000);
});
