import { describe, expect, it } from 'vitest';
import { figuresByMonth, figuresByUnit, figuresOf, type MessageFacts } from './stats.ts';

const base: MessageFacts = {
  type: 'complaint',
  unit: 'a',
  state: 'closed',
  submittedOn: '2026-10-08',
  replied: true,
  closedOnTime: true,
  workingDaysToReply: 3,
  ratings: [],
};

describe('figuresOf', () => {
  it('counts rates with their denominators, as the domain defines them', () => {
    const figures = figuresOf([
      base,
      { ...base, closedOnTime: false, workingDaysToReply: 16, ratings: ['unsatisfied'] },
      { ...base, state: 'assigned', replied: false, closedOnTime: null, workingDaysToReply: null },
      { ...base, state: 'submitted', replied: false, closedOnTime: null, workingDaysToReply: null },
      { ...base, state: 'rejected', replied: false, closedOnTime: null, workingDaysToReply: null },
      { ...base, workingDaysToReply: 0, ratings: ['basically_satisfied'] },
    ]);
    expect(figures.received).toBe(6);
    expect(figures.accepted).toBe(4);
    expect(figures.rejected).toBe(1);
    expect(figures.replyRate).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
    expect(figures.onTimeRate).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
    expect(figures.satisfaction).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    // A message reopened after 不满意 and then rated 满意 counts both ratings.
    expect(figuresOf([{ ...base, ratings: ['unsatisfied', 'satisfied'] }]).satisfaction).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(figures.replyTimeDistribution).toEqual([1, 1, 0, 0, 1]);
    expect(figures.averageWorkingDaysToReply).toBeCloseTo(19 / 3);
  });

  it('gives no rate, rather than 0 % or 100 %, when nothing is in the denominator', () => {
    const figures = figuresOf([{ ...base, state: 'submitted', replied: false, closedOnTime: null, workingDaysToReply: null }]);
    expect(figures.replyRate.value).toBeNull();
    expect(figures.onTimeRate.value).toBeNull();
    expect(figures.averageWorkingDaysToReply).toBeNull();
  });
});

describe('figuresByUnit', () => {
  it('ranks units with enough messages and lists the others unranked', () => {
    const rows = figuresByUnit(
      [base, base, { ...base, unit: 'b' }, { ...base, unit: 'b', closedOnTime: false }, { ...base, unit: 'c' }, { ...base, unit: null, state: 'submitted' }],
      2,
    );
    expect(rows.map((r) => [r.unit, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', null],
    ]);
  });

  it('gives equal figures an equal rank', () => {
    const rows = figuresByUnit([base, base, { ...base, unit: 'b' }, { ...base, unit: 'b' }], 2);
    expect(rows.map((r) => r.rank)).toEqual([1, 1]);
  });
});

describe('figuresByMonth', () => {
  it('groups by submission month, oldest first', () => {
    expect(figuresByMonth([{ ...base, submittedOn: '2026-11-02' }, base]).map((m) => [m.month, m.figures.received])).toEqual([
      ['2026-10', 1],
      ['2026-11', 1],
    ]);
  });
});
