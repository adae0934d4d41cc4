/**
 * The README's screenshots, at desktop and at phone width, taken from a running site with the same
 * Chromium as the browser tests (CHROMIUM_PATH, default /usr/bin/chromium):
 *
 *   npm run build:test && npm run serve      # or npm start
 *   node scripts/screenshots.ts [http://localhost:4321]
 *
 * Phone shots are the first screen a citizen sees at 390 × 844. One device pixel per CSS pixel and a
 * 256-colour palette (sharp, which Astro installs; skipped if absent) keep the PNGs small.
 * Writes docs/screenshot*.png.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';

const sharp = await import('sharp').then(
  (m) => m.default,
  () => undefined,
);

const base = process.argv[2] ?? 'http://localhost:4321';
const docs = join(import.meta.dirname, '..', 'docs');
const PHONE = { width: 390, height: 844 };

interface Shot {
  file: string;
  path: string;
  viewport: { width: number; height: number };
  /** Scroll this element to the top of the window first. */
  scrollTo?: string;
}

const SHOTS: readonly Shot[] = [
  { file: 'screenshot.png', path: '/', viewport: { width: 1200, height: 1000 } },
  { file: 'screenshot-phone.png', path: '/', viewport: PHONE },
  { file: 'screenshot-tasks-phone.png', path: '/tasks/warning/red/by-deadline/', viewport: PHONE, scrollTo: 'main table' },
  { file: 'screenshot-messages-phone.png', path: '/messages/', viewport: PHONE },
  { file: 'screenshot-supervision.png', path: '/supervision/s-2026-003/', viewport: { width: 1200, height: 900 } },
];

async function take(page: Page, shot: Shot): Promise<void> {
  await page.setViewportSize(shot.viewport);
  await page.goto(new URL(shot.path, base).href);
  await page.waitForLoadState('networkidle');
  if (shot.scrollTo)
    await page
      .locator(shot.scrollTo)
      .first()
      .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8));
  const png = await page.screenshot();
  await writeFile(join(docs, shot.file), sharp ? await sharp(png).png({ palette: true, compressionLevel: 9, effort: 10 }).toBuffer() : png);
  console.log(`docs/${shot.file}  ${shot.viewport.width} × ${shot.viewport.height}  ${shot.path}`);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const shot of SHOTS) await take(page, shot);
} finally {
  await browser.close();
}
