import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextDailyRun, parseTimeOfDay } from './daily-rebuild';

describe('the daily rebuild time', () => {
  it('reads HH:MM in 24 hours and refuses anything else', () => {
    expect(parseTimeOfDay('00:05')).toEqual({ hour: 0, minute: 5 });
    expect(parseTimeOfDay(' 7:30 ')).toEqual({ hour: 7, minute: 30 });
    for (const bad of ['24:00', '12:60', '0005', '１２.００', '12。00', '', 'noon', '零点']) expect(parseTimeOfDay(bad), bad).toBeNull();
  });

  it('reads the time as typed with a Chinese input method: full-width digits and colon', () => {
    expect(parseTimeOfDay('００：０５')).toEqual({ hour: 0, minute: 5 });
    expect(parseTimeOfDay('12：00')).toEqual({ hour: 12, minute: 0 });
    expect(parseTimeOfDay('\u3000１:３０')).toEqual({ hour: 1, minute: 30 });
  });

  it('is the coming 00:05 in China, which is 16:05 UTC the day before', () => {
    const at = parseTimeOfDay('00:05')!;
    expect(nextDailyRun(new Date('2026-11-29T10:00:00Z'), at).toISOString()).toBe('2026-11-29T16:05:00.000Z');
    // 23:59 in China on 29 November (15:59 UTC): five minutes to go and a day turns.
    expect(nextDailyRun(new Date('2026-11-29T15:59:00Z'), at).toISOString()).toBe('2026-11-29T16:05:00.000Z');
    // Exactly at the time: the next one is a day later, so a rebuild never runs twice for one day.
    expect(nextDailyRun(new Date('2026-11-29T16:05:00Z'), at).toISOString()).toBe('2026-11-30T16:05:00.000Z');
  });

  it('is always later than now, within a day, and at the chosen China time', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (now, hour, minute) => {
          const run = nextDailyRun(now, { hour, minute });
          expect(run.getTime()).toBeGreaterThan(now.getTime());
          expect(run.getTime() - now.getTime()).toBeLessThanOrEqual(24 * 60 * 60 * 1000);
          const china = new Date(run.getTime() + 8 * 60 * 60 * 1000);
          expect([china.getUTCHours(), china.getUTCMinutes(), china.getUTCSeconds()]).toEqual([hour, minute, 0]);
        },
      ),
    );
  });
});
