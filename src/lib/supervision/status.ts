/**
 * What is computed about a supervision record (督办记录) as of a day. Nothing is typed by hand: the file
 * records when the office issued it, the limit for reports, when each unit reported and when the office
 * closed it, and the status follows (facts dated after the day are ignored, like everywhere on the board):
 *
 * - 已办结 closed: the office closed it on or before the day.
 * - 无需反馈 no-report: no report was asked for (a reminder may ask for none).
 * - 已反馈 reported: every unit named has sent its report; on time when each unit's first report is within
 *   the limit, else late by the most working days any unit was late.
 * - 逾期未反馈 overdue: the limit has passed and a unit has not reported; by how many working days.
 * - 待反馈 awaiting: a report is due and the limit has not passed.
 *
 * The report limit is counted in working days on the official calendar, like a message's (《民法典》第二百零一条:
 * the day of issue is not counted), with the same account of how the date was reached; a limit that runs
 * into a year without a calendar file has no date yet, only a provisional estimate, and so is never overdue.
 */
import { addWorkingDays, workingDaysBetween, type WorkingCalendar, type WorkingDayCount } from '../calendar/working-days.ts';
import type { IsoDate } from '../calendar/dates.ts';
import type { SupervisionData } from '../content/schemas.ts';
import type { SupervisionStatus } from './vocabulary.ts';
import type { Recheck } from '../tasks/types.ts';

/** A supervision record as read from its file: the file name is its id. */
export interface SupervisionRecord extends SupervisionData {
  id: string;
}

export type SupervisionReport = SupervisionData['reports'][number];

/** One unit's first report against the limit. */
export interface ReportTiming {
  unit: string;
  date: IsoDate;
  /** Working days after the limit (0 when on time); null when the limit has no date yet. */
  workingDaysLate: number | null;
}

export interface EvaluatedSupervision extends SupervisionRecord {
  status: SupervisionStatus;
  /** The report limit as counted (null when no report is asked for). */
  limit: WorkingDayCount | null;
  /** Reports dated on or before the day, in date order. */
  visibleReports: SupervisionReport[];
  /** Each unit's first visible report, against the limit. */
  timings: ReportTiming[];
  /** Units with no report yet, in the order the record names them. */
  pendingUnits: string[];
  /** For 已反馈 late and 逾期未反馈: working days past the limit; else 0. */
  workingDaysLate: number;
  closedOn: IsoDate | undefined;
}

/**
 * How many working days `date` is after the limit `due` (0 when on or before it). A day after the limit that is
 * not a working day (a Saturday after a Friday limit) is still late: it counts as 1, the working day it reaches.
 * Null when the range runs into a year without a calendar file.
 */
export function workingDaysAfter(calendar: WorkingCalendar, due: IsoDate, date: IsoDate): number | null {
  if (date <= due) return 0;
  const counted = workingDaysBetween(calendar, due, date);
  return counted === null ? null : Math.max(1, counted);
}

export function evaluateSupervision(record: SupervisionRecord, asOf: IsoDate, calendar: WorkingCalendar): EvaluatedSupervision {
  const visibleReports = record.reports.filter((r) => r.date <= asOf).sort((a, b) => a.date.localeCompare(b.date));
  const limit = record.reportWithinWorkingDays === undefined ? null : addWorkingDays(calendar, record.date, record.reportWithinWorkingDays);
  const due = limit?.ok ? limit.due : null;
  const timings: ReportTiming[] = [];
  for (const unit of record.units) {
    const first = visibleReports.find((r) => r.unit === unit);
    if (first) timings.push({ unit, date: first.date, workingDaysLate: due === null ? null : workingDaysAfter(calendar, due, first.date) });
  }
  const pendingUnits = record.units.filter((unit) => !timings.some((t) => t.unit === unit));
  const closedOn = record.closed && record.closed.date <= asOf ? record.closed.date : undefined;
  const base = { ...record, limit, visibleReports, timings, pendingUnits, closedOn };

  if (closedOn) return { ...base, status: 'closed', workingDaysLate: 0 };
  if (!limit) return { ...base, status: 'no-report', workingDaysLate: 0 };
  if (pendingUnits.length === 0) return { ...base, status: 'reported', workingDaysLate: Math.max(0, ...timings.map((t) => t.workingDaysLate ?? 0)) };
  if (due !== null && asOf > due) return { ...base, status: 'overdue', workingDaysLate: workingDaysAfter(calendar, due, asOf) ?? 0 };
  return { ...base, status: 'awaiting', workingDaysLate: 0 };
}

/** Records issued on or before the day, newest first. */
export function evaluateSupervisionRecords(records: readonly SupervisionRecord[], asOf: IsoDate, calendar: WorkingCalendar): EvaluatedSupervision[] {
  return records
    .filter((r) => r.date <= asOf)
    .map((r) => evaluateSupervision(r, asOf, calendar))
    .sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id));
}

/** The status in words, with the dates and units that decide it; `unitName` turns an id into its short name. */
export function supervisionStatusText(r: EvaluatedSupervision, unitName: (id: string) => string, asOf: IsoDate, calendar: WorkingCalendar): string {
  const names = (ids: readonly string[]) => ids.map(unitName).join('、');
  switch (r.status) {
    case 'closed':
      return `已于 ${r.closedOn} 办结${r.closed?.note ? `：${r.closed.note}` : ''}`;
    case 'no-report':
      return r.visibleReports.length > 0 ? `无需书面反馈；${names(r.timings.map((t) => t.unit))}已反馈` : '无需书面反馈';
    case 'reported': {
      const late = r.timings.filter((t) => (t.workingDaysLate ?? 0) > 0);
      if (late.length === 0) return r.units.length > 1 ? `${r.units.length} 个承办单位均已按期反馈` : `已于 ${r.timings[0]!.date} 按期反馈`;
      return late.map((t) => `${unitName(t.unit)}于 ${t.date} 反馈，超过反馈期限 ${t.workingDaysLate} 个工作日`).join('；');
    }
    case 'overdue': {
      const due = r.limit!.ok ? r.limit!.due : '';
      const some = r.timings.length > 0 ? `（${r.units.length} 个承办单位中 ${r.timings.length} 个已反馈）` : '';
      return `反馈期限 ${due} 已过 ${r.workingDaysLate} 个工作日，${names(r.pendingUnits)}尚未反馈${some}`;
    }
    case 'awaiting': {
      const limit = r.limit!;
      const some = r.timings.length > 0 ? `；${r.units.length} 个承办单位中 ${r.timings.length} 个已反馈` : '';
      if (!limit.ok) return `反馈期限暂不能确定（${limit.missingYear} 年节假日安排尚未录入），暂定约为 ${limit.provisionalDue}${some}`;
      const left = workingDaysBetween(calendar, asOf, limit.due);
      const when = left === 0 ? '今天到期' : left === null ? '' : `还有 ${left} 个工作日`;
      return `反馈期限 ${limit.due}${when ? `，${when}` : ''}${some}`;
    }
  }
}

/** The 回头看 of each task, from the records, for the task warnings (src/lib/tasks/evaluate.ts). */
export function rechecksByTask(records: readonly SupervisionRecord[]): Map<string, Recheck[]> {
  const byTask = new Map<string, Recheck[]>();
  for (const r of records) {
    if (!r.recheck) continue;
    const list = byTask.get(r.recheck.task) ?? [];
    list.push({ date: r.date, record: r.number, relapsed: r.recheck.finding === 'relapsed', text: r.recheck.text });
    byTask.set(r.recheck.task, list);
  }
  return byTask;
}
