import { describe, expect, it } from 'vitest';
import { explainTotal, rankMonth } from './ranking.ts';
import { timeliness, type Node } from './timeliness.ts';
import type { ScoringSettings } from '../content/schemas.ts';
import { reportDeductions } from './report-deductions.ts';
import { buildCalendar } from '../calendar/working-days.ts';
import { year2026 } from '../calendar/year-2026.fixture.ts';
import type { SupervisionRecord } from '../supervision/status.ts';

const scoring: ScoringSettings = {
  timelinessWeight: 0.3,
  qualityWeight: 0.7,
  minNodesToRank: 2,
  redListSize: 1,
  blackListSize: 1,
  reportLatePoints: 1,
  reportMissingPoints: 3,
};
const node = (unit: string, due: string, done?: string, name = '节点'): Node => ({ taskCode: `T-${unit}-${due}`, taskTitle: 't', unit, name, due, done });

describe('timeliness 时效分', () => {
  it('counts a node done on its due day as on time and one day late as missed', () => {
    const t = timeliness([node('a', '2026-10-10', '2026-10-10'), node('a', '2026-10-20', '2026-10-21')], '2026-10-01', '2026-10-31', '2026-11-23');
    expect(t.results.map((r) => r.outcome)).toEqual(['on_time', 'late']);
    expect(t.score).toBe(50);
  });

  it('carries an old overdue node into every month until it is done', () => {
    const old = node('a', '2026-08-31');
    expect(timeliness([old], '2026-10-01', '2026-10-31', '2026-11-23').results[0]!.outcome).toBe('carried_over');
    const fixed = node('a', '2026-08-31', '2026-09-15');
    expect(timeliness([fixed], '2026-10-01', '2026-10-31', '2026-11-23').counted).toBe(0);
  });

  it('does not count nodes not yet due on the as-of day', () => {
    const t = timeliness([node('a', '2026-11-25'), node('a', '2026-11-10', '2026-11-09')], '2026-11-01', '2026-11-30', '2026-11-23');
    expect(t.counted).toBe(1);
    expect(t.score).toBe(100);
  });

  it('ignores completions after the evaluation day', () => {
    const t = timeliness([node('a', '2026-10-10', '2026-11-02')], '2026-10-01', '2026-10-31', '2026-11-23');
    expect(t.results[0]!.outcome).toBe('overdue');
  });
});

describe('monthly ranking 月排位', () => {
  const nodes = [
    node('a', '2026-10-05', '2026-10-01'),
    node('a', '2026-10-25', '2026-10-20'),
    node('b', '2026-10-05', '2026-10-01'),
    node('b', '2026-10-25'),
    node('c', '2026-10-05', '2026-10-01'),
    node('c', '2026-10-25', '2026-10-25'),
    node('d', '2026-10-05', '2026-10-01'),
  ];
  const assessment = {
    month: '2026-10',
    assessor: '督查室',
    date: '2026-11-05',
    marks: [
      { unit: 'a', quality: 80 },
      { unit: 'b', quality: 90 },
      { unit: 'c', quality: 80 },
      { unit: 'd', quality: 99 },
    ],
    adjustments: [{ unit: 'b', points: -2, reason: '材料报送不及时' }],
  };

  it('weights timeliness 3 and quality 7, adds adjustments, and shows the sum', () => {
    const r = rankMonth({ month: '2026-10', asOf: '2026-11-23', unitIds: ['a', 'b', 'c', 'd'], nodes, assessment, scoring });
    const b = r.scores.find((s) => s.unit === 'b')!;
    expect(b.total).toBe(76); // 50 × 0.3 + 90 × 0.7 − 2
    expect(explainTotal(b, scoring)).toBe('时效分 50 × 0.3 + 质量分 90 × 0.7 − 加减分 2 = 76');
  });

  it('shares a rank on equal totals and lists a unit with too few nodes without ranking it', () => {
    const r = rankMonth({ month: '2026-10', asOf: '2026-11-23', unitIds: ['a', 'b', 'c', 'd'], nodes, assessment, scoring });
    expect(r.scores.map((s) => [s.unit, s.rank])).toEqual([
      ['a', 1],
      ['c', 1],
      ['b', 3],
      ['d', undefined],
    ]);
    expect(r.scores.at(-1)!.notRankedReason).toContain('少于 2 个');
    expect(r.redList.map((s) => s.unit)).toEqual(['a']);
    expect(r.blackList.map((s) => s.unit)).toEqual(['b']);
  });

  it('ranks nobody before the month is assessed, and says so', () => {
    const r = rankMonth({ month: '2026-10', asOf: '2026-11-23', unitIds: ['a'], nodes, assessment: undefined, scoring });
    expect(r.scores[0]!.rank).toBeUndefined();
    expect(r.scores[0]!.notRankedReason).toBe('本月质量分尚未评定');
    expect(r.redList).toEqual([]);
  });

  it('marks the current month as incomplete and evaluated on the as-of day', () => {
    const r = rankMonth({ month: '2026-11', asOf: '2026-11-23', unitIds: ['a'], nodes, assessment: undefined, scoring });
    expect(r.complete).toBe(false);
    expect(r.evaluatedOn).toBe('2026-11-23');
  });
});

describe('督办反馈扣分 in the monthly ranking', () => {
  const calendar = buildCalendar([year2026]);
  const order = (id: string, date: string, units: string[], reports: [string, string][] = [], closed?: string): SupervisionRecord => ({
    id,
    number: `督办〔2026〕第${id}号`,
    title: '督办单',
    kind: 'order',
    date,
    issuer: '督查室',
    foundBy: 'written',
    tasks: [],
    units,
    requirement: '书面反馈',
    reportWithinWorkingDays: 5,
    reports: reports.map(([unit, when]) => ({ unit, date: when, text: '已整改', attachments: [] })),
    ...(closed && { closed: { date: closed } }),
  });
  // Issued Thursday 24 September: 5 working days across 中秋 and 国庆 end on Friday 9 October.
  const records = [
    order('10', '2026-09-24', ['a'], [['a', '2026-10-13']]), // late: 10 October (调休) and 12, 13 October
    order('11', '2026-10-12', ['a', 'b'], [['a', '2026-10-16']]), // due 19 October: a on time, b never
    order('12', '2026-10-20', ['b'], [], '2026-10-23'), // closed before its limit (27 October): nothing
    order('13', '2026-09-01', ['c']), // due 8 September, never reported: counted again in October
    order('14', '2026-10-26', ['a']), // due 2 November: not October's business
  ];
  const october = () => reportDeductions(records, calendar, '2026-10-01', '2026-10-31', '2026-11-23', scoring);

  it('counts a late report, a missing one and one missing since an earlier month, each with its points', () => {
    expect(october().map((d) => [d.record, d.unit, d.due, d.outcome, d.workingDaysLate, d.points])).toEqual([
      ['督办〔2026〕第13号', 'c', '2026-09-08', 'carried_over', undefined, 3],
      ['督办〔2026〕第10号', 'a', '2026-10-09', 'late', 3, 1],
      ['督办〔2026〕第11号', 'b', '2026-10-19', 'missing', undefined, 3],
    ]);
  });

  it('leaves a report that came before the month alone, and counts nothing when the amounts are 0', () => {
    const november = reportDeductions(records, calendar, '2026-11-01', '2026-11-30', '2026-11-23', scoring);
    expect(november.map((d) => [d.record, d.unit, d.outcome])).toEqual([
      ['督办〔2026〕第13号', 'c', 'carried_over'],
      ['督办〔2026〕第11号', 'b', 'carried_over'],
      ['督办〔2026〕第14号', 'a', 'missing'],
    ]);
    expect(reportDeductions(records, calendar, '2026-10-01', '2026-10-31', '2026-11-23', { reportLatePoints: 0, reportMissingPoints: 0 })).toEqual([]);
  });

  it('does not count a limit on its own last day, which runs to 24:00', () => {
    // 督办〔2026〕第14号 is due on Monday 2 November.
    expect(reportDeductions(records, calendar, '2026-11-01', '2026-11-30', '2026-11-02', scoring).map((d) => d.record)).not.toContain('督办〔2026〕第14号');
    expect(reportDeductions(records, calendar, '2026-11-01', '2026-11-30', '2026-11-03', scoring).map((d) => d.record)).toContain('督办〔2026〕第14号');
  });

  it('counts a report missing at a month’s end as missing then, and as late in the month it comes, never as still missing', () => {
    // Due Friday 30 October; the report comes Monday 2 November, one working day late.
    const crossing = [order('20', '2026-10-23', ['e'], [['e', '2026-11-02']])];
    expect(reportDeductions(crossing, calendar, '2026-10-01', '2026-10-31', '2026-11-23', scoring).map((d) => [d.outcome, d.points])).toEqual([['missing', 3]]);
    expect(
      reportDeductions(crossing, calendar, '2026-11-01', '2026-11-30', '2026-11-23', scoring).map((d) => [d.outcome, d.workingDaysLate, d.points]),
    ).toEqual([['late', 1, 1]]);
    expect(reportDeductions(crossing, calendar, '2026-12-01', '2026-12-31', '2026-12-31', scoring)).toEqual([]);
  });

  it('agrees with the record on a report sent on the Saturday after a Friday limit: late by one working day', () => {
    const weekend = [order('21', '2026-11-13', ['f'], [['f', '2026-11-21']])];
    expect(reportDeductions(weekend, calendar, '2026-11-01', '2026-11-30', '2026-11-23', scoring).map((d) => [d.outcome, d.workingDaysLate])).toEqual([
      ['late', 1],
    ]);
  });

  it('takes the points off the timeliness score before weighting, and writes the sum out', () => {
    const nodes = [node('a', '2026-10-05', '2026-10-01'), node('a', '2026-10-25', '2026-10-20')];
    const assessment = { month: '2026-10', assessor: '督查室', date: '2026-11-05', marks: [{ unit: 'a', quality: 80 }], adjustments: [] };
    const r = rankMonth({ month: '2026-10', asOf: '2026-11-23', unitIds: ['a'], nodes, assessment, scoring, reportDeductions: october() });
    const a = r.scores[0]!;
    expect(a).toMatchObject({ reportDeductionTotal: 1, timelinessCounted: 99, total: 85.7 }); // 99 × 0.3 + 80 × 0.7
    expect(explainTotal(a, scoring)).toBe('（时效分 100 − 督办反馈扣分 1 = 99）× 0.3 + 质量分 80 × 0.7 = 85.7');
  });
});
