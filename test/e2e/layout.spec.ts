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
