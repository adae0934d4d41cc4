/**
 * node scripts/bench/page-weights.ts [base URL, default http://localhost:4321]
 *
 * What a first visit costs on the wire, against a running server (`npm run serve`): for the home page,
 * a task page, a published message and the search page's first search (道路), the document alone (as
 * `curl -H 'Accept-Encoding: br, gzip'` counts it: the bytes of the body as sent) and the whole load in
 * Chromium with an empty cache (every request's body as sent, headers left out). The search also lists
 * the Pagefind files it fetched, each measured the same way. Printed, never asserted: the README's
 * Measured section keeps the figures, before and after a change to serving.
 */
import { request as httpRequest } from 'node:http';
import { chromium, type Page } from '@playwright/test';

const base = (process.argv[2] ?? 'http://localhost:4321').replace(/\/$/, '');

/** The body's bytes as sent, encoded, like curl's size_download without --compressed. */
function bytesOnWire(url: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { 'Accept-Encoding': 'br, gzip' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ bytes, encoding: String(res.headers['content-encoding'] ?? 'identity') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

interface Load {
  requests: number;
  bytes: number;
  urls: string[];
}

/** Loads a page in a fresh context (empty cache) and sums the encoded bodies of every response. */
async function load(path: string, ready: (page: Page) => Promise<unknown>): Promise<Load> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const finished: Promise<number>[] = [];
    const urls: string[] = [];
    page.on('requestfinished', (request) => {
      urls.push(request.url());
      finished.push(request.sizes().then((sizes) => sizes.responseBodySize));
    });
    await page.goto(`${base}${path}`, { waitUntil: 'load' });
    await ready(page);
    await page.waitForLoadState('networkidle');
    const sizes = await Promise.all(finished);
    return { requests: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0), urls };
  } finally {
    await browser.close();
  }
}

async function firstLink(path: string, pattern: RegExp): Promise<string> {
  const html = await (await fetch(`${base}${path}`)).text();
  const found = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!).find((href) => pattern.test(href));
  if (!found) throw new Error(`${path} 中没有匹配 ${pattern} 的链接`);
  return found;
}

const task = await firstLink('/tasks/', /^\/tasks\/[A-Z]{2}-\d{4}-\d{3}\/$/);
const message = await firstLink('/messages/', /^\/messages\/LY\d{8}-\d{4}\/$/);
const pages: { name: string; path: string; ready: (page: Page) => Promise<unknown> }[] = [
  { name: '首页', path: '/', ready: async () => undefined },
  { name: `任务 ${task}`, path: task, ready: async () => undefined },
  { name: `留言 ${message}`, path: message, ready: async () => undefined },
  {
    name: '搜索「道路」',
    path: `/search/?q=${encodeURIComponent('道路')}`,
    ready: (page) => page.locator('[data-results] li').first().waitFor({ timeout: 15_000 }),
  },
];

console.log(`${base}\n`);
console.log('| page | document (br, gzip) | whole first load in Chromium |');
console.log('| --- | --- | --- |');
let search: Load | undefined;
for (const { name, path, ready } of pages) {
  const doc = await bytesOnWire(`${base}${path}`);
  const whole = await load(path, ready);
  if (name.startsWith('搜索')) search = whole;
  console.log(`| ${name} | ${doc.bytes.toLocaleString('en')} B (${doc.encoding}) | ${whole.bytes.toLocaleString('en')} B in ${whole.requests} requests |`);
}
if (search) {
  const files = search.urls.filter((url) => new URL(url).pathname.startsWith('/pagefind/'));
  let total = 0;
  console.log('\nPagefind files of the first search:');
  for (const url of files) {
    const { bytes, encoding } = await bytesOnWire(url);
    total += bytes;
    console.log(`  ${new URL(url).pathname}  ${bytes.toLocaleString('en')} B (${encoding})`);
  }
  console.log(`  together: ${total.toLocaleString('en')} B in ${files.length} files`);
}
