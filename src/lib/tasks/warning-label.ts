/**
 * The words on a task's colour badge. The colour says how serious (红 / 黄); the words say whose date
 * it is, so a task due next year with one late milestone reads 红色·节点逾期「主体完工」, never 红色·逾期.
 */
import { WARNING_CAUSE_LABEL, WARNING_LABEL } from './vocabulary.ts';
import type { WarningCause, WarningColour } from './types.ts';

export interface WarningBadgeText {
  /** 红色·逾期, 红色·节点逾期, 黄色·临期预警 … */
  label: string;
  /** Which milestone or sub-task, when it is not the task's own deadline: 「主体完工」, 子任务 ND-2026-005-02. */
  detail: string | undefined;
}

/** The badge of a task with this colour and cause; green and finished work keep their colour's words. */
export function warningBadgeText(warning: WarningColour, cause: WarningCause | undefined): WarningBadgeText {
  if ((warning !== 'red' && warning !== 'yellow') || cause === undefined) return { label: WARNING_LABEL[warning], detail: undefined };
  // Only a relapse found by a 回头看 makes finished work warn, and it is always red.
  if (cause.kind === 'recheck')
    return { label: WARNING_CAUSE_LABEL.red.recheck, detail: cause.task ? `子任务 ${cause.task}（${cause.record}）` : cause.record };
  const label = WARNING_CAUSE_LABEL[warning][cause.kind];
  switch (cause.kind) {
    case 'deadline':
      return { label, detail: undefined };
    case 'milestone':
      return { label, detail: `「${cause.milestones[0]}」${more(cause.milestones.length, '个节点')}` };
    case 'subtask':
      return { label, detail: `子任务 ${cause.tasks[0]}${more(cause.tasks.length, '项')}` };
  }
}

function more(count: number, unit: string): string {
  return count > 1 ? `等 ${count} ${unit}` : '';
}
