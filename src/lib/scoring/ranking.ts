/**
 * 月排位: the monthly ranking of units, 时效分 : 质量分 = 3 : 7 by default (weights are settings).
 *
 * Timeliness is computed (see `timeliness.ts`), less the points for supervision reports sent late or not at
 * all (督办反馈扣分, `report-deductions.ts`); quality is the assessors' mark for the month from
 * `content/assessments/`; bonus and deduction items (加分项 / 扣分项) are added as they stand.
 * A unit is ranked only with enough counted nodes and a quality mark; otherwise it is listed with
 * the reason it is not ranked. Equal totals share a rank (1, 2, 2, 4).
 * 红黑榜: the first `redListSize` ranked units form the red list, the last `blackListSize` the black.
 */
import { monthBounds, type IsoDate, type IsoMonth } from '../calendar/dates.ts';
import type { AssessmentData, ScoringSettings } from '../content/schemas.ts';
import { round1, timeliness, type Node, type Timeliness } from './timeliness.ts';
import type { ReportDeduction } from './report-deductions.ts';

export interface UnitScore {
  unit: string;
  timeliness: Timeliness;
  /** 督办反馈扣分 of the month, and their sum. */
  reportDeductions: ReportDeduction[];
  reportDeductionTotal: number;
  /** The timeliness score less those points (never below 0), as it enters the total. */
  timelinessCounted: number | undefined;
  quality: { mark: number; note: string | undefined } | undefined;
  adjustments: AssessmentData['adjustments'];
  adjustmentTotal: number;
  total: number | undefined;
  rank: number | undefined;
  notRankedReason: string | undefined;
  list: 'red' | 'black' | undefined;
}

export interface MonthlyRanking {
  month: IsoMonth;
  /** The day the figures are as of: the month's last day, or the as-of day inside the month. */
  evaluatedOn: IsoDate;
  complete: boolean;
  assessment: AssessmentData | undefined;
  /** Ranked units by rank, then the unranked by name order given. */
  scores: UnitScore[];
  redList: UnitScore[];
  blackList: UnitScore[];
}

export interface RankingInput {
  month: IsoMonth;
  asOf: IsoDate;
  unitIds: readonly string[];
  nodes: readonly Node[];
  assessment: AssessmentData | undefined;
  scoring: ScoringSettings;
  /** The month's 督办反馈扣分, of every unit. */
  reportDeductions?: readonly ReportDeduction[];
}

export function rankMonth(input: RankingInput): MonthlyRanking {
  const { first, last } = monthBounds(input.month);
  const evaluatedOn = last <= input.asOf ? last : input.asOf;
  const nodesByUnit = Map.groupBy(input.nodes, (n) => n.unit);
  const deductionsByUnit = Map.groupBy(input.reportDeductions ?? [], (d) => d.unit);
  const scores = input.unitIds.map((unit): UnitScore => {
    const t = timeliness(nodesByUnit.get(unit) ?? [], first, last, input.asOf);
    const mark = input.assessment?.marks.find((m) => m.unit === unit);
    const adjustments = input.assessment?.adjustments.filter((a) => a.unit === unit) ?? [];
    const adjustmentTotal = round1(adjustments.reduce((sum, a) => sum + a.points, 0));
    const reportDeductions = deductionsByUnit.get(unit) ?? [];
    const reportDeductionTotal = round1(reportDeductions.reduce((sum, d) => sum + d.points, 0));
    const timelinessCounted = t.score === undefined ? undefined : Math.max(0, round1(t.score - reportDeductionTotal));
    let notRankedReason: string | undefined;
    if (t.counted < input.scoring.minNodesToRank) notRankedReason = `本期计入的节点 ${t.counted} 个，少于 ${input.scoring.minNodesToRank} 个，列出但不排名`;
    else if (!input.assessment) notRankedReason = '本月质量分尚未评定';
    else if (!mark) notRankedReason = '本月无质量分评定';
    const total =
      notRankedReason === undefined && timelinessCounted !== undefined && mark
        ? round1(timelinessCounted * input.scoring.timelinessWeight + mark.quality * input.scoring.qualityWeight + adjustmentTotal)
        : undefined;
    return {
      unit,
      timeliness: t,
      reportDeductions,
      reportDeductionTotal,
      timelinessCounted,
      quality: mark && { mark: mark.quality, note: mark.note },
      adjustments,
      adjustmentTotal,
      total,
      rank: undefined,
      notRankedReason,
      list: undefined,
    };
  });

  const ranked = scores.filter((s) => s.total !== undefined).sort((a, b) => b.total! - a.total!);
  ranked.forEach((s, i) => {
    s.rank = i > 0 && ranked[i - 1]!.total === s.total ? ranked[i - 1]!.rank : i + 1;
  });
  const redList = ranked.slice(0, input.scoring.redListSize);
  const blackList = ranked.slice(Math.max(redList.length, ranked.length - input.scoring.blackListSize)).reverse();
  for (const s of redList) s.list = 'red';
  for (const s of blackList) s.list = 'black';
  const unranked = scores.filter((s) => s.total === undefined);

  return { month: input.month, evaluatedOn, complete: last <= input.asOf, assessment: input.assessment, scores: [...ranked, ...unranked], redList, blackList };
}

/**
 * The sum written out, so a reader can check it: "时效分 80 × 0.3 + 质量分 85 × 0.7 + 加减分 1 = 84.5", or with
 * supervision report deductions "（时效分 80 − 督办反馈扣分 4 = 76）× 0.3 + 质量分 85 × 0.7 = 82.3".
 */
export function explainTotal(score: UnitScore, scoring: ScoringSettings): string | undefined {
  if (score.total === undefined || score.timeliness.score === undefined || score.timelinessCounted === undefined || !score.quality) return undefined;
  const adj = score.adjustmentTotal === 0 ? '' : ` ${score.adjustmentTotal > 0 ? '+' : '−'} 加减分 ${Math.abs(score.adjustmentTotal)}`;
  const timeliness =
    score.reportDeductionTotal === 0
      ? `时效分 ${score.timeliness.score} `
      : `（时效分 ${score.timeliness.score} − 督办反馈扣分 ${score.reportDeductionTotal} = ${score.timelinessCounted}）`;
  return `${timeliness}× ${scoring.timelinessWeight} + 质量分 ${score.quality.mark} × ${scoring.qualityWeight}${adj} = ${score.total}`;
}
