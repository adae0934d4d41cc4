import { describe, expect, it } from 'vitest';
import { evaluateCase, evaluateCases, interviewFlags, interviewFlagText, type CaseRecord } from './cases.ts';

const base: CaseRecord = {
  id: 'c1',
  title: '窗口单位推诿群众诉求',
  kind: 'exposure',
  units: ['housing'],
  problemType: 'buck-passing',
  foundBy: 'unannounced-visit',
  date: '2026-09-01',
  measures: ['public-criticism', 'ordered-rectification'],
  rectification: { requirement: '十日内完成整改', deadline: '2026-09-30' },
  tasks: [],
};
const window = { interviewFlagCount: 2, interviewWindowMonths: 12 };

describe('rectification status 整改状态', () => {
  it('is in progress until the deadline, including the deadline day', () => {
    expect(evaluateCase(base, '2026-09-30').rectificationStatus).toBe('rectifying');
    expect(evaluateCase(base, '2026-09-30').rectificationText).toBe('整改期限 2026-09-30，今天到期');
  });

  it('is overdue the day after the deadline without a result, and says by how much', () => {
    const c = evaluateCase(base, '2026-10-23');
    expect(c.rectificationStatus).toBe('overdue');
    expect(c.rectificationText).toBe('整改期限 2026-09-30 已过 23 天，尚未整改完成');
  });

  it('is rectified once a result is dated, noting a late one, and ignores results after the as-of day', () => {
    const late = { ...base, result: { date: '2026-10-05', text: '已整改' } };
    expect(evaluateCase(late, '2026-10-10').rectificationText).toBe('已于 2026-10-05 整改完成，超过整改期限 5 天');
    expect(evaluateCase(late, '2026-10-04').rectificationStatus).toBe('overdue');
  });

  it('gives positive examples no rectification', () => {
    const good: CaseRecord = { ...base, kind: 'commendation', problemType: undefined, rectification: undefined, measures: ['commendation'] };
    expect(evaluateCase(good, '2026-11-23').rectificationStatus).toBe('none');
  });

  it('leaves out cases published after the as-of day', () => {
    expect(evaluateCases([base, { ...base, id: 'c2', date: '2026-12-01' }], '2026-11-23').map((c) => c.id)).toEqual(['c1']);
  });
});

describe('interview flag 约谈提示', () => {
  const interview = (id: string, date: string, units = ['housing']): CaseRecord => ({ ...base, id, date, units, measures: ['interview'] });

  it('flags a unit interviewed twice within twelve months', () => {
    const cases = evaluateCases([interview('a', '2026-01-10'), interview('b', '2026-08-20')], '2026-11-23');
    const flag = interviewFlags(cases, '2026-11-23', window).get('housing')!;
    expect(flag.dates).toEqual(['2026-01-10', '2026-08-20']);
    expect(interviewFlagText(flag, '区住建局', window)).toBe(
      '区住建局在 2025-11-23 之后的 12 个月内被约谈 2 次（2026-01-10、2026-08-20），达到约谈提示标准（2 次）。',
    );
  });

  it('does not count an interview more than twelve months before the as-of day', () => {
    const cases = evaluateCases([interview('a', '2025-11-23'), interview('b', '2026-08-20')], '2026-11-23');
    expect(interviewFlags(cases, '2026-11-23', window).has('housing')).toBe(false);
    const cases2 = evaluateCases([interview('a', '2025-11-24'), interview('b', '2026-08-20')], '2026-11-23');
    expect(interviewFlags(cases2, '2026-11-23', window).has('housing')).toBe(true);
  });

  it('counts each unit of a case, and only interviews', () => {
    const cases = evaluateCases([interview('a', '2026-03-01', ['housing', 'water']), { ...base, id: 'b', date: '2026-04-01', units: ['water'] }], '2026-11-23');
    expect([...interviewFlags(cases, '2026-11-23', window).keys()]).toEqual([]);
  });
});
