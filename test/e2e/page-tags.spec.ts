import { expect, test, type Page } from '@playwright/test';

/**
 * The served message pages carry the same tags as the built ones: a description, Open Graph, the site
 * and column tags, and on a published message the article tags, dated by its answer.
 */

/** Every `<meta>` in the head, by name or property. */
async function metaTags(page: Page): Promise<Record<string, string[]>> {
  return page.locator('head meta[content]').evaluateAll((metas) => {
    const tags: Record<string, string[]> = {};
    for (const m of metas) {
      const key = m.getAttribute('name') ?? m.getAttribute('property');
      if (key) (tags[key] ??= []).push(m.getAttribute('content') ?? '');
    }
    return tags;
  });
}

function expectPageTags(tags: Record<string, string[]>, ogType: 'website' | 'article') {
  for (const key of ['description', 'og:title', 'og:description', 'og:site_name', 'og:url', 'SiteName', 'SiteDomain', 'SiteIDCode']) {
    expect(tags[key], key).toHaveLength(1);
    expect(tags[key]![0]!.trim(), key).not.toBe('');
  }
  expect(tags['og:description']).toEqual(tags.description);
  expect(tags['og:type']).toEqual([ogType]);
  expect(tags['og:locale']).toEqual(['zh_CN']);
  expect(tags['og:site_name']).toEqual(tags.SiteName);
  expect(tags.SiteDomain).toEqual([new URL(tags['og:url']![0]!).hostname]);
  expect(tags.ColumnName).toEqual(['网民留言']);
  expect(tags.ColumnType).toEqual(['互动交流']);
  expect(tags.ColumnDescription?.[0]).toBeTruthy();
  expect(tags.ColumnKeywords?.[0]).toBeTruthy();
}

test('the message board has a description with its count, Open Graph and the tags, and no article tags', async ({ page }) => {
  await page.goto('/messages/');
  const tags = await metaTags(page);
  expectPageTags(tags, 'website');
  expect(tags.description![0]).toMatch(/共 \d+ 条/);
  expect(new URL(tags['og:url']![0]!).pathname).toBe('/messages/');
  expect(tags.ArticleTitle).toBeUndefined();
});

test('a published message carries its title, the minute it was answered and the unit that answered', async ({ page }) => {
  await page.goto('/messages/');
  await page.locator('.message-list h3 a').first().click();
  await expect(page).toHaveURL(/\/messages\/LY[\d-]+\/$/);
  const tags = await metaTags(page);
  expectPageTags(tags, 'article');
  const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  const unit = (await page.locator('dt:text-is("承办单位") + dd').textContent())!.trim();
  const repliedAt = await page.locator('p.as-of time').first().getAttribute('datetime');
  const beijing = new Date(Date.parse(repliedAt!) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  expect(tags.ArticleTitle).toEqual([title]);
  expect(tags.ContentSource).toEqual([unit]);
  expect(tags.PubDate).toEqual([beijing]);
  expect(tags.description![0]).toContain(title.slice(0, 8));
  expect(new URL(tags['og:url']![0]!).pathname).toBe(new URL(page.url()).pathname);
});
