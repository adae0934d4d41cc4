/** Monthly rankings for this build: every month of the as-of year up to the as-of month. */
import { loadBoard, type Board } from './board';
import { monthBounds, monthOf, monthsBetween, type IsoMonth } from '../lib/calendar/dates';
import { rankMonth, type MonthlyRanking } from '../lib/scoring/ranking';
import { reportDeductions } from '../lib/scoring/report-deductions';

let cached: Promise<MonthlyRanking[]> | undefined;

/** One month's ranking from the board: nodes, the month's assessment and its 督办反馈扣分. */
function rankOf(board: Board, month: IsoMonth): MonthlyRanking {
  const { first, last } = monthBounds(month);
  const { scoring } = board.settings;
  return rankMonth({
    month,
    asOf: board.asOf,
    unitIds: board.units.map((u) => u.id),
    nodes: board.nodes,
    assessment: board.assessments.find((a) => a.month === month),
    scoring,
    reportDeductions: reportDeductions(board.supervision, board.rules.calendar, first, last, board.asOf, scoring),
  });
}

export function loadRankings(): Promise<MonthlyRanking[]> {
  cached ??= (async () => {
    const board = await loadBoard();
    const last = monthOf(board.asOf);
    return monthsBetween(`${last.slice(0, 4)}-01`, last).map((month) => rankOf(board, month));
  })();
  return cached;
}

/** The ranking of any month: the same computation `/ranking/` shows, never a copy. */
export async function rankingFor(month: IsoMonth): Promise<MonthlyRanking> {
  const known = (await loadRankings()).find((r) => r.month === month);
  return known ?? rankOf(await loadBoard(), month);
}

/** The ranking to show first: the latest month that has been assessed, else the latest month. */
export function headlineRanking(rankings: readonly MonthlyRanking[]): MonthlyRanking | undefined {
  return rankings.filter((r) => r.assessment).at(-1) ?? rankings.at(-1);
}

export function rankingPath(month: IsoMonth): string {
  return `/ranking/${month}/`;
}
