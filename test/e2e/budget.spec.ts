/**
 * Content pages must arrive in the first round trip: HTML plus CSS ≤ 14,600 bytes gzip, no script file,
 * and no inline script beyond the one < 1 KB snippet that restores 长辈模式.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { siteDir } from './helpers';

const BUDGET = 14_600;

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
      expect(inline.length, file).toBeLessThanOrEqual(1);
      for (const script of inline) expect(Buffer.byteLength(script), file).toBeLessThan(1024);
    }
    test.info().annotations.push({ type: 'largest', description: `${largest} bytes gzip` });
  });
}
