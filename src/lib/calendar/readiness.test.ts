import { describe, expect, it } from 'vitest';
import { calendarNotice, calendarReminder, missingCalendarYear } from './readiness';

describe('calendar readiness', () => {
  it('asks for nothing before November while this year is on file', () => {
    expect(missingCalendarYear('2026-10-31', [2026])).toBeNull();
    expect(calendarReminder('2026-10-31', [2026])).toBeNull();
  });
  it('from 1 November names next year until its file is there', () => {
    expect(missingCalendarYear('2026-11-01', [2026])).toBe(2027);
    expect(missingCalendarYear('2026-12-31', [2025, 2026])).toBe(2027);
    expect(missingCalendarYear('2026-11-01', [2026, 2027])).toBeNull();
    expect(calendarReminder('2026-11-29', [2026])).toContain('content/calendar/2027.yml');
    expect(calendarNotice('2026-11-29', [2026])).toMatch(/^2027 年的节假日安排尚未公布或尚未录入本站/);
    expect(calendarNotice('2026-11-29', [2026])).not.toContain('content/');
  });
  it('names this year first when even it is missing', () => {
    expect(missingCalendarYear('2027-01-04', [2026])).toBe(2027);
    expect(missingCalendarYear('2027-03-01', [])).toBe(2027);
  });
});
