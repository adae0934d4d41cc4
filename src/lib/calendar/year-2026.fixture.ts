/** Test fixture: the State Council's 2026 arrangement, as in content/calendar/2026.yml. */
import type { CalendarYear } from './working-days.ts';

export const year2026: CalendarYear = {
  year: 2026,
  source: 'test',
  holidays: [
    { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
    { name: '春节', from: '2026-02-15', to: '2026-02-23' },
    { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
    { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
    { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
    { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
    { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
  ],
  workdays: [
    { name: '元旦调休', date: '2026-01-04' },
    { name: '春节调休', date: '2026-02-14' },
    { name: '春节调休', date: '2026-02-28' },
    { name: '劳动节调休', date: '2026-05-09' },
    { name: '国庆节调休', date: '2026-09-20' },
    { name: '国庆节调休', date: '2026-10-10' },
  ],
};
