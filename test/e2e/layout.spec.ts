import { expect, test } from '@playwright/test';

// 320 CSS px is a small phone, and what a 1280 px window shows at 400% zoom; 640 px is 200% zoom.
for (const width of [320, 640]) {
  test(`pages reflow without sideways scrolling at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    for (const path of ['/', '/tasks/', '/tasks/ND-2026-001/', '/units/housing/', '/ranking/', '/about/']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
}

test('every page opens with the site name, the navigation and the 长辈模式 switch in its header', async ({ page }) => {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 800 });
    for (const path of ['/', '/tasks/', '/tasks/ND-2026-001/', '/units/housing/', '/ranking/', '/search/', '/about/']) {
      await page.goto(path);
      const header = (await page.locator('header.site-header').boundingBox())!;
      for (const part of [page.locator('.site-name'), page.getByRole('navigation', { name: '主导航' }), page.getByLabel(/长辈模式/)]) {
        await expect(part, `${path} at ${width}px`).toBeVisible();
        const box = (await part.boundingBox())!;
        expect(box.y, `${path} at ${width}px`).toBeGreaterThanOrEqual(header.y);
        expect(box.y + box.height, `${path} at ${width}px`).toBeLessThanOrEqual(header.y + header.height + 1);
      }
      expect(header.y + header.height, path).toBeLessThan(width > 400 ? 160 : 320);
    }
  }
});
