/**
 * A Content-Security-Policy that blocks something breaks a page silently, so every kind of page is opened
 * in Chromium with its scripts doing their work — the `js` mark, 长辈模式 remembered, 朗读, charts drawn
 * (Chart.js), a search (Pagefind's worker and wasm), the proof of work (ALTCHA's blob: worker), search as
 * you type on the board, progress bars sized by style attributes — while every `securitypolicyviolation`
 * event, CSP or Permissions-Policy console message and page error is collected; there must be none.
 */
import { expect, test, type Page } from '@playwright/test';
import { passProofOfWork } from './helpers.ts';

declare global {
  interface Window {
    __violations?: string[];
  }
}

/** Starts collecting; the returned function gives what was collected on the current document and from the console. */
async function watch(page: Page): Promise<() => Promise<string[]>> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Permissions.Policy|Refused to/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window.__violations ??= []).push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return async () => [...problems, ...(await page.evaluate(() => window.__violations ?? []))];
}

/** Scrolls down the page so charts load (they are fetched when near the screen) and waits for every one to draw. */
async function drawCharts(page: Page): Promise<void> {
  const charts = page.locator('chart-table');
  const count = await charts.count();
  for (let i = 0; i < count; i += 1) {
    await charts.nth(i).scrollIntoViewIfNeeded();
    await expect(charts.nth(i).locator('canvas')).toBeVisible();
  }
  expect(count).toBeGreaterThan(0);
}

/** 朗读's inline script ran: it either showed its controls (a Chinese voice) or kept their row invisible. */
async function expectReadAloudRan(page: Page): Promise<void> {
  await expect
    .poll(() => page.locator('.read-aloud').evaluate((box: HTMLElement) => box.style.visibility === 'hidden' || !box.hidden), { timeout: 5000 })
    .toBe(true);
}

test('content pages: the js mark, 长辈模式 remembered, charts, 朗读, progress bars', async ({ page }) => {
  const collected = await watch(page);
  await page.goto('/');
  await expect(page.locator('html')).toHaveClass(/\bjs\b/);
  await drawCharts(page);
  await page.getByLabel(/长辈模式/).check();
  expect(await collected()).toEqual([]);

  await page.goto('/tasks/');
  await expect(page.getByLabel(/长辈模式/)).toBeChecked(); // restored by the inline snippet
  // Progress bars are sized by their style attribute (width:NN%), which the policy must let apply: without it
  // a bar would fill its track. Measured on a bar well short of full.
  const bars = await page
    .locator('.bar > span[style*="width:"]')
    .evaluateAll((els: HTMLElement[]) =>
      els.map((el) => ({ percent: parseFloat(el.style.width), drawn: (100 * el.getBoundingClientRect().width) / el.parentElement!.clientWidth })),
    );
  const bar = bars.find((b) => b.percent >= 10 && b.percent <= 80)!;
  expect(Math.abs(bar.drawn - bar.percent)).toBeLessThan(3);
  await page.getByLabel(/长辈模式/).uncheck();
  expect(await collected()).toEqual([]);

  for (const path of ['/tasks/MS-2026-001/', '/units/', '/ranking/', '/exposures/', '/bulletins/', '/about/', '/sitemap/', '/privacy/', '/no-such-page/']) {
    await page.goto(path);
    await expect(page.locator('html'), path).toHaveClass(/\bjs\b/);
    if (path === '/tasks/MS-2026-001/') await expectReadAloudRan(page);
    expect(await collected(), path).toEqual([]);
  }
});

test('search: Pagefind’s worker and wasm find results', async ({ page }) => {
  const collected = await watch(page);
  await page.goto(`/search/?q=${encodeURIComponent('道路')}`);
  await expect(page.locator('[data-results] li').first()).toBeVisible({ timeout: 15_000 });
  expect(await collected()).toEqual([]);
});

test('messages: the form’s proof of work, the board’s search as you type, statistics, a message, tracking', async ({ page }) => {
  test.setTimeout(60_000);
  const collected = await watch(page);
  await page.goto('/messages/new');
  await passProofOfWork(page);
  expect(await collected(), '/messages/new').toEqual([]);

  await page.goto('/messages/');
  const results = page.locator('#results');
  const before = await results.innerHTML();
  await page.getByLabel('搜索留言和答复').fill('路灯');
  await expect.poll(() => results.innerHTML(), { timeout: 10_000 }).not.toBe(before);
  expect(await collected(), '/messages/').toEqual([]);

  await page.goto('/messages/stats');
  await drawCharts(page);
  expect(await collected(), '/messages/stats').toEqual([]);

  const href = await page.goto('/messages/').then(() => page.locator('a[href^="/messages/LY"]').first().getAttribute('href'));
  await page.goto(href!);
  await expectReadAloudRan(page);
  expect(await collected(), href!).toEqual([]);

  for (const path of ['/messages/track', '/messages/resend-code', '/console/sign-in', '/admin/']) {
    await page.goto(path);
    await expect(page.locator('html'), path).toHaveClass(/\bjs\b/);
    expect(await collected(), path).toEqual([]);
  }
});
