import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** The message pages that only exist after an action: a form with errors, the receipt, a tracked message, a published one. (axe runs in the page, so these run with JavaScript on.) */

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(
    results.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    ),
  ).toEqual([]);
  const levels = await page.locator('h1, h2, h3, h4').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
  expect(levels[0]).toBe(1);
  for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
}

test.describe('after submitting', () => {
  test('the form with errors, the receipt and the tracked message have no axe violations', async ({ page }) => {
    await page.goto('/messages/new');
    await page.getByRole('button', { name: '提交留言' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectNoViolations(page);

    await page.getByLabel('求助').check();
    await page.getByLabel('标题').fill('楼道灯坏了无人修');
    await page.getByLabel('留言内容').fill('云湖街道某小区 2 栋楼道灯坏了一个月，晚上很黑。');
    await page.getByLabel('手机号码').fill('13600004321');
    await page.locator('altcha-widget input[type="checkbox"]').click();
    await expect(page.locator('altcha-widget input[name="altcha"]')).not.toHaveValue('', { timeout: 20_000 });
    await page.getByRole('button', { name: '提交留言' }).click();
    await expect(page.locator('#receipt-number')).toBeVisible();
    await expectNoViolations(page);

    const number = await page.locator('#receipt-number').textContent();
    const code = await page.locator('#receipt-code').textContent();
    await page.goto('/messages/track');
    await page.getByLabel('留言编号').fill(number!);
    await page.getByLabel('查询码').fill(code!);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '楼道灯坏了无人修' })).toBeVisible();
    await expectNoViolations(page);
  });
});

for (const elder of [false, true]) {
  test(`a published message has no axe violations${elder ? ' in 长辈模式' : ''}`, async ({ page }) => {
    await page.goto('/messages/');
    await page.locator('.message-list h3 a').first().click();
    await expect(page.getByRole('heading', { level: 2, name: '办理过程' })).toBeVisible();
    if (elder) await page.getByLabel(/长辈模式/).check();
    await expectNoViolations(page);
  });
}
