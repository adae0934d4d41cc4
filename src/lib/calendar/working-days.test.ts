import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addWorkingDays, buildCalendar, kindOfDay, workingDaysBetween } from './working-days.ts';
import { year2026 } from './year-2026.fixture.ts';
import { addDays } from './dates.ts';

const calendar = buildCalendar([year2026]);

function due(start: string, days: number): string | undefined {
  const count = addWorkingDays(calendar, start, days);
  return count.ok ? count.due : undefined;
}

describe('addWorkingDays', () => {
  it('the domain guide example: assigned Friday 2026-02-13, 7 working days, due Monday 2026-03-02', () => {
    const count = addWorkingDays(calendar, '2026-02-13', 7);
    expect(count.ok && count.due).toBe('2026-03-02');
    expect(count.ok && count.adjustedWorkdays.map((d) => d.date)).toEqual(['2026-02-14', '2026-02-28']);
    expect(count.skipped.map((d) => d.date)).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
      '2026-03-01',
    ]);
    expect(count.skipped[0]?.reason).toBe('春节假期');
    expect(count.skipped.at(-1)?.reason).toBe('周末（星期日）');
  });

  it('day zero is not counted: submitted on a Monday, 1 working day is due on Tuesday', () => {
    expect(due('2026-11-23', 1)).toBe('2026-11-24');
  });

  it('submitted on Saturday: counting starts Monday', () => {
    expect(due('2026-11-21', 1)).toBe('2026-11-23');
  });

  it('submitted on a holiday: the clock waits for the first working day after it', () => {
    expect(due('2026-10-03', 1)).toBe('2026-10-08');
  });

  it('an adjusted Saturday workday counts (2026-10-10)', () => {
    expect(due('2026-10-09', 1)).toBe('2026-10-10');
  });

  it('submitted on an adjusted workday: that day is still day zero', () => {
    expect(due('2026-10-10', 1)).toBe('2026-10-12');
  });

  it('a deadline that runs past the last year on file is flagged, not guessed', () => {
    const count = addWorkingDays(calendar, '2026-12-28', 7);
    expect(count.ok).toBe(false);
    expect(!count.ok && count.missingYear).toBe(2027);
    expect(!count.ok && count.countedSoFar).toBe(3);
    // 29–31 Dec count; the other four are estimated Monday to Friday: Fri 1, Mon 4, Tue 5, Wed 6 January.
    expect(!count.ok && count.provisionalDue).toBe('2027-01-06');
  });

  it('the last working day of the year on file is still computed', () => {
    expect(due('2026-12-30', 1)).toBe('2026-12-31');
  });

  it('refuses a zero or fractional limit', () => {
    expect(() => addWorkingDays(calendar, '2026-11-23', 0)).toThrow();
    expect(() => addWorkingDays(calendar, '2026-11-23', 1.5)).toThrow();
  });
});

describe('kindOfDay', () => {
  it('names the reason for every kind of day', () => {
    expect(kindOfDay(calendar, '2026-11-23')).toEqual({ working: true, reason: '工作日' });
    expect(kindOfDay(calendar, '2026-11-22')).toEqual({ working: false, reason: '周末（星期日）' });
    expect(kindOfDay(calendar, '2026-05-05')).toEqual({ working: false, reason: '劳动节假期' });
    expect(kindOfDay(calendar, '2026-05-09')).toEqual({ working: true, reason: '劳动节调休上班（星期六）' });
    expect(kindOfDay(calendar, '2027-01-04').working).toBeNull();
  });
});

describe('workingDaysBetween', () => {
  it('counts the days after the start up to and including the end', () => {
    expect(workingDaysBetween(calendar, '2026-02-13', '2026-03-02')).toBe(7);
    expect(workingDaysBetween(calendar, '2026-11-23', '2026-11-23')).toBe(0);
    expect(workingDaysBetween(calendar, '2026-12-30', '2027-01-04')).toBeNull();
  });

  it('is the inverse of addWorkingDays for every start day of the year and every limit up to 20', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 330 }), fc.integer({ min: 1, max: 20 }), (offset, days) => {
        const start = addDays('2026-01-01', offset);
        const count = addWorkingDays(calendar, start, days);
        if (!count.ok) return;
        expect(workingDaysBetween(calendar, start, count.due)).toBe(days);
        expect(workingDaysBetween(calendar, start, addDays(count.due, -1))).toBe(days - 1);
      }),
    );
  });
});

describe('the day table behind both counts', () => {
  // Two years on file with a year missing between them, and days outside both.
  const gapped = buildCalendar([
    year2026,
    {
      year: 2028,
      source: '测试用',
      holidays: [{ name: '测试假期', from: '2028-05-01', to: '2028-05-05' }],
      workdays: [{ name: '测试调休', date: '2028-04-29' }],
    },
  ]);
  /** Day by day, as the rules are written (kindOfDay), to check the table against. */
  function naiveBetween(from: string, to: string): number | null {
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
      const kind = kindOfDay(gapped, day);
      if (kind.working === null) return null;
      if (kind.working) count += 1;
    }
    return count;
  }
  const day = fc.integer({ min: 0, max: 4 * 366 }).map((n) => addDays('2025-06-01', n));

  it('counts between any two days as the day-by-day rule does, flagging years not on file', () => {
    fc.assert(
      fc.property(day, day, (from, to) => {
        expect(workingDaysBetween(gapped, from, to)).toBe(naiveBetween(from, to));
      }),
      { numRuns: 2000 },
    );
  });

  it('adds working days as the day-by-day rule does, listing every skipped and adjusted day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 30 }), (start, days) => {
        const count = addWorkingDays(gapped, start, days);
        const skipped: string[] = [];
        const adjusted: string[] = [];
        let counted = 0;
        let at = start;
        while (counted < days) {
          at = addDays(at, 1);
          const kind = kindOfDay(gapped, at);
          if (kind.working === null) {
            expect(count).toMatchObject({ ok: false, missingYear: Number(at.slice(0, 4)), countedSoFar: counted });
            // The estimate counts the rest Monday to Friday, from the first day not on file.
            let estimate = addDays(at, -1);
            for (let left = days - counted; left > 0;) {
              estimate = addDays(estimate, 1);
              if (![0, 6].includes(new Date(`${estimate}T00:00:00Z`).getUTCDay())) left -= 1;
            }
            expect(!count.ok && count.provisionalDue).toBe(estimate);
            return;
          }
          if (kind.working) {
            counted += 1;
            if (kind.reason !== '工作日') adjusted.push(`${at} ${kind.reason}`);
          } else skipped.push(`${at} ${kind.reason}`);
        }
        expect(count.ok).toBe(true);
        if (!count.ok) return;
        expect(count.due).toBe(at);
        expect(count.skipped.map((d) => `${d.date} ${d.reason}`)).toEqual(skipped);
        expect(count.adjustedWorkdays.map((d) => `${d.date} ${d.reason}`)).toEqual(adjusted);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('buildCalendar', () => {
  it('refuses a day that is both a holiday and a workday, and a repeated year', () => {
    expect(() => buildCalendar([{ ...year2026, workdays: [{ name: 'x', date: '2026-10-01' }] }])).toThrow(/同时/);
    expect(() => buildCalendar([year2026, year2026])).toThrow(/重复/);
  });
});
