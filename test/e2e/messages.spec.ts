import { expect, test } from '@playwright/test';
import { passProofOfWork } from './helpers';

test('with JavaScript the proof of work runs in the browser and the message goes in', async ({ page }) => {
  await page.goto('/messages/new');
  await expect(page.getByLabel(/人机验证/)).toHaveCount(0); // the no-script question stays hidden
  await page.getByLabel('咨询').check();
  await page.getByLabel('标题').fill('社区食堂的开放时间');
  await page.getByLabel('留言内容').fill('想了解云湖街道社区食堂周末是否开放，几点开始供应午餐。');
  await page.getByLabel('手机号码').fill('13500005678');
  await passProofOfWork(page);
  await page.getByRole('button', { name: '提交留言' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '留言已提交' })).toBeVisible();
  await expect(page.locator('#receipt-number')).toHaveText(/^LY\d{8}-\d{4}$/);
});

test('the board searches as you type', async ({ page }) => {
  await page.goto('/messages/');
  await page.getByLabel('搜索留言和答复').pressSequentially('公交');
  await expect(page.getByRole('heading', { level: 2, name: /找到 \d+ 条留言/ })).toBeVisible();
  await expect(page).toHaveURL(/q=%E5%85%AC%E4%BA%A4/);
  for (const title of await page.locator('.message-list h3').allTextContents()) expect(title).toBeTruthy();
});

test('statistics show rates with their denominators and the reply-time distribution', async ({ page }) => {
  await page.goto('/messages/stats');
  await expect(page.getByText(/办理回复率\s*\d+ \/ \d+ 件/)).toBeVisible();
  await expect(page.locator('caption', { hasText: '答复用时分布' })).toHaveCount(1); // the chart's table, one click away
  await expect(
    page
      .getByRole('table', { name: /各单位办理情况/ })
      .getByText(/不排名|^1$/)
      .first(),
  ).toBeVisible();
  const chart = page.locator('chart-table').first();
  await chart.scrollIntoViewIfNeeded(); // the chart is drawn when it comes into view
  await expect(chart.locator('canvas')).toBeVisible();
});

test('a task page links to its messages', async ({ page }) => {
  await page.goto('/tasks/MS-2026-001/');
  await page.getByRole('link', { name: '查看关于此任务的公开留言和答复' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('关于任务');
  const links = page.locator('.message-list h3 a');
  expect(await links.count()).toBeGreaterThan(0);
  await links.first().click();
  await expect(page.getByRole('link', { name: '新建改扩建中小学和幼儿园' })).toBeVisible();
});
