/**
 * A board with more 牵头单位 than the filters list on every page (a city's or a province's): the list pages
 * link to one page of all units instead, and every unit's list is still reachable without JavaScript, in
 * either order. Builds a synthetic district of 2,000 tasks and 40 units (the sample district's 28 units
 * stay in the filters: the browser tests cover that). The same build shows what the content store the pages are
 * prerendered from holds.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticDistrict } from '../../scripts/bench/synthetic-district.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const work = await mkdtemp(join(root, 'node_modules', '.duban-long-filters-'));
const site = join(work, 'out', 'client');
const page = (path: string) => readFile(join(site, path, 'index.html'), 'utf8');
/** The links of the filter panel of a list page. */
function panelLinks(html: string) {
  const start = html.indexOf('<details class="panel');
  return [...html.slice(start, html.indexOf('</details>', start)).matchAll(/<a href="([^"]+)"([^>]*)>([^<]*)<\/a>/g)];
}

const build = (content: string, out: string) =>
  run(join(root, 'node_modules', '.bin', 'astro'), ['build'], {
    cwd: root,
    env: {
      ...process.env,
      DUBAN_CONTENT_DIR: join(work, content),
      DUBAN_OUT_DIR: join(work, out),
      DUBAN_CACHE_DIR: join(work, `${out}-cache`),
      DUBAN_AS_OF: '2026-11-23',
    },
    maxBuffer: 64 * 1024 * 1024,
  });

beforeAll(async () => {
  await writeSyntheticDistrict(join(work, 'content'), 2_000);
  await build('content', 'out');
}, 300_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('a board of 40 units', () => {
  it('lists its units on a page of their own, not in the filters of every list page', async () => {
    for (const [list, units] of [
      ['tasks', 'tasks/unit'],
      ['tasks/by-deadline', 'tasks/unit/by-deadline'],
      ['tasks/status/in_progress/page/2', 'tasks/unit'],
    ]) {
      const links = panelLinks(await page(list!));
      expect(links.filter(([, href]) => /^\/tasks\/unit\/unit-/.test(href!))).toEqual([]);
      expect(links.find(([, href]) => href === `/${units}/`)?.[3]).toBe('查看全部 40 个牵头单位');
      // The other dimensions keep their values in the panel.
      expect(links.filter(([, href]) => /^\/tasks\/status\//.test(href!)).length).toBeGreaterThan(1);
    }
  });

  it('shows the chosen unit in the filters of its own list', async () => {
    const links = panelLinks(await page('tasks/unit/unit-7'));
    const chosen = links.filter(([, href]) => /^\/tasks\/unit\/unit-/.test(href!));
    expect(chosen).toHaveLength(1);
    expect(chosen[0]![1]).toBe('/tasks/unit/unit-7/');
    expect(chosen[0]![2]).toContain('aria-current="page"');
  });

  it('reaches every unit’s list from the units page, in the order the reader came from', async () => {
    for (const [units, suffix] of [
      ['tasks/unit', ''],
      ['tasks/unit/by-deadline', 'by-deadline/'],
    ]) {
      const html = await page(units!);
      expect(html).toContain('<h1>按牵头单位筛选</h1>');
      const targets = [...html.matchAll(/<li><a href="(\/tasks\/unit\/unit-\d+\/[^"]*)">[^<]+<\/a> <span class="note">\((\d+)\)<\/span>/g)];
      expect(targets).toHaveLength(40);
      for (const [, href] of targets) {
        expect(href).toMatch(new RegExp(`^/tasks/unit/unit-\\d+/${suffix}$`));
        expect(existsSync(join(site, href!, 'index.html'))).toBe(true);
      }
      // The counts add up to the board (2,000 tasks, sub-tasks included): every task has one lead unit.
      expect(targets.reduce((sum, [, , n]) => sum + Number(n), 0)).toBe(2_000);
    }
  });
});

describe('a board of more than 30 units, one of them named by-deadline', () => {
  it('stops the build and names the clash, rather than lose a page', { timeout: 300_000 }, async () => {
    await cp(join(work, 'content'), join(work, 'clash'), { recursive: true });
    await writeFile(join(work, 'clash', 'units', 'by-deadline.yml'), 'name: 截止日期办公室\nshortName: 截止办\nkind: department\norder: 99\n');
    const failure = await build('clash', 'clash-out').then(
      () => '',
      (error: { stdout: string; stderr: string }) => `${error.stdout}\n${error.stderr}`,
    );
    expect(failure).toContain('牵头单位的编号不能是「by-deadline」');
  });
});

describe('the content store the pages are prerendered from', () => {
  it('holds each entry’s data and rendered text, without the raw Markdown or a second copy of the frontmatter', async () => {
    // Astro inlines this file into the prerendering bundle; at 10,000 tasks the two copies were half of it (issue 13).
    const store = await readFile(join(work, 'out-cache', 'data-store.json'), 'utf8');
    expect(store).toContain('"rendered":');
    expect(store).toContain('"html":');
    expect(store).not.toContain('"body":');
    expect(store).not.toContain('"frontmatter":');
    // The rendered text is still what a task page shows.
    const task = await readFile(join(work, 'content', 'tasks', 'BM-2026-00002.md'), 'utf8');
    const text = task.split(/^---$/m)[2]!.trim();
    expect(await page('tasks/BM-2026-00002')).toContain(text);
  });
});
