/**
 * The words of supervision records (督办记录): what the supervising office did about a task. Files store
 * the ids; pages and the CMS show the labels.
 */
import type { Term } from '../exposures/vocabulary.ts';

/**
 * 督办类型:
 * - 工作提示 reminder: sent before a deadline or milestone of a task that is near and behind;
 * - 督办单 order: a numbered order to the responsible units, with a time limit for their written report;
 * - 提级督办 escalation: a serious case raised to a named leader (挂名督办);
 * - 回头看 recheck: a check after sign-off that the result held.
 */
export const SUPERVISION_KINDS = [
  { id: 'reminder', label: '工作提示' },
  { id: 'order', label: '督办单' },
  { id: 'escalation', label: '提级督办' },
  { id: 'recheck', label: '回头看' },
] as const satisfies readonly Term[];

/** 发现方式: how the office came to know. */
export const SUPERVISION_SOURCES = [
  { id: 'written', label: '书面' },
  { id: 'on-site', label: '实地' },
  { id: 'unannounced', label: '暗访' },
  { id: 'data', label: '大数据' },
] as const satisfies readonly Term[];

/** 回头看的结论: the result held, or the problem came back (问题反弹), which reopens the task's warning. */
export const RECHECK_FINDINGS = [
  { id: 'held', label: '成效巩固' },
  { id: 'relapsed', label: '问题反弹' },
] as const satisfies readonly Term[];

export type SupervisionKind = (typeof SUPERVISION_KINDS)[number]['id'];
export type RecheckFinding = (typeof RECHECK_FINDINGS)[number]['id'];

/**
 * 督办状态, computed from dates, never typed: 待反馈 (a report is due and not all units have sent one),
 * 已反馈 (every unit reported; on time or late), 逾期未反馈 (the limit passed without every report),
 * 已办结 (the office closed it), 无需反馈 (no report was asked for).
 */
export type SupervisionStatus = 'awaiting' | 'reported' | 'overdue' | 'closed' | 'no-report';

export const SUPERVISION_STATUS_LABEL: Record<SupervisionStatus, string> = {
  awaiting: '待反馈',
  reported: '已反馈',
  overdue: '逾期未反馈',
  closed: '已办结',
  'no-report': '无需反馈',
};

/** The statuses in the order the filters offer them. */
export const SUPERVISION_STATUSES: readonly SupervisionStatus[] = ['awaiting', 'overdue', 'reported', 'closed', 'no-report'];

/** The colour beside a status's words: red overdue, yellow awaiting or reported late, green reported on time. */
export function supervisionTone(status: SupervisionStatus, workingDaysLate: number): 'red' | 'yellow' | 'green' | 'done' {
  if (status === 'overdue') return 'red';
  if (status === 'awaiting') return 'yellow';
  if (status === 'reported') return workingDaysLate > 0 ? 'yellow' : 'green';
  return 'done';
}
