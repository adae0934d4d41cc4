import { expect, test } from '@playwright/test';

test('a citizen filters the board, opens a red task, and finds it again by a two-character word', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('重点工作督办公示');
  await expect(page.getByText(/数据截至/).first()).toBeVisible();

  await page.getByRole('link', { name: '公示栏' }).click();
  const board = page.locator('task-filter');
  await board.getByLabel('预警颜色').selectOption('red');
  await board.getByLabel('牵头单位').selectOption({ label: '望澜区住房和城乡建设局' });
  await expect(page.getByRole('status')).toHaveText(/符合条件的任务 \d+ \/ \d+ 项/);
  const rows = board.locator('tbody tr:visible');
  await expect(rows.first()).toBeVisible();
  // 红色·逾期 where the task's deadline has passed, 红色·节点逾期 or 红色·子任务逾期 where a milestone's or a sub-task's has.
  for (const row of await rows.all()) await expect(row).toContainText(/红色·(节点|子任务)?逾期/);
  expect(page.url()).toContain('warning=red');

  const link = rows.first().getByRole('link');
  const title = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText(/^红色·(节点|子任务)?逾期$/).first()).toBeVisible();
  await expect(page.locator('.panel li').first()).toContainText(/已过期|已过/);

  const word = title.match(/[\u4e00-\u9fff]{2}/)![0];
  await page.getByRole('link', { name: '搜索' }).click();
  await page.getByLabel('关键词').fill(word);
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page.getByRole('status')).toContainText('找到');
  await expect(page.locator('[data-results]').getByRole('link', { name: title, exact: true })).toBeVisible();
});

test('search finds a unit by name and a task by its exact code first', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('望澜区水务局'));
  await expect(page.locator('[data-results] a').first()).toHaveText('望澜区水务局');
  await page.goto('/search/?q=ND-2026-001-02');
  await expect(page.locator('[data-results] a').first()).toHaveAttribute('href', /\/tasks\/ND-2026-001-02\/?$/);
  // Typed with a Chinese input method: full-width letters, digits and dash, in lower case, with an ideographic space.
  await page.goto(`/search/?q=${encodeURIComponent('\u3000ｎｄ－２０２６－００１－０２')}`);
  await expect(page.locator('[data-results] a').first()).toHaveAttribute('href', /\/tasks\/ND-2026-001-02\/?$/);
  await expect(page.getByRole('status')).toContainText('「nd-2026-001-02」：找到');
});

test('search filters narrow results by type', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('电梯'));
  await expect(page.getByRole('status')).toContainText('找到');
  await page.getByLabel('类型').selectOption('责任单位');
  await expect(page.getByRole('status')).toContainText(/找到|没有找到/);
  for (const href of await page.locator('[data-results] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    expect(href).toMatch(/\/units\//);
  }
});
