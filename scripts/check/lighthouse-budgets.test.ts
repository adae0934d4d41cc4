import type { Result } from 'lighthouse';
import { describe, expect, it } from 'vitest';
import { BUDGETS, budgetFailures, cpuSlowdownFor, medianRun, PHONE_BENCHMARK_INDEX, summaryOf } from './lighthouse-budgets';

/** The parts of a Lighthouse report the check reads. */
function report(performance: number, { cls = 0.01, tbt = 40, scriptBytes = 20_000, seo = 1 } = {}): Result {
  return {
    categories: {
      performance: { score: performance },
      accessibility: { score: 1 },
      'best-practices': { score: 1 },
      seo: { score: seo },
    },
    audits: {
      'cumulative-layout-shift': { numericValue: cls },
      'total-blocking-time': { numericValue: tbt },
      'resource-summary': {
        details: {
          items: [
            { resourceType: 'script', transferSize: scriptBytes },
            { resourceType: 'total', transferSize: 90_000 },
          ],
        },
      },
    },
  } as unknown as Result;
}

describe('the median run', () => {
  it('is the middle run by performance score, whatever the order of the runs', () => {
    const runs = [report(0.99, { tbt: 10 }), report(0.88, { tbt: 400 }), report(0.96, { tbt: 90 })];
    const median = medianRun(runs);
    expect(median.categories.performance!.score).toBe(0.96);
    expect(summaryOf('首页', '/', median, runs)).toMatchObject({ performance: 96, performanceRuns: [99, 88, 96], tbtMs: 90 });
  });
  it('is the lower middle for an even number of runs, and the run itself for one', () => {
    expect(medianRun([report(0.97), report(0.9)]).categories.performance!.score).toBe(0.9);
    expect(medianRun([report(0.93)]).categories.performance!.score).toBe(0.93);
  });
});

describe('the budgets', () => {
  it('pass a page that meets them all, at the limits themselves', () => {
    const lhr = report(BUDGETS.minScore / 100, { cls: BUDGETS.maxCls, tbt: BUDGETS.maxTbtMs, scriptBytes: BUDGETS.maxScriptKb * 1024 });
    expect(budgetFailures(summaryOf('任务', '/tasks/MS-2026-001/', lhr, [lhr]))).toEqual([]);
  });
  it('name the page, the audit and the figure of each budget missed', () => {
    const lhr = report(0.94, { cls: 0.225, tbt: 390, scriptBytes: 160 * 1024, seo: 0.91 });
    const failures = budgetFailures(summaryOf('公示栏', '/tasks/', lhr, [lhr]));
    expect(failures).toEqual([
      '公示栏（/tasks/）：性能 94 分，低于 95',
      '公示栏（/tasks/）：SEO 91 分，低于 95',
      '公示栏（/tasks/）：累积布局偏移（CLS）0.225，超过 0.05',
      '公示栏（/tasks/）：总阻塞时间（TBT）390 ms，超过 150 ms',
      '公示栏（/tasks/）：脚本 160.0 KB（压缩后），超过 60 KB',
    ]);
  });
  it('fail a figure the report lacks rather than pass it', () => {
    const lhr = report(1);
    delete (lhr.audits as Record<string, unknown>)['cumulative-layout-shift'];
    expect(budgetFailures(summaryOf('首页', '/', lhr, [lhr]))).toEqual(['首页（/）：累积布局偏移（CLS）NaN，超过 0.05']);
  });
});

describe('the emulated phone', () => {
  it('is the same phone on a fast host and a slow one: the slowdown follows the host’s benchmark index', () => {
    expect(cpuSlowdownFor(PHONE_BENCHMARK_INDEX * 4)).toBe(4);
    expect(cpuSlowdownFor(3_500)).toBeCloseTo(3.89, 2);
    // A host three times slower than usual (as in CI on 2026-11-29) is slowed three times less.
    expect(cpuSlowdownFor(1_200)).toBeCloseTo(1.33, 2);
    for (const index of [1_000, 2_000, 3_000, 4_000]) expect(index / cpuSlowdownFor(index)).toBeCloseTo(PHONE_BENCHMARK_INDEX, -1);
  });
  it('never speeds a host up: one slower than the phone is used as it is', () => {
    expect(cpuSlowdownFor(PHONE_BENCHMARK_INDEX)).toBe(1);
    expect(cpuSlowdownFor(300)).toBe(1);
  });
  it('falls back to Lighthouse’s own 4 × when the host could not be measured', () => {
    for (const index of [Number.NaN, 0, -5, Number.POSITIVE_INFINITY]) expect(cpuSlowdownFor(index)).toBe(4);
  });
  it('is read back from each report beside the figures it produced', () => {
    const lhr = { ...report(0.99), environment: { benchmarkIndex: 2_700 }, configSettings: { throttling: { cpuSlowdownMultiplier: 3 } } } as unknown as Result;
    expect(summaryOf('首页', '/', lhr, [lhr])).toMatchObject({ benchmarkIndex: 2_700, cpuSlowdown: 3 });
  });
});
