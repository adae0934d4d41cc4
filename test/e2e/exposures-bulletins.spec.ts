import { expect, test } from '@playwright/test';

test('the exposure board filters by rectification status, computed from the deadline', async ({ page }) => {
  await page.goto('/exposures/');
  await page.getByText('按案例类型、整改状态、问题类型或涉及单位筛选').click();
  await page.getByRole('navigation', { name: '按整改状态筛选' }).getByRole('link', { name: '逾期未整改' }).click();
  await expect(page).toHaveURL(/\/exposures\/status\/overdue\/$/);
  const statuses = await page.locator('tbody tr td:last-child').allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  for (const s of statuses) expect(s).toBe('逾期未整改');
  await page.locator('tbody tr a').first().click();
  await expect(page.getByText(/整改期限 \d{4}-\d{2}-\d{2} 已过 \d+ 天，尚未整改完成/)).toBeVisible();
});

test('a unit interviewed twice within twelve months is flagged on its page', async ({ page }) => {
  await page.goto('/units/housing/');
  await expect(page.getByText(/12 个月内被约谈 2 次.*达到约谈提示标准/)).toBeVisible();
  await expect(page.getByRole('table', { name: /曝光台案例/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /相关通报/ })).toBeVisible();
});

test('a task shows the bulletins and cases that concern it', async ({ page }) => {
  await page.goto('/tasks/ND-2026-005-02/');
  const section = page.locator('section', { has: page.getByRole('heading', { name: '相关通报和曝光案例' }) });
  await expect(section.getByRole('link', { name: /督查通报〔2026〕第8期/ })).toBeVisible();
  await expect(section.getByRole('link', { name: '区住建局自建房排查数据与实地不符' })).toBeVisible();
});

test("a monthly bulletin's ranking table is the ranking page's, not a copy", async ({ page }) => {
  await page.goto('/bulletins/db-2026-11/');
  const embedded = await page
    .locator('.official table tbody tr')
    .evaluateAll((rows) => rows.map((r) => `${r.querySelector('th')!.textContent}:${r.lastElementChild!.textContent}`));
  await page.goto('/ranking/2026-10/');
  const ranked = await page
    .locator('table tbody tr')
    .evaluateAll((rows: HTMLTableRowElement[]) =>
      rows.filter((r) => r.cells[5]!.textContent !== '—').map((r) => `${r.querySelector('th')!.textContent}:${r.cells[5]!.textContent}`),
    );
  expect(embedded.length).toBeGreaterThan(3);
  expect(embedded).toEqual(ranked);
});

test('a printed bulletin keeps the demo notice, so it cannot pass for a real one', async ({ page }) => {
  await page.goto('/bulletins/db-2026-10/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText('本站为开源项目“督办公开”的演示站点')).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  const pdf = await page.request.get((await page.getByRole('link', { name: /（PDF）/ }).getAttribute('href'))!);
  expect(pdf.headers()['content-type']).toContain('pdf');
});

test('search finds cases and bulletins, and filters by type', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('围挡'));
  await expect(page.locator('[data-results] a').first()).toHaveText('雨污分流工地围挡破损长期未处置');
  await page.goto('/search/?q=' + encodeURIComponent('排名') + '&type=' + encodeURIComponent('督查通报'));
  await expect(page.getByRole('status')).toContainText('找到');
  for (const href of await page.locator('[data-results] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(href).toMatch(/\/bulletins\//);
});

test('the home page shows the latest bulletins and cases', async ({ page }) => {
  await page.goto('/');
  const bulletins = page.locator('section', { has: page.getByRole('heading', { name: '最新督查通报' }) });
  await expect(bulletins.getByRole('listitem')).toHaveCount(5);
  await expect(bulletins.getByRole('listitem').first()).toContainText('工作提示〔2026〕第1期');
  const cases = page.locator('section', { has: page.getByRole('heading', { name: '曝光台', exact: true }) });
  await expect(cases.getByRole('listitem').first()).toContainText('高新园区重点项目全程代办');
});
