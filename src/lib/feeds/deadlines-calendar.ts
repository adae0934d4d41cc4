/**
 * An iCalendar feed of task deadlines and milestones, one all-day event each, that a calendar
 * application can subscribe to. Event ids are stable (task code + node), so a changed date moves the
 * event instead of adding a second one.
 */
import ical from 'ical-generator';
import type { EvaluatedTask } from '../tasks/types.ts';

export interface CalendarMeta {
  name: string;
  site: string;
  /** Host name used in event ids: events from different sites never collide. */
  host: string;
}

export function renderDeadlineCalendar(meta: CalendarMeta, tasks: readonly EvaluatedTask[], unitName: (id: string) => string): string {
  const calendar = ical({ name: meta.name, timezone: 'Asia/Shanghai', prodId: { company: 'duban', product: 'deadlines', language: 'ZH' } });
  for (const t of tasks) {
    const url = new URL(`/tasks/${t.code}/`, meta.site).href;
    const lead = unitName(t.leadUnit);
    const day = (date: string) => new Date(`${date}T00:00:00Z`);
    calendar.createEvent({
      id: `${t.code}-deadline@${meta.host}`,
      allDay: true,
      start: day(t.deadline),
      summary: `【截止】${t.title}（${t.code}）`,
      description: `牵头单位：${lead}\n${url}`,
      url,
    });
    t.milestones.forEach((m, i) => {
      calendar.createEvent({
        id: `${t.code}-m${i + 1}@${meta.host}`,
        allDay: true,
        start: day(m.due),
        summary: `【节点】${m.name}：${t.title}（${t.code}）`,
        description: `牵头单位：${lead}\n${url}`,
        url,
      });
    });
  }
  return calendar.toString();
}
