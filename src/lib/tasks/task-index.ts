/**
 * The compact list of every task the combined filter loads in the browser (/data/task-index.json):
 * one array a task, so ten thousand tasks stay a download of a few hundred kilobytes.
 */
import type { EvaluatedTask } from './types.ts';
import { warningBadgeText } from './warning-label.ts';

export const TASK_INDEX_FIELDS = [
  'code',
  'title',
  'isSubTask',
  'ledger',
  'category',
  'unit',
  'unitShortName',
  'status',
  'warning',
  'deadline',
  'progress',
  'stale',
  'warningLabel',
  'warningDetail',
] as const;

export type TaskIndexRow = [string, string, 0 | 1, string, string, string, string, string, string, string, number, 0 | 1, string, string];

export function taskIndexRow(t: EvaluatedTask, unitShortName: string): TaskIndexRow {
  const badge = warningBadgeText(t.warning, t.warningCause);
  return [
    t.code,
    t.title,
    t.parent ? 1 : 0,
    t.ledger,
    t.category,
    t.leadUnit,
    unitShortName,
    t.status,
    t.warning,
    t.deadline,
    t.progress,
    t.staleness.stale ? 1 : 0,
    badge.label,
    badge.detail ?? '',
  ];
}
