/**
 * npm run check:html: the W3C Nu HTML Checker (vnu.jar from npm, run by the system's Java) over every
 * built page and over the pages the Node server renders on demand, as a demo store serves them: the
 * reply board and its search, the form and its error and receipt pages, tracking, statistics, a
 * published message, re-sending a code, a missing message, and the console's sign-in, home, a queue
 * and a message. Any error fails the check, named by page, line and the checker's words.
 * Build first: npm run build:test.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { builtSite, samplePages, staffCookie, startDemoSite, submittedMessage } from './demo-site.ts';
import { solvedProof } from '../../test/e2e/spawn-server.ts';

const root = join(import.meta.dirname, '..', '..');
const vnuJar = join(createRequire(import.meta.url).resolve('vnu-jar/package.json'), '..', 'build', 'dist', 'vnu.jar');
const PORT = Number(process.env.CHECK_PORT ?? 4391);

if (spawnSync('java', ['-version']).error) {
  console.error('找不到 Java：Nu HTML Checker 需要它（Debian：apt-get install -y default-jre-headless）。');
  process.exit(1);
}
const client = builtSite();
const servedDir = join(root, 'node_modules', '.check-html');
rmSync(servedDir, { recursive: true, force: true });
mkdirSync(servedDir, { recursive: true });

const server = await startDemoSite(PORT);
const served = new Map<string, string>(); // saved file → what was asked for
try {
  const url = server.url;
  const samples = await samplePages(client, url);
  const mine = await submittedMessage(url);
  const cookie = await staffCookie(url);
  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: url },
    body: new URLSearchParams(fields),
  });
  const requests: [string, string, RequestInit?][] = [
    ['GET /messages/', '/messages/'],
    ['GET /messages/?q=路灯', '/messages/?q=路灯'],
    ['GET /messages/new', '/messages/new'],
    ['POST /messages/new (errors)', '/messages/new', form({ title: '', content: '太短', phone: '１２３' })],
    [
      'POST /messages/new (receipt)',
      '/messages/new',
      form({
        type: 'consultation',
        title: '咨询社区食堂的开放时间',
        content: '请问望澜街道社区食堂周末是否营业，老年人就餐有没有优惠？',
        phone: '１３８００００１２３４',
        altcha: await solvedProof(url),
      }),
    ],
    ['GET /messages/track', '/messages/track'],
    ['POST /messages/track', '/messages/track', form({ number: mine.number, code: mine.code })],
    ['GET /messages/stats', '/messages/stats'],
    [`GET ${samples.message}`, samples.message],
    ['GET /messages/resend-code', '/messages/resend-code'],
    ['GET /messages/LY00000000-0000 (missing)', '/messages/LY00000000-0000'],
    ['GET /console/sign-in', '/console/sign-in'],
    ['GET /console/ (signed in)', '/console/', { headers: { cookie } }],
    ['GET /console/queues/submitted (signed in)', '/console/queues/submitted', { headers: { cookie } }],
    [`GET /console/messages/${mine.number} (signed in)`, `/console/messages/${mine.number}`, { headers: { cookie } }],
  ];
  for (const [name, path, init] of requests) {
    const response = await fetch(url + path, { redirect: 'manual', ...init });
    const type = response.headers.get('content-type') ?? '';
    if (!type.startsWith('text/html')) throw new Error(`${name}：应返回网页，却是 ${response.status} ${type}`);
    const file = join(servedDir, `${served.size + 1}.html`);
    writeFileSync(file, await response.text());
    served.set(file, `${name}（${response.status}）`);
  }
} finally {
  await server.kill('SIGTERM');
}

const run = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', '--skip-non-html', client, servedDir], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
const report = JSON.parse(run.stderr || run.stdout || '{"messages":[]}') as {
  messages: { type: string; url: string; lastLine?: number; message: string; extract?: string }[];
};
const errors = report.messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
const pageName = (fileUrl: string) => {
  const path = decodeURI(fileUrl.replace(/^file:/, ''));
  return served.get(path) ?? `/${relative(client, path).replace(/index\.html$/, '')}`;
};
const builtCount = spawnSync('find', [client, '-name', '*.html'], { encoding: 'utf8' }).stdout.trim().split('\n').length;
for (const e of errors)
  console.error(`✗ ${pageName(e.url)} 第 ${e.lastLine ?? '?'} 行：${e.message}${e.extract ? `\n    ${e.extract.trim().slice(0, 160)}` : ''}`);
console.log(`Nu HTML Checker：构建页面 ${builtCount} 个、服务器页面 ${served.size} 个，错误 ${errors.length} 处。`);
if (run.status !== 0 && errors.length === 0) {
  console.error(`检查器异常退出（${run.status}）：${run.stderr.slice(0, 500)}`);
  process.exit(1);
}
process.exit(errors.length ? 1 : 0);
