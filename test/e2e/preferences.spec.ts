import { expect, test } from '@playwright/test';

test('长辈模式 is remembered from page to page when JavaScript is on', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel(/长辈模式/).check();
  await page.getByRole('link', { name: '责任单位' }).first().click();
  await expect(page.getByLabel(/长辈模式/)).toBeChecked();
  const size = await page.locator('body').evaluate((b) => parseFloat(getComputedStyle(b).fontSize));
  expect(size).toBe(20);
});

test('charts cost nothing until scrolled to, then draw from their tables in a frame already their size', async ({ page }) => {
  const chartCode: string[] = [];
  page.on('request', (request) => {
    if (/\/_astro\/chart-draw\.[\w-]+\.js$/.test(request.url())) chartCode.push(request.url());
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/', { waitUntil: 'load' });
  await page.waitForTimeout(1000); // past the idle moment after load, when charts in view would start
  expect(chartCode, 'no chart code for a first screen without charts').toEqual([]);
  const chart = page.locator('chart-table').first();
  const frame = chart.locator('.chart-frame');
  const reserved = (await frame.boundingBox())!.height;
  expect(reserved).toBeGreaterThan(200);
  await chart.scrollIntoViewIfNeeded();
  await expect(chart.locator('canvas')).toBeVisible();
  expect(chartCode).toHaveLength(1);
  expect((await frame.boundingBox())!.height).toBe(reserved);
  await expect(chart.locator('canvas')).toHaveAttribute('aria-label', /数据见下表/);
  await expect(chart.locator('table')).toBeHidden();
  await chart.locator('summary').click();
  await expect(chart.locator('table')).toBeVisible();
});
