/** Monthly rankings for this build: every month of the as-of year up to the as-of month. */
import { loadBoard } from './board';
import { monthOf, monthsBetween, type IsoMonth } from '../lib/calendar/dates';
import { rankMonth, type MonthlyRanking } from '../lib/scoring/ranking';

let cached: Promise<MonthlyRanking[]> | undefined;

export function loadRankings(): Promise<MonthlyRanking[]> {
  cached ??= (async () => {
    const board = await loadBoard();
    const last = monthOf(board.asOf);
    const months = monthsBetween(`${last.slice(0, 4)}-01`, last);
    const unitIds = board.units.map((u) => u.id);
    return months.map((month) =>
      rankMonth({
        month,
        asOf: board.asOf,
        unitIds,
        nodes: board.nodes,
        assessment: board.assessments.find((a) => a.month === month),
        scoring: board.settings.scoring,
      }),
    );
  })();
  return cached;
}

/** The ranking of any month: the same computation `/ranking/` shows, never a copy. */
export async function rankingFor(month: IsoMonth): Promise<MonthlyRanking> {
  const known = (await loadRankings()).find((r) => r.month === month);
  if (known) return known;
  const board = await loadBoard();
  return rankMonth({
    month,
    asOf: board.asOf,
    unitIds: board.units.map((u) => u.id),
    nodes: board.nodes,
    assessment: board.assessments.find((a) => a.month === month),
    scoring: board.settings.scoring,
  });
}

/** The ranking to show first: the latest month that has been assessed, else the latest month. */
export function headlineRanking(rankings: readonly MonthlyRanking[]): MonthlyRanking | undefined {
  return rankings.filter((r) => r.assessment).at(-1) ?? rankings.at(-1);
}

export function rankingPath(month: IsoMonth): string {
  return `/ranking/${month}/`;
}
