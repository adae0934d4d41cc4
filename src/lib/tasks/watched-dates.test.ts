import { describe, expect, it } from 'vitest';
import { defaultWarnings } from './test-helpers.ts';
import { watchedDates } from './watched-dates.ts';

const milestones = [
  { name: '完成招标', due: '2026-06-10', done: '2026-06-08' },
  { name: '主体完工', due: '2026-06-20' },
];

describe('watchedDates', () => {
  it('holds the deadline and each unfinished milestone, never a finished one', () => {
    const dates = watchedDates('2026-06-30', milestones, '2026-05-01', defaultWarnings);
    expect(dates.map((d) => d.what)).toEqual([{ kind: 'deadline' }, { kind: 'milestone', name: '主体完工' }]);
  });

  it('turns yellow on the first day of the window, stays yellow on the day itself, and red the day after', () => {
    const colour = (asOf: string) => watchedDates('2026-06-30', [], asOf, defaultWarnings)[0]!;
    expect(colour('2026-06-14')).toMatchObject({ warning: undefined, daysLeft: 16, windowOpens: '2026-06-15' });
    expect(colour('2026-06-15')).toMatchObject({ warning: 'yellow', daysLeft: 15 });
    expect(colour('2026-06-30')).toMatchObject({ warning: 'yellow', daysLeft: 0 });
    expect(colour('2026-07-01')).toMatchObject({ warning: 'red', daysLeft: -1 });
  });

  it('gives a milestone its own, shorter window', () => {
    const milestone = (asOf: string) => watchedDates('2026-12-31', milestones, asOf, defaultWarnings)[1]!;
    expect(milestone('2026-06-12').warning).toBeUndefined();
    expect(milestone('2026-06-13')).toMatchObject({ warning: 'yellow', windowOpens: '2026-06-13' });
    expect(milestone('2026-06-21').warning).toBe('red');
  });
});
