import { expect, test, type Page } from '@playwright/test';
import { expectHeadingsInOrder, expectNoAxeViolations, passProofOfWork } from './helpers';

/** The message pages that only exist after an action: a form with errors, the receipt, a tracked message, a published one. (axe runs in the page, so these run with JavaScript on.) */

async function expectNoViolations(page: Page) {
  await expectNoAxeViolations(page);
  await expectHeadingsInOrder(page);
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
    await passProofOfWork(page);
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
