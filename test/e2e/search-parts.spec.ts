/**
 * The search index in parts (src/lib/search/index-parts.ts). The browser tests' build splits its content
 * pages into parts of 60 (`build:test` in package.json), so every search of these tests goes through
 * Pagefind's merge; here, each part holds its own pages, a page of every part is found by its title, and a
 * search that matches pages of every part counts them all.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { SEARCH_TYPE } from '../../src/lib/format/search.ts';
import { CONTENT_SECTIONS, type SearchIndexParts } from '../../src/lib/search/index-parts.ts';
import { pagesOfBundle } from '../fixtures/pagefind-bundles.ts';
import { siteDir } from './helpers.ts';

/** The parts on disk, whatever the list the search reads says. */
const bundles = [
  '/pagefind/',
  ...readdirSync(join(siteDir, 'pagefind', 'parts'))
    .toSorted((a, b) => Number(a) - Number(b))
    .map((n) => `/pagefind/parts/${n}/`),
];

/** Each part's pages, read once from its fragments. */
const pagesByPart = bundles.map((bundle) => pagesOfBundle(join(siteDir, bundle)));
/** The tasks each part holds. */
const tasksPerPart = pagesByPart.map((pages) => pages.filter((p) => p.type === SEARCH_TYPE.task).length);
const allTasks = tasksPerPart.reduce((a, b) => a + b);

test('the index is in parts, listed for the search, and every content page is in exactly one of them', () => {
  expect(bundles.length).toBeGreaterThanOrEqual(3);
  const { merge } = JSON.parse(readFileSync(join(siteDir, 'pagefind', 'parts.json'), 'utf8')) as SearchIndexParts;
  expect(merge).toEqual(bundles.slice(1));
  const urls = pagesByPart.flatMap((pages) => pages.map((p) => p.url));
  expect(new Set(urls).size).toBe(urls.length);
  const contentPages = CONTENT_SECTIONS.flatMap((section) =>
    readdirSync(join(siteDir, section), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `/${section}/${entry.name}/`)
      .map((url) => ({ url, file: join(siteDir, url, 'index.html') }))
      .filter(({ file }) => existsSync(file) && readFileSync(file, 'utf8').includes('data-pagefind-body'))
      .map(({ url }) => url),
  );
  expect(urls.toSorted()).toEqual(contentPages.toSorted());
});

test('a page of every part is found by its title, first', async ({ page }) => {
  for (const [i, bundle] of bundles.entries()) {
    const { url, title } = pagesByPart[i]!.at(-1)!;
    await page.goto(`/search/?q=${encodeURIComponent(title!)}`);
    await expect(page.locator('[data-results] a').first(), `${title} (${bundle})`).toHaveAttribute('href', url);
  }
});

test('a search matching pages of every part counts them all', async ({ page }) => {
  expect(tasksPerPart.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
  await page.goto(`/search/?type=${encodeURIComponent(SEARCH_TYPE.task)}`);
  await expect(page.getByRole('status')).toHaveText(`找到 ${allTasks} 条公示内容。`);
});

for (const [what, file] of [
  ['the list of parts', '**/pagefind/parts.json'],
  ['the first part', '**/pagefind/pagefind-entry.json*'],
  ['another part', '**/pagefind/parts/2/pagefind-entry.json*'],
]) {
  test(`when ${what} cannot be read the search says so, and the next search tries again and finds all`, async ({ page }) => {
    await page.route(file!, (route) => route.fulfill({ status: 503, body: '' }));
    await page.goto(`/search/?type=${encodeURIComponent(SEARCH_TYPE.task)}`);
    await expect(page.getByRole('status')).toHaveText('搜索索引加载失败，请稍后重试，或到公示栏按条件筛选。');
    await expect(page.locator('[data-results] li')).toHaveCount(0);
    await page.unroute(file!);
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page.getByRole('status')).toHaveText(`找到 ${allTasks} 条公示内容。`);
  });
}
