/**
 * Each task's compact row (lib/tasks/task-index.ts) and its table row's HTML (lib/tasks/task-row.ts), made
 * once per build: a task is listed on a dozen pages (each filter it matches, in two orders, its parent's
 * page), which at province scale is over a hundred thousand rows written from ten thousand.
 */
import type { UnitData } from '../lib/content/schemas.ts';
import { taskIndexRow, type TaskIndexRow } from '../lib/tasks/task-index.ts';
import { taskRowHtml } from '../lib/tasks/task-row.ts';
import type { EvaluatedTask } from '../lib/tasks/types.ts';

const made = new WeakMap<EvaluatedTask, { row: TaskIndexRow; html?: string }>();

function entry(task: EvaluatedTask, unitById: ReadonlyMap<string, UnitData>) {
  let known = made.get(task);
  if (!known) made.set(task, (known = { row: taskIndexRow(task, unitById.get(task.leadUnit)?.shortName ?? task.leadUnit) }));
  return known;
}

export function taskRowOf(task: EvaluatedTask, unitById: ReadonlyMap<string, UnitData>): TaskIndexRow {
  return entry(task, unitById).row;
}

/** The row with the lead unit in the third column, as the lists show it. */
export function leadRowHtml(task: EvaluatedTask, unitById: ReadonlyMap<string, UnitData>): string {
  const known = entry(task, unitById);
  return (known.html ??= taskRowHtml(known.row));
}
