/**
 * Content pages must arrive in the first round trip: HTML plus CSS ≤ 14,600 bytes gzip, no script file,
 * and no inline script but the few small ones listed in INLINE_SCRIPTS, each at most once and under its size.
 * Pages with scripts send at most 60 KB of them, compressed, whatever the reader scrolls to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { siteDir } from './helpers';

const BUDGET = 14_600;

/** The inline scripts a content page may carry, each known by a word in it, with its size limit in bytes. */
const INLINE_SCRIPTS = [
  { name: 'the 长辈模式 snippet (Base.astro)', word: 'duban-elder', limit: 1024 },
  { name: 'the mark of a page whose scripts will run (Base.astro)', word: "classList.add('js')", limit: 256 },
  { name: '朗读 on articles (ReadAloud.astro)', word: 'speechSynthesis', limit: 4096 },
];

function pagesUnder(folder: string): string[] {
  return readdirSync(join(siteDir, folder), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(siteDir, folder, d.name, 'index.html'));
}

for (const folder of ['tasks', 'units', 'exposures', 'bulletins']) {
  test(`every ${folder} page fits the first round trip and ships no script file`, () => {
    const files = pagesUnder(folder).filter(
      (f) => !/\/(tasks|exposures|bulletins)\/(ledger|category|unit|status|warning|by-deadline|problem|kind|year|page)\//.test(f),
    );
    expect(files.length).toBeGreaterThan(10);
    let largest = 0;
    for (const file of files) {
      const html = readFileSync(file, 'utf8');
      const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => readFileSync(join(siteDir, m[1]!), 'utf8')).join('');
      const size = gzipSync(html, { level: 9 }).length + gzipSync(css, { level: 9 }).length;
      largest = Math.max(largest, size);
      expect(size, file).toBeLessThanOrEqual(BUDGET);
      expect(html, file).not.toMatch(/<script[^>]+src=/);
      const inline = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      const known = inline.map((script) => INLINE_SCRIPTS.find((k) => script.includes(k.word)));
      inline.forEach((script, i) => {
        expect(known[i], `${file}: an inline script that is none of INLINE_SCRIPTS: ${script.slice(0, 80)}`).toBeDefined();
        expect(Buffer.byteLength(script), `${file}: ${known[i]!.name}`).toBeLessThan(known[i]!.limit);
      });
      expect(new Set(known).size, `${file}: an inline script twice`).toBe(inline.length);
    }
    test.info().annotations.push({ type: 'largest', description: `${largest} bytes gzip` });
  });
}

/** Issue 16: no page ships more than 60 KB of script as sent (compressed), counting what loads as the reader scrolls. */
const SCRIPT_BUDGET = 60 * 1024;

for (const path of ['/', '/tasks/', '/search/?q=道路', '/messages/', '/messages/new', '/messages/stats']) {
  test(`${path} ships at most 60 KB of compressed script, charts included`, async ({ page }) => {
    const scripts: Promise<number>[] = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.sizes().then((s) => s.responseBodySize));
    });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(path, { waitUntil: 'networkidle' });
    // Charts start watching for the reader after load, at the browser's first idle moment; scroll after it.
    await page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(null))));
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y < height; y += 700) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(100);
    }
    await page.waitForLoadState('networkidle');
    await expect(page.locator('chart-table canvas')).toHaveCount(await page.locator('chart-table').count());
    const sent = (await Promise.all(scripts)).reduce((sum, n) => sum + n, 0);
    test.info().annotations.push({ type: 'script', description: `${(sent / 1024).toFixed(1)} KB compressed` });
    expect(sent).toBeLessThanOrEqual(SCRIPT_BUDGET);
    if (path === '/' || path === '/messages/stats') expect(sent, 'the chart code was counted').toBeGreaterThan(30 * 1024);
  });
}
