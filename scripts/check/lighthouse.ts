/**
 * npm run check:lighthouse: Lighthouse's mobile audit (simulated slow 4G, and the CPU slowed to a
 * phone's: lighthouse-budgets.ts `cpuSlowdownFor`, from the host's recent speed by Lighthouse's own benchmark) on
 * the pages most visitors meet, served by `npm run serve` over a demo store. Each page is audited three
 * times and judged by its median run (by performance score, since single runs vary), against:
 * every category ≥ 95, cumulative layout shift ≤ 0.05, total blocking time ≤ 150 ms and script
 * ≤ 60 KB as sent (compressed). A failure names the page, the audit and the figure. Every report is
 * kept as JSON in reports/lighthouse/, beside summary.md, the table printed at the end.
 * Build first: npm run build:test. LIGHTHOUSE_RUNS sets the runs per page (default 3; a page whose median misses a
 * budget is measured twice more and judged by the median of all its runs); LIGHTHOUSE_PAGES=<text>
 * audits only the pages whose name or path contains it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import type { Result } from 'lighthouse';
import { pageFunctions } from 'lighthouse/core/lib/page-functions.js';
import puppeteer, { type Browser } from 'puppeteer-core';
import { median } from '../bench/scaling.ts';
import { builtSite, samplePages, startDemoSite } from './demo-site.ts';
import { budgetFailures, cpuSlowdownFor, medianRun, PHONE_BENCHMARK_INDEX, summaryOf, type PageSummary } from './lighthouse-budgets.ts';

const root = join(import.meta.dirname, '..', '..');
const PORT = Number(process.env.CHECK_PORT ?? 4392);
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const EXTRA_RUNS = 2;
const reports = join(root, 'reports', 'lighthouse');
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

interface Audited {
  name: string;
  path: string;
  /** 长辈模式 switched on before the audit, as a reader who chose it would arrive. */
  elder?: boolean;
}

/**
 * The host's benchmark index as measured lately: three measures before the first run, then the one
 * Lighthouse takes in every run (recorded in its report). One measure alone swings by a third (2,400
 * to 4,000 within a minute on an idle machine); the median of the last few follows a host that slows
 * down, a run behind, without letting one unlucky measure set a run's slowdown.
 */
const hostIndexes: number[] = [];
const RECENT_MEASURES = 6;
const hostIndex = () => median(hostIndexes.slice(-RECENT_MEASURES));

/** Lighthouse's own benchmark (half a second of work twice) in a blank tab. */
async function measureHost(browser: Browser): Promise<number> {
  const tab = await browser.newPage();
  try {
    return await tab.evaluate(pageFunctions.computeBenchmarkIndex);
  } finally {
    await tab.close();
  }
}

async function audit(browser: Browser, url: string, page: Audited): Promise<Result> {
  const tab = await browser.newPage();
  try {
    // Set in each new document before its own scripts run, after Lighthouse has cleared storage and cache.
    if (page.elder) await tab.evaluateOnNewDocument(() => localStorage.setItem('duban-elder', '1'));
    // The full-page screenshot and the back/forward-cache test take about a third of each run and feed no budget.
    const result = await lighthouse(
      url + page.path,
      {
        output: 'json',
        logLevel: 'error',
        skipAudits: ['bf-cache'],
        disableFullPageScreenshot: true,
        throttling: { cpuSlowdownMultiplier: cpuSlowdownFor(hostIndex()) },
      },
      undefined,
      tab,
    );
    if (!result) throw new Error(`Lighthouse 没有结果：${page.path}`);
    if (Number.isFinite(result.lhr.environment.benchmarkIndex)) hostIndexes.push(result.lhr.environment.benchmarkIndex);
    return result.lhr;
  } finally {
    await tab.close();
  }
}

const client = builtSite();
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const server = await startDemoSite(PORT);
const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS });
const summaries: PageSummary[] = [];
try {
  for (let i = 0; i < 3; i += 1) hostIndexes.push(await measureHost(browser));
  const samples = await samplePages(client, server.url);
  const pages: Audited[] = [
    { name: '首页', path: '/' },
    { name: '公示栏', path: '/tasks/' },
    { name: '责任单位', path: '/units/' },
    { name: '曝光台', path: '/exposures/' },
    { name: '督查通报', path: '/bulletins/' },
    { name: '月排位', path: '/ranking/' },
    { name: '任务', path: samples.task },
    { name: '曝光案例', path: samples.exposure },
    { name: '通报', path: samples.bulletin },
    { name: '搜索结果', path: `/search/?q=${encodeURIComponent('道路')}` },
    { name: '我要留言', path: '/messages/new' },
    { name: '留言统计', path: '/messages/stats' },
    { name: '留言公开', path: '/messages/' },
    { name: '一条留言', path: samples.message },
    { name: '长辈模式首页', path: '/', elder: true },
  ];
  // LIGHTHOUSE_PAGES=搜索 audits only the pages whose name or path contains it (to look into one finding).
  const only = process.env.LIGHTHOUSE_PAGES;
  for (const [index, page] of pages.filter((p) => !only || p.name.includes(only) || p.path.includes(only)).entries()) {
    const runs: Result[] = [];
    const measure = async (count: number) => {
      for (let i = 0; i < count; i += 1) {
        const lhr = await audit(browser, server.url, page);
        writeFileSync(join(reports, `${String(index + 1).padStart(2, '0')}-run${runs.length + 1}.json`), JSON.stringify(lhr));
        runs.push(lhr);
      }
      return summaryOf(page.name, page.path, medianRun(runs), runs);
    };
    let summary = await measure(RUNS);
    // A single noisy run can set the median of three (a busy machine, a slow disk): a page whose median misses a budget
    // is measured twice more, and judged by the median of all its runs. A page that is really over stays over.
    if (budgetFailures(summary).length > 0 && EXTRA_RUNS > 0) {
      console.log(`${page.name} ${page.path}：${RUNS} 次的中位数未达标（${budgetFailures(summary).join('；')}），再测 ${EXTRA_RUNS} 次`);
      summary = await measure(EXTRA_RUNS);
    }
    summaries.push(summary);
    console.log(
      `${page.name} ${page.path}：性能 ${summary.performance}（${summary.performanceRuns.join('/')}），本机基准 ${Math.round(summary.benchmarkIndex)}，CPU 减速 ${summary.cpuSlowdown}×`,
    );
  }
} finally {
  await browser.close();
  await server.kill('SIGTERM');
}

const failures = summaries.flatMap(budgetFailures);
const table = [
  '| 页面 | 地址 | 性能（中位数） | 无障碍 | 最佳做法 | SEO | CLS | TBT | 脚本 KB | 本机基准 | CPU 减速 |',
  '| --- | --- | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
  ...summaries.map(
    (s) =>
      `| ${s.name} | \`${s.path}\` | ${s.performance} | ${s.accessibility} | ${s.bestPractices} | ${s.seo} | ${s.cls.toFixed(3)} | ${Math.round(s.tbtMs)} ms | ${s.scriptKb.toFixed(1)} | ${Math.round(s.benchmarkIndex)} | ${s.cpuSlowdown}× |`,
  ),
].join('\n');
writeFileSync(join(reports, 'summary.md'), `${table}\n`);
console.log(`\n${table}\n`);
console.log(
  `模拟的手机：Lighthouse 基准 ${PHONE_BENCHMARK_INDEX}；每次测量按此前最近 ${RECENT_MEASURES} 次测得的本机基准（中位数）设定 CPU 减速倍数（本机 ÷ ${PHONE_BENCHMARK_INDEX}，至少 1×）。`,
);
const slowHost = summaries.filter((s) => s.cpuSlowdown <= 1);
if (slowHost.length) console.warn(`注意：${slowHost.map((s) => s.name).join('、')} 测量时本机比模拟的手机还慢（不再减速），这些页面的数字比在那部手机上更差。`);
for (const failure of failures) console.error(`✗ ${failure}`);
console.log(failures.length ? `Lighthouse：${failures.length} 项未达标。` : `Lighthouse：${summaries.length} 个页面全部达标。报告在 reports/lighthouse/。`);
process.exit(failures.length ? 1 : 0);
