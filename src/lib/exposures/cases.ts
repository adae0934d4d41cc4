/**
 * What the exposure board computes about its cases, as of a day:
 * - 整改状态: 已整改 when a result is dated on or before the day; 逾期未整改 when the rectification
 *   deadline has passed without one; 整改中 otherwise. Positive examples have no rectification.
 * - 约谈提示: a unit interviewed (约谈) `interviewFlagCount` times or more in the `interviewWindowMonths`
 *   months up to the day is flagged; in one city such a unit is criticised across the district.
 */
import { addMonths, daysBetween, type IsoDate } from '../calendar/dates.ts';
import type { ExposureData, Settings } from '../content/schemas.ts';
import type { RectificationStatus } from './vocabulary.ts';

export interface CaseRecord extends ExposureData {
  id: string;
}

export interface EvaluatedCase extends CaseRecord {
  rectificationStatus: RectificationStatus;
  /** The status in words, with the dates that decide it. */
  rectificationText: string;
  /** The result, when it is dated on or before the as-of day. */
  visibleResult: ExposureData['result'];
}

export function evaluateCase(c: CaseRecord, asOf: IsoDate): EvaluatedCase {
  const result = c.result && c.result.date <= asOf ? c.result : undefined;
  if (!c.rectification) return { ...c, rectificationStatus: 'none', rectificationText: '', visibleResult: undefined };
  const { deadline } = c.rectification;
  if (result) {
    const late = daysBetween(deadline, result.date);
    return {
      ...c,
      rectificationStatus: 'rectified',
      rectificationText: `已于 ${result.date} 整改完成${late > 0 ? `，超过整改期限 ${late} 天` : ''}`,
      visibleResult: result,
    };
  }
  const left = daysBetween(asOf, deadline);
  if (left < 0)
    return { ...c, rectificationStatus: 'overdue', rectificationText: `整改期限 ${deadline} 已过 ${-left} 天，尚未整改完成`, visibleResult: undefined };
  return {
    ...c,
    rectificationStatus: 'rectifying',
    rectificationText: left === 0 ? `整改期限 ${deadline}，今天到期` : `整改期限 ${deadline}，还有 ${left} 天`,
    visibleResult: undefined,
  };
}

/** Cases published on or before the as-of day, newest first. */
export function evaluateCases(cases: readonly CaseRecord[], asOf: IsoDate): EvaluatedCase[] {
  return cases
    .filter((c) => c.date <= asOf)
    .map((c) => evaluateCase(c, asOf))
    .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}

export interface InterviewFlag {
  unit: string;
  dates: IsoDate[];
  since: IsoDate;
}

/** Units interviewed often enough, within the window ending on the as-of day, to be flagged. */
export function interviewFlags(cases: readonly EvaluatedCase[], asOf: IsoDate, settings: Settings['exposures']): Map<string, InterviewFlag> {
  const since = addMonths(asOf, -settings.interviewWindowMonths);
  const byUnit = new Map<string, IsoDate[]>();
  for (const c of cases) {
    if (!c.measures.includes('interview') || c.date <= since || c.date > asOf) continue;
    for (const unit of c.units) byUnit.set(unit, [...(byUnit.get(unit) ?? []), c.date]);
  }
  const flags = new Map<string, InterviewFlag>();
  for (const [unit, dates] of byUnit) {
    if (dates.length >= settings.interviewFlagCount) flags.set(unit, { unit, dates: dates.sort(), since });
  }
  return flags;
}

/** The flag in words: "区住建局在 2025-11-23 之后的 12 个月内被约谈 2 次（…），达到约谈提示标准（2 次）". */
export function interviewFlagText(flag: InterviewFlag, unitName: string, settings: Settings['exposures']): string {
  return `${unitName}在 ${flag.since} 之后的 ${settings.interviewWindowMonths} 个月内被约谈 ${flag.dates.length} 次（${flag.dates.join('、')}），达到约谈提示标准（${settings.interviewFlagCount} 次）。`;
}
