import { expect, test } from '@playwright/test';

test('长辈模式 is remembered from page to page when JavaScript is on', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel(/长辈模式/).check();
  await page.getByRole('link', { name: '责任单位' }).first().click();
  await expect(page.getByLabel(/长辈模式/)).toBeChecked();
  const size = await page.locator('body').evaluate((b) => parseFloat(getComputedStyle(b).fontSize));
  expect(size).toBe(20);
});

test('charts draw from their tables and keep the table one click away', async ({ page }) => {
  await page.goto('/');
  const chart = page.locator('chart-table').first();
  await expect(chart.locator('canvas')).toBeVisible();
  await expect(chart.locator('canvas')).toHaveAttribute('aria-label', /数据见下表/);
  await chart.locator('summary').click();
  await expect(chart.locator('table')).toBeVisible();
});
