import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { figuresByMonth, figuresByUnit, figuresOf, overallFigures, type MessageFacts, type TallyRow } from './stats.ts';
import { combine, emptyTally, keyOf, tallyChanges, tallyOf } from './tallies.ts';

/** Running totals for a list of messages, as the store would hold them. */
function totals(messages: readonly MessageFacts[]): TallyRow[] {
  const rows = new Map<string, TallyRow>();
  for (const m of messages) {
    const key = keyOf(m);
    const id = `${key.month}|${key.unit}|${key.type}`;
    const row = rows.get(id) ?? { ...key, tally: emptyTally() };
    row.tally = combine(row.tally, tallyOf(m));
    rows.set(id, row);
  }
  return [...rows.values()];
}

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
      totals([
        base,
        base,
        { ...base, unit: 'b' },
        { ...base, unit: 'b', closedOnTime: false },
        { ...base, unit: 'c' },
        { ...base, unit: null, state: 'submitted' },
      ]),
      2,
    );
    expect(rows.map((r) => [r.unit, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', null],
    ]);
  });

  it('gives equal figures an equal rank', () => {
    const rows = figuresByUnit(totals([base, base, { ...base, unit: 'b' }, { ...base, unit: 'b' }]), 2);
    expect(rows.map((r) => r.rank)).toEqual([1, 1]);
  });
});

describe('figuresByMonth', () => {
  it('groups by submission month, oldest first', () => {
    expect(figuresByMonth(totals([{ ...base, submittedOn: '2026-11-02' }, base])).map((m) => [m.month, m.figures.received])).toEqual([
      ['2026-10', 1],
      ['2026-11', 1],
    ]);
  });
});

describe('running totals', () => {
  const facts = fc.record({
    type: fc.constantFrom('complaint', 'help'),
    unit: fc.constantFrom('a', 'b', null),
    state: fc.constantFrom('submitted', 'accepted', 'assigned', 'replied', 'closed', 'rejected' as const),
    submittedOn: fc.constantFrom('2026-10-08', '2026-11-02'),
    replied: fc.boolean(),
    closedOnTime: fc.constantFrom(true, false, null),
    workingDaysToReply: fc.option(fc.nat({ max: 30 })),
    ratings: fc.array(fc.constantFrom('satisfied', 'basically_satisfied', 'unsatisfied' as const), { maxLength: 3 }),
  }) as fc.Arbitrary<MessageFacts>;

  it('kept by adding each change give the same figures as counting every message again', () => {
    fc.assert(
      fc.property(fc.array(fc.array(facts, { minLength: 1, maxLength: 5 }), { maxLength: 12 }), (histories) => {
        // Each message moves through its list of facts; the store adds what each move changes.
        const kept = new Map<string, TallyRow>();
        for (const history of histories) {
          let before: MessageFacts | null = null;
          for (const after of history) {
            for (const { key, delta } of tallyChanges(before, after)) {
              const id = `${key.month}|${key.unit}|${key.type}`;
              const row = kept.get(id) ?? { ...key, tally: emptyTally() };
              row.tally = combine(row.tally, delta);
              kept.set(id, row);
            }
            before = after;
          }
        }
        const recounted = histories.map((h) => h.at(-1)!);
        expect(overallFigures([...kept.values()])).toEqual(figuresOf(recounted));
        expect(figuresByUnit([...kept.values()], 1)).toEqual(figuresByUnit(totals(recounted), 1));
        expect(figuresByMonth([...kept.values()])).toEqual(figuresByMonth(totals(recounted)));
      }),
    );
  });
});
