/**
 * 通报编号: a bulletin's number names its series, year and place in it — 督查通报〔2026〕第3期. Each
 * series is numbered on its own from 第1期 every year (督查通报 for monthly, special and ranking
 * bulletins; 表扬通报, 批评通报, 工作提示 each by themselves), so the list explains the numbering
 * rather than leaving readers to wonder about gaps, and names any number it does not carry.
 */

export interface BulletinNumber {
  series: string;
  year: string;
  issue: number;
}

const NUMBER = /^(.+?)〔(\d{4})〕第(\d+)期$/u;

/** The parts of a bulletin number, or null when it is not written as 名称〔年份〕第N期. */
export function parseBulletinNumber(number: string): BulletinNumber | null {
  const match = NUMBER.exec(number.trim());
  return match ? { series: match[1]!, year: match[2]!, issue: Number(match[3]) } : null;
}

export interface SeriesSummary {
  series: string;
  count: number;
  first: number;
  last: number;
  /** Numbers between the first and last that no bulletin on the site carries. */
  missing: number[];
}

/** One year's series, most issues first (then by name), with the numbers each leaves out. */
export function seriesOfYear(numbers: readonly string[], year: string): SeriesSummary[] {
  const bySeries = new Map<string, Set<number>>();
  for (const parsed of numbers.map(parseBulletinNumber)) {
    if (!parsed || parsed.year !== year) continue;
    const issues = bySeries.get(parsed.series) ?? new Set<number>();
    issues.add(parsed.issue);
    bySeries.set(parsed.series, issues);
  }
  return [...bySeries]
    .map(([series, issues]) => {
      const sorted = [...issues].sort((a, b) => a - b);
      const first = 1;
      const last = sorted.at(-1)!;
      const missing: number[] = [];
      for (let n = first; n <= last; n += 1) if (!issues.has(n)) missing.push(n);
      return { series, count: sorted.length, first, last, missing };
    })
    .sort((a, b) => b.count - a.count || a.series.localeCompare(b.series, 'zh'));
}

/** The year's numbering in one sentence for the list page. */
export function numberingSentence(year: string, series: readonly SeriesSummary[]): string {
  if (series.length === 0) return '';
  const parts = series.map((s) => {
    const range = s.last === 1 ? '第1期' : `第1—${s.last}期`;
    const gaps = s.missing.length ? `，本站未收录第${s.missing.join('、')}期` : '';
    return `${s.series} ${s.count} 期（${range}${gaps}）`;
  });
  const separately = series.length > 1 ? '；各类通报分别编号，每年从第1期编起' : '';
  return `${year}年：${parts.join('，')}${separately}。`;
}
