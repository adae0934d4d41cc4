/**
 * Nothing moves after it is drawn: on a phone, each kind of page is loaded (with whatever it fetches
 * when it opens, such as search results), then scrolled to the end
 * in screen-sized steps (which brings in the charts and anything else drawn late), and the layout
 * shifts the browser records add up to at most 0.05, the budget of issue 16 (Lighthouse's
 * cumulative layout shift). Scrolling is not input, so shifts it causes count.
 */
import { expect, test, type Page } from '@playwright/test';

interface Shift {
  value: number;
  nodes: string[];
}

const PAGES = [
  '/',
  '/tasks/',
  '/tasks/MS-2026-001/',
  '/units/',
  '/exposures/',
  '/bulletins/',
  '/ranking/',
  '/search/?q=道路',
  '/messages/',
  '/messages/new',
  '/messages/stats',
];

test.use({ viewport: { width: 390, height: 844 } });

async function shiftsWhileReading(page: Page, path: string): Promise<{ total: number; moved: string[] }> {
  await page.addInitScript(() => {
    const seen: Shift[] = [];
    (window as unknown as { shifts: Shift[] }).shifts = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
        if (entry.hadRecentInput) continue;
        seen.push({
          value: entry.value,
          nodes: (entry.sources ?? []).map((s) =>
            s.node instanceof Element ? `${s.node.tagName.toLowerCase()}.${s.node.className}` : String(s.node?.nodeName),
          ),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(path, { waitUntil: 'networkidle' }); // a reader starts reading once the page has come
  // Search results come once the index's parts are loaded and merged, work in the browser that on a slow machine
  // leaves the network idle for longer than networkidle waits: the search has come when its summary is written.
  const searchSummary = page.locator('site-search [data-summary]');
  if ((await searchSummary.count()) > 0) await expect(searchSummary).toHaveText(/。$/);
  await page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(null)))); // when charts start watching
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 700) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(120);
  }
  await page.waitForLoadState('networkidle');
  const charts = page.locator('chart-table canvas');
  await expect(charts).toHaveCount(await page.locator('chart-table').count());
  const shifts = await page.evaluate(() => (window as unknown as { shifts: Shift[] }).shifts);
  return { total: shifts.reduce((sum, s) => sum + s.value, 0), moved: shifts.flatMap((s) => s.nodes) };
}

for (const path of PAGES) {
  test(`${path} does not move while a phone reader scrolls through it`, async ({ page }) => {
    const { total, moved } = await shiftsWhileReading(page, path);
    expect(total, `moved: ${moved.join(', ')}`).toBeLessThanOrEqual(0.05);
  });
}

test('长辈模式, chosen on an earlier page, is in place from the first frame', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('duban-elder', '1'));
  const { total, moved } = await shiftsWhileReading(page, '/');
  expect(total, `moved: ${moved.join(', ')}`).toBeLessThanOrEqual(0.05);
  expect(await page.locator('body').evaluate((b) => parseFloat(getComputedStyle(b).fontSize))).toBe(20);
});
