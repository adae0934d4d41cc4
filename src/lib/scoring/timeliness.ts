/**
 * 时效分: how punctually a unit meets its dates, computed, never assessed.
 *
 * Every milestone and every deadline of a task is a node (节点) of the task's lead unit. In a period
 * (a month, or the year to date), evaluated on its last day or the as-of day if earlier:
 * - a node due in the period counts once: on time if done on or before its due day, missed otherwise;
 * - a node due before the period and still undone when the period starts counts again as missed
 *   (逾期未完成，持续计入), so an old overdue node keeps weighing until it is done.
 * The score is on-time nodes ÷ counted nodes × 100.
 */
import { minDate, type IsoDate } from '../calendar/dates.ts';
import type { EvaluatedTask } from '../tasks/types.ts';

/** A dated commitment of one unit: a milestone or a task's deadline. */
export interface Node {
  taskCode: string;
  taskTitle: string;
  unit: string;
  name: string;
  due: IsoDate;
  done: IsoDate | undefined;
}

export type NodeOutcome = 'on_time' | 'late' | 'overdue' | 'carried_over';

export interface NodeResult {
  node: Node;
  outcome: NodeOutcome;
}

export interface Timeliness {
  onTime: number;
  counted: number;
  /** 0–100, one decimal; undefined when no node was counted. */
  score: number | undefined;
  results: NodeResult[];
}

export const DEADLINE_NODE = '截止日期';

/** All nodes of the given tasks, as their lead units' commitments. */
export function nodesOf(tasks: readonly EvaluatedTask[]): Node[] {
  return tasks.flatMap((t) => [
    ...t.visibleMilestones.map((m) => ({ taskCode: t.code, taskTitle: t.title, unit: t.leadUnit, name: m.name, due: m.due, done: m.done })),
    { taskCode: t.code, taskTitle: t.title, unit: t.leadUnit, name: DEADLINE_NODE, due: t.deadline, done: t.completedOn },
  ]);
}

/** Timeliness of `nodes` over the period `from`–`to`, as known on `asOf`. */
export function timeliness(nodes: readonly Node[], from: IsoDate, to: IsoDate, asOf: IsoDate): Timeliness {
  const end = minDate(to, asOf);
  const results: NodeResult[] = [];
  for (const node of nodes) {
    const done = node.done && node.done <= end ? node.done : undefined;
    if (node.due >= from && node.due <= end) {
      results.push({ node, outcome: done === undefined ? 'overdue' : done <= node.due ? 'on_time' : 'late' });
      continue;
    }
    if (node.due < from && (done === undefined || done >= from)) {
      results.push({ node, outcome: 'carried_over' });
    }
  }
  results.sort((a, b) => a.node.due.localeCompare(b.node.due) || a.node.taskCode.localeCompare(b.node.taskCode));
  const onTime = results.filter((r) => r.outcome === 'on_time').length;
  const counted = results.length;
  return { onTime, counted, score: counted === 0 ? undefined : round1((onTime / counted) * 100), results };
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
