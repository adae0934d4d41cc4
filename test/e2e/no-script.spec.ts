import { expect, test } from '@playwright/test';

test.use({ javaScriptEnabled: false });

test('the board can be filtered and sorted with JavaScript off', async ({ page }) => {
  await page.goto('/tasks/');
  await expect(page.locator('task-filter form')).toBeHidden();
  await page.getByText('按台账、类别、牵头单位、状态或预警颜色筛选').click();
  await page.getByRole('navigation', { name: '按预警颜色筛选' }).getByRole('link', { name: '黄色·临期预警' }).click();
  await expect(page).toHaveURL(/\/tasks\/warning\/yellow\/$/);
  const badges = page.locator('tbody tr td:last-child');
  expect(await badges.count()).toBeGreaterThan(0);
  // 黄色·临期预警 for a near deadline, 黄色·节点临期 or 黄色·子任务临期 for a milestone's or a sub-task's.
  for (const text of await badges.allTextContents()) expect(text).toMatch(/黄色·(临期预警|节点临期|子任务临期)/);

  await page.getByRole('link', { name: /按截止日期/ }).click();
  await expect(page).toHaveURL(/\/tasks\/warning\/yellow\/by-deadline\/$/);
  const deadlines = await page.locator('tbody tr td:nth-child(4)').allTextContents();
  expect(deadlines).toEqual([...deadlines].sort());
});

test('长辈模式 enlarges the text with JavaScript off', async ({ page }) => {
  await page.goto('/tasks/ND-2026-001/');
  const size = () => page.locator('body').evaluate((b) => parseFloat(getComputedStyle(b).fontSize));
  const before = await size();
  await page.getByLabel(/长辈模式/).check();
  expect(await size()).toBeGreaterThanOrEqual(before * 1.2);
});

test('search explains itself and offers the board instead', async ({ page }) => {
  await page.goto('/search/');
  await expect(page.getByText('搜索需要在浏览器中启用 JavaScript')).toBeVisible();
});

test('without JavaScript a chart is its table, shown whole, with no empty frame above it', async ({ page }) => {
  await page.goto('/');
  const chart = page.locator('chart-table').first();
  await expect(chart.getByRole('table')).toBeVisible();
  await expect(chart.locator('.chart-frame')).toBeHidden();
  await expect(chart.locator('summary')).toBeHidden();
});
