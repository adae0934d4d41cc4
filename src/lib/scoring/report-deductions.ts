/**
 * 督办反馈扣分: supervision reports that came late, or not at all, counted against a unit's timeliness score
 * (时效分) in the monthly ranking. The amounts are settings (`scoring.reportLatePoints`,
 * `scoring.reportMissingPoints`; 0 turns an item off). A limit is broken on the day after it (it runs to 24:00 of
 * its last day). In a period (a month), evaluated on its last day or the as-of day if earlier, for each unit a
 * record asks to report:
 * - broken in the period: 反馈逾期 if the unit's report came later within the period, 逾期未反馈 if none had come by
 *   the period's end (unless the office closed the record by the limit);
 * - broken before the period, with no report before it: 反馈逾期 if the report came within the period, else
 *   counted again as 逾期未反馈 (持续计入), as an overdue milestone is, so a missing report keeps weighing until it comes.
 * The lateness of each report is the record's own (src/lib/supervision/status.ts), so the ranking and the record's page
 * always agree. A limit that runs into a year without a calendar file has no date, and is never counted.
 */
import { addDays, minDate, type IsoDate } from '../calendar/dates.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';
import { evaluateSupervision, type SupervisionRecord } from '../supervision/status.ts';

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
  for (const record of records) {
    if (record.reportWithinWorkingDays === undefined || record.date > end) continue;
    const r = evaluateSupervision(record, end, calendar);
    if (!r.limit?.ok) continue;
    const due = r.limit.due;
    const broken = addDays(due, 1);
    if (broken > end) continue;
    if (r.closedOn && (r.closedOn <= due || r.closedOn < from)) continue;
    for (const unit of r.units) {
      const timing = r.timings.find((t) => t.unit === unit);
      const base = { recordId: r.id, record: r.number, unit, due };
      if (timing && timing.date <= due) continue;
      if (timing && timing.date < from) continue; // late, but counted in the month it came
      if (timing) {
        deductions.push({
          ...base,
          outcome: 'late',
          reportedOn: timing.date,
          workingDaysLate: timing.workingDaysLate ?? undefined,
          points: settings.reportLatePoints,
        });
      } else {
        const outcome = broken >= from ? 'missing' : 'carried_over';
        deductions.push({ ...base, outcome, reportedOn: undefined, workingDaysLate: undefined, points: settings.reportMissingPoints });
      }
    }
  }
  return deductions.filter((d) => d.points > 0).sort((a, b) => a.due.localeCompare(b.due) || a.record.localeCompare(b.record));
}
