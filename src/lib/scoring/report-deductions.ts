/**
 * 督办反馈扣分: supervision reports that came late, or not at all, counted against a unit's timeliness score
 * (时效分) in the monthly ranking. The amounts are settings (`scoring.reportLatePoints`,
 * `scoring.reportMissingPoints`; 0 turns an item off). In a period (a month), evaluated on its last day or the
 * as-of day if earlier, for each unit a record asks to report:
 * - a limit that ends in the period: nothing if the unit's first report came by the limit; 反馈逾期 if it came
 *   later within the period; 逾期未反馈 if none had come by the period's end (unless the office closed the record
 *   by the limit);
 * - a limit that ended before the period, with no report by the period's start: counted again as 逾期未反馈
 *   (持续计入), as an overdue milestone is, so an old missing report keeps weighing until it comes.
 * A limit that runs into a year without a calendar file has no date, and is never counted.
 */
import { minDate, type IsoDate } from '../calendar/dates.ts';
import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from '../calendar/working-days.ts';
import type { SupervisionRecord } from '../supervision/status.ts';

export type ReportOutcome = 'late' | 'missing' | 'carried_over';

export const REPORT_OUTCOME_TEXT: Record<ReportOutcome, string> = {
  late: '反馈逾期',
  missing: '逾期未反馈',
  carried_over: '逾期未反馈（上期起持续计入）',
};

export interface ReportDeduction {
  recordId: string;
  /** The record's number (督办文号). */
  record: string;
  unit: string;
  due: IsoDate;
  outcome: ReportOutcome;
  /** For a late report: when it came and how many working days after the limit. */
  reportedOn: IsoDate | undefined;
  workingDaysLate: number | undefined;
  points: number;
}

export interface ReportDeductionSettings {
  reportLatePoints: number;
  reportMissingPoints: number;
}

export function reportDeductions(
  records: readonly SupervisionRecord[],
  calendar: WorkingCalendar,
  from: IsoDate,
  to: IsoDate,
  asOf: IsoDate,
  settings: ReportDeductionSettings,
): ReportDeduction[] {
  const end = minDate(to, asOf);
  const deductions: ReportDeduction[] = [];
  for (const r of records) {
    if (r.reportWithinWorkingDays === undefined || r.date > end) continue;
    const limit = addWorkingDays(calendar, r.date, r.reportWithinWorkingDays);
    if (!limit.ok) continue;
    const due = limit.due;
    const closedOn = r.closed && r.closed.date <= end ? r.closed.date : undefined;
    for (const unit of r.units) {
      const first = r.reports
        .filter((x) => x.unit === unit)
        .map((x) => x.date)
        .sort()[0];
      const reported = first !== undefined && first <= end ? first : undefined;
      const base = { recordId: r.id, record: r.number, unit, due };
      if (due >= from && due <= end) {
        if (reported !== undefined && reported <= due) continue;
        if (reported !== undefined) {
          const late = workingDaysBetween(calendar, due, reported) ?? undefined;
          deductions.push({ ...base, outcome: 'late', reportedOn: reported, workingDaysLate: late, points: settings.reportLatePoints });
        } else if (!(closedOn && closedOn <= due)) {
          deductions.push({ ...base, outcome: 'missing', reportedOn: undefined, workingDaysLate: undefined, points: settings.reportMissingPoints });
        }
      } else if (due < from && !(reported !== undefined && reported < from) && !(closedOn && closedOn < from)) {
        deductions.push({ ...base, outcome: 'carried_over', reportedOn: undefined, workingDaysLate: undefined, points: settings.reportMissingPoints });
      }
    }
  }
  return deductions.filter((d) => d.points > 0).sort((a, b) => a.due.localeCompare(b.due) || a.record.localeCompare(b.record));
}
