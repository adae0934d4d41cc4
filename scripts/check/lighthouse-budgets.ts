/**
 * What check:lighthouse holds each page to, and how it reads a page's runs: the median run by
 * performance score stands for the page (single runs vary); its other figures come from that run.
 */
import type { Result } from 'lighthouse';

export const BUDGETS = {
  /** Each of the four categories, as Lighthouse's 0–100 score. */
  minScore: 95,
  maxCls: 0.05,
  maxTbtMs: 150,
  /** Script as sent over the wire (compressed), in KB of 1,024 bytes. */
  maxScriptKb: 60,
} as const;

export interface PageSummary {
  name: string;
  path: string;
  performance: number;
  performanceRuns: number[];
  accessibility: number;
  bestPractices: number;
  seo: number;
  cls: number;
  tbtMs: number;
  scriptKb: number;
}

const score = (lhr: Result, category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);

/** The run whose performance score is the median (the lower middle for an even count). */
export function medianRun(runs: readonly Result[]): Result {
  if (runs.length === 0) throw new Error('no runs');
  const sorted = [...runs].sort((a, b) => score(a, 'performance') - score(b, 'performance'));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function scriptBytes(lhr: Result): number {
  const items = (lhr.audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? [];
  return items.find((i) => i.resourceType === 'script')?.transferSize ?? 0;
}

export function summaryOf(name: string, path: string, median: Result, runs: readonly Result[]): PageSummary {
  return {
    name,
    path,
    performance: score(median, 'performance'),
    performanceRuns: runs.map((r) => score(r, 'performance')),
    accessibility: score(median, 'accessibility'),
    bestPractices: score(median, 'best-practices'),
    seo: score(median, 'seo'),
    cls: median.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
    tbtMs: median.audits['total-blocking-time']?.numericValue ?? Number.NaN,
    scriptKb: scriptBytes(median) / 1024,
  };
}

/** Each budget the page misses, naming the page, the audit and the figure. */
export function budgetFailures(page: PageSummary): string[] {
  const where = `${page.name}（${page.path}）`;
  const failures: string[] = [];
  const categories = [
    ['性能', page.performance],
    ['无障碍', page.accessibility],
    ['最佳做法', page.bestPractices],
    ['SEO', page.seo],
  ] as const;
  for (const [label, value] of categories) if (!(value >= BUDGETS.minScore)) failures.push(`${where}：${label} ${value} 分，低于 ${BUDGETS.minScore}`);
  if (!(page.cls <= BUDGETS.maxCls)) failures.push(`${where}：累积布局偏移（CLS）${page.cls.toFixed(3)}，超过 ${BUDGETS.maxCls}`);
  if (!(page.tbtMs <= BUDGETS.maxTbtMs)) failures.push(`${where}：总阻塞时间（TBT）${Math.round(page.tbtMs)} ms，超过 ${BUDGETS.maxTbtMs} ms`);
  if (!(page.scriptKb <= BUDGETS.maxScriptKb)) failures.push(`${where}：脚本 ${page.scriptKb.toFixed(1)} KB（压缩后），超过 ${BUDGETS.maxScriptKb} KB`);
  return failures;
}
