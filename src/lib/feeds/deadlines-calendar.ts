/**
 * An iCalendar feed of task deadlines and milestones, one all-day event each, that a calendar
 * application can subscribe to. Event ids are stable (task code + node), so a changed date moves the
 * event instead of adding a second one.
 */
import ical, { foldLines, ICalEvent, type ICalCalendar } from 'ical-generator';
import type { EvaluatedTask } from '../tasks/types.ts';

export interface CalendarMeta {
  name: string;
  site: string;
  /** Host name used in event ids: events from different sites never collide. */
  host: string;
}

const TIMEZONE = 'Asia/Shanghai';
const END = 'END:VCALENDAR';

/**
 * A task's events as text, written once and shared by every calendar that lists the task (the
 * district's, and one for each unit it involves: a province's units repeat each task several times).
 */
const written = new WeakMap<EvaluatedTask, { site: string; host: string; lead: string; text: string }>();

export function renderDeadlineCalendar(meta: CalendarMeta, tasks: readonly EvaluatedTask[], unitName: (id: string) => string): string {
  const shell = ical({ name: meta.name, timezone: TIMEZONE, prodId: { company: 'duban', product: 'deadlines', language: 'ZH' } }).toString();
  const end = shell.lastIndexOf(END);
  const events = tasks.map((t) => {
    const lead = unitName(t.leadUnit);
    const known = written.get(t);
    if (known?.site === meta.site && known.host === meta.host && known.lead === lead) return known.text;
    const text = taskEvents(t, meta, lead);
    written.set(t, { site: meta.site, host: meta.host, lead, text });
    return text;
  });
  return shell.slice(0, end) + events.join('') + shell.slice(end);
}

/** Dates are written as the calendar's zone says, so the events are made against one with the same zone; long lines folded as the calendar folds them. */
let zoned: ICalCalendar | undefined;

function taskEvents(t: EvaluatedTask, meta: CalendarMeta, lead: string): string {
  zoned ??= ical({ timezone: TIMEZONE });
  const url = new URL(`/tasks/${t.code}/`, meta.site).href;
  const day = (date: string) => new Date(`${date}T00:00:00Z`);
  const event = (id: string, start: string, summary: string) =>
    new ICalEvent({ id: `${id}@${meta.host}`, allDay: true, start: day(start), summary, description: `牵头单位：${lead}\n${url}`, url }, zoned!).toString();
  return foldLines(
    [
      event(`${t.code}-deadline`, t.deadline, `【截止】${t.title}（${t.code}）`),
      ...t.milestones.map((m, i) => event(`${t.code}-m${i + 1}`, m.due, `【节点】${m.name}：${t.title}（${t.code}）`)),
    ].join(''),
  );
}
