import { expect, test } from '@playwright/test';
import { answerQuestion } from './helpers';

test.use({ javaScriptEnabled: false });

test('a citizen without JavaScript submits a message, gets a number, and tracks it', async ({ page }) => {
  await page.goto('/tasks/MS-2026-001/');
  await page.getByRole('link', { name: '对此任务留言' }).click();
  await expect(page).toHaveURL(/\/messages\/new\?task=MS-2026-001$/);
  await expect(page.getByLabel('相关任务编号（选填）')).toHaveValue('MS-2026-001');

  // First try: forget the phone number and the title; the form keeps what was typed and says what is wrong.
  await page.getByLabel('建议').check();
  await page.getByLabel('留言内容').fill('建议学校周边增设临时停车位，方便接送孩子，避免占道。');
  await answerQuestion(page);
  await page.getByRole('button', { name: '提交留言' }).click();
  await expect(page).toHaveTitle(/^错误：/);
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('请填写标题');
  await expect(summary).toContainText('请填写手机号码');
  await expect(page.getByLabel('留言内容')).toHaveValue('建议学校周边增设临时停车位，方便接送孩子，避免占道。');
  await expect(page.getByLabel('建议')).toBeChecked();
  await summary.getByRole('link', { name: '请填写标题' }).click();
  await expect(page).toHaveURL(/#title$/);

  await page.getByLabel('标题').fill('学校周边接送停车难');
  await page.getByLabel('手机号码').fill('13600001234');
  await page.getByLabel('同意公开').check();
  await answerQuestion(page);
  await page.getByRole('button', { name: '提交留言' }).click();

  await expect(page.getByRole('heading', { level: 1, name: '留言已提交' })).toBeVisible();
  const number = (await page.locator('#receipt-number').textContent())!.trim();
  const code = (await page.locator('#receipt-code').textContent())!.trim();
  expect(number).toMatch(/^LY\d{8}-\d{4}$/);
  expect(code).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
  await expect(page.getByText('不保存查询码本身')).toBeVisible();

  await page.getByRole('link', { name: '查询办理进度' }).click();
  await page.getByLabel('留言编号').fill(number.toLowerCase());
  await page.getByLabel('查询码').fill(code.replace('-', ' '));
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '学校周边接送停车难' })).toBeVisible();
  await expect(page.getByText('待受理').first()).toBeVisible();
  await expect(page.getByText(/办理时限 \d+ 个工作日（按提交时的规定），自交办之日起计算，尚未交办。/)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: '提交留言' })).toBeVisible();
});

test('a wrong query code is refused without saying whether the number exists', async ({ page }) => {
  await page.goto('/messages/track');
  await page.getByLabel('留言编号').fill('LY20260105-0001');
  await page.getByLabel('查询码').fill('AAAAA-AAAAA');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('alert')).toContainText('留言编号或查询码不正确');
});

test('the reply board filters and searches with JavaScript off', async ({ page }) => {
  await page.goto('/messages/');
  const total = await page.locator('.message-list > li').count();
  expect(total).toBeGreaterThan(0);
  await page.getByLabel('搜索留言和答复').fill('电梯');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/q=%E7%94%B5%E6%A2%AF/);
  const titles = await page.locator('.message-list h3').allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  await page.locator('.message-list h3 a').first().click();
  await expect(page.getByRole('heading', { level: 2, name: '答复', exact: true })).toBeVisible();
  await expect(page.locator('main')).not.toContainText('13700001111');
  await page.getByText('这个日期是怎样算出来的').click();
  await expect(page.getByText(/开始的当天不计入/)).toBeVisible();
});
