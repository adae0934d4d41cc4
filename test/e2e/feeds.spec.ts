import { expect, test } from '@playwright/test';
import { parseFeed } from '@rowanmanning/feed-parser';
import ICAL from 'ical.js';
import { exportedTasks } from './helpers';

/** The feeds a page announces in its head, as a feed reader would discover them. */
async function announcedFeeds(page: import('@playwright/test').Page, path: string) {
  await page.goto(path);
  return page
    .locator('head link[rel="alternate"]')
    .evaluateAll((links) => links.map((l) => ({ href: l.getAttribute('href')!, type: l.getAttribute('type')! })));
}

for (const [name, path, itemsOnPage] of [
  ['bulletins', '/bulletins/', '.bulletin-list li'],
  ['exposure board', '/exposures/', 'tbody tr'],
] as const) {
  test(`the ${name} page announces RSS and Atom feeds that parse and list what the page lists`, async ({ page, request }) => {
    const feeds = await announcedFeeds(page, path);
    expect(feeds.map((f) => f.type).sort()).toEqual(['application/atom+xml', 'application/rss+xml']);
    const listed = await page.locator(itemsOnPage).count();
    for (const f of feeds) {
      const response = await request.get(f.href);
      expect(response.headers()['content-type']).toContain(f.type);
      const feed = parseFeed(await response.text());
      expect(feed.items.length, f.href).toBe(listed);
      expect(feed.items[0]!.url).toMatch(new RegExp(`${path}[^/]+/$`));
    }
  });
}

test("a unit's feeds carry the bulletins, cases and supervision records on its page, and its calendar its tasks' dates", async ({ page, request }) => {
  const feeds = await announcedFeeds(page, '/units/housing/');
  const cases = await page
    .getByRole('table', { name: /曝光台案例/ })
    .locator('tbody tr')
    .count();
  const records = await page
    .getByRole('table', { name: /承办的督办记录/ })
    .locator('tbody tr')
    .count();
  expect(records).toBeGreaterThan(0);
  const bulletins = await page
    .locator('section', { has: page.getByRole('heading', { name: /相关通报/ }) })
    .getByRole('listitem')
    .count();
  const rss = parseFeed(await (await request.get(feeds.find((f) => f.type === 'application/rss+xml')!.href)).text());
  expect(rss.items.length).toBe(cases + bulletins + records);
  const calendarHref = feeds.find((f) => f.type === 'text/calendar')!.href;
  const events = new ICAL.Component(ICAL.parse(await (await request.get(calendarHref)).text())).getAllSubcomponents('vevent');
  const deadlines = events.map((e) => new ICAL.Event(e)).filter((e) => e.summary.startsWith('【截止】'));
  const tasksOnPage = await page.locator('table').filter({ hasText: '任务名称' }).locator('tbody tr').count();
  expect(deadlines.length).toBe(tasksOnPage);
});

test('the overall calendar has every deadline and milestone as an all-day event', async ({ request }) => {
  const response = await request.get('/calendar.ics');
  expect(response.headers()['content-type']).toContain('text/calendar');
  const events = new ICAL.Component(ICAL.parse(await response.text())).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  const { tasks } = exportedTasks();
  const deadlines = events.filter((e) => e.summary.startsWith('【截止】'));
  expect(deadlines.length).toBe(tasks.length);
  expect(events.every((e) => e.startDate.isDate)).toBe(true);
  const first = tasks[0]!;
  expect(deadlines.find((e) => e.uid.startsWith(`${first.code}-deadline@`))!.startDate.toString()).toBe(first.deadline);
});

test('the sitemap lists the content pages and robots.txt points to it', async ({ request }) => {
  const robots = await (await request.get('/robots.txt')).text();
  const sitemapUrl = /Sitemap: (\S+)/.exec(robots)![1]!;
  const index = await (await request.get(new URL(sitemapUrl).pathname)).text();
  const chunk = /<loc>([^<]+)<\/loc>/.exec(index)![1]!;
  const urls = await (await request.get(new URL(chunk).pathname)).text();
  for (const path of ['/tasks/ND-2026-001/', '/units/housing/', '/exposures/e-2026-007/', '/bulletins/db-2026-11/']) expect(urls).toContain(path);
  // The staff console and the CMS are for staff: not in the sitemap, and crawlers are asked to keep out.
  expect(urls).not.toMatch(/\/(console|admin)\//);
  expect(robots).toMatch(/^Disallow: \/console\/$/m);
  expect(robots).toMatch(/^Disallow: \/admin\/$/m);
});
