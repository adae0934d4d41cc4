/**
 * The notice board (公示栏) as a whole: tasks indexed, counted and grouped for the pages.
 * Pages ask this module; they never count or sort on their own.
 */
import type { IsoDate } from '../calendar/dates.ts';
import { STATUS_ORDER, WARNING_ORDER } from '../tasks/vocabulary.ts';
import type { EvaluatedTask, TaskStatus, WarningColour } from './types.ts';

/** Task codes compare by their numeric parts: WL-2026-9 before WL-2026-10. */
const codeCollator = new Intl.Collator('en', { numeric: true });
export const compareCodes = (a: string, b: string): number => codeCollator.compare(a, b);

export function byCode(a: EvaluatedTask, b: EvaluatedTask): number {
  return compareCodes(a.code, b.code);
}

/** Soonest deadline first; finished work after unfinished work of the same day. */
export function byDeadline(a: EvaluatedTask, b: EvaluatedTask): number {
  return a.deadline.localeCompare(b.deadline) || byCode(a, b);
}

export type Counts<K extends string> = Record<K, number>;

export function countStatuses(tasks: readonly EvaluatedTask[]): Counts<TaskStatus> {
  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Counts<TaskStatus>;
  for (const t of tasks) counts[t.status] += 1;
  return counts;
}

export function countWarnings(tasks: readonly EvaluatedTask[]): Counts<WarningColour> {
  const counts = Object.fromEntries(WARNING_ORDER.map((w) => [w, 0])) as Counts<WarningColour>;
  for (const t of tasks) counts[t.warning] += 1;
  return counts;
}

/** Tasks grouped by a key, every key of `keys` present even when empty, in the order of `keys`. */
export function groupBy<K extends string>(
  tasks: readonly EvaluatedTask[],
  keys: readonly K[],
  keyOf: (t: EvaluatedTask) => K | readonly K[],
): Map<K, EvaluatedTask[]> {
  const groups = new Map<K, EvaluatedTask[]>(keys.map((k) => [k, []]));
  for (const t of tasks) {
    const ks = keyOf(t);
    for (const k of typeof ks === 'string' ? [ks as K] : (ks as readonly K[])) groups.get(k)?.push(t);
  }
  return groups;
}

/** A unit's involvement in a task: 牵头, 责任 or 配合. */
export type UnitRole = 'lead' | 'responsible' | 'supporting';

export function roleOf(task: EvaluatedTask, unit: string): UnitRole | undefined {
  if (task.leadUnit === unit) return 'lead';
  if (task.responsibleUnits.includes(unit)) return 'responsible';
  if (task.supportingUnits.includes(unit)) return 'supporting';
  return undefined;
}

/** Every unit a task involves, lead first, without repeats. */
export function unitsOf(task: EvaluatedTask): string[] {
  return [...new Set([task.leadUnit, ...task.responsibleUnits, ...task.supportingUnits])];
}

/** The latest dated fact on the board: what "data as of" can honestly claim beyond the as-of day. */
export function latestUpdate(tasks: readonly EvaluatedTask[]): IsoDate | undefined {
  return tasks
    .flatMap((t) => t.visibleUpdates.map((u) => u.date))
    .sort()
    .at(-1);
}
