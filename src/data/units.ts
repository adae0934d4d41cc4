/** A unit's figures for its page and the units index: tasks by role, warnings, on-time rate and rank. */
import type { Board } from './board';
import { countWarnings } from '../lib/tasks/board';
import { timeliness, type Node } from '../lib/scoring/timeliness';
import type { MonthlyRanking } from '../lib/scoring/ranking';

const nodesByUnit = new WeakMap<Board, Map<string, Node[]>>();

export function unitSummary(board: Board, unitId: string, headline: MonthlyRanking | undefined) {
  const involved = board.tasksByUnit.get(unitId) ?? [];
  const led = involved.filter((t) => t.leadUnit === unitId);
  const yearStart = `${board.asOf.slice(0, 4)}-01-01`;
  if (!nodesByUnit.has(board))
    nodesByUnit.set(
      board,
      Map.groupBy(board.nodes, (n) => n.unit),
    );
  const onTime = timeliness(nodesByUnit.get(board)!.get(unitId) ?? [], yearStart, board.asOf, board.asOf);
  const score = headline?.scores.find((s) => s.unit === unitId);
  const rankedCount = headline?.scores.filter((s) => s.rank !== undefined).length ?? 0;
  return { involved, led, warnings: countWarnings(led), onTime, score, rankedCount, headline };
}
