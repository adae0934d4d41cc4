/** The words of the notice board (公示栏) for computed values and choices: one place, so every page says the same thing. */
import type { ProgressBasis, TaskStatus, WarningCause, WarningColour } from './types.ts';
import type { UnitRole } from './board.ts';
import type { SortKey } from './filters.ts';

export const STATUS_LABEL: Record<TaskStatus, string> = {
  not_started: '未启动',
  in_progress: '推进中',
  completed: '已完成待销号',
  signed_off: '已销号',
};

export const WARNING_LABEL: Record<WarningColour, string> = {
  green: '绿色·正常推进',
  yellow: '黄色·临期预警',
  red: '红色·逾期',
  done: '已完成',
};

/**
 * The badge of a red or yellow task by whose date it is: 逾期 only when the task's own deadline has
 * passed; 节点逾期 when one of its milestones is late; 子任务逾期 when a sub-task is.
 */
export const WARNING_CAUSE_LABEL: {
  red: Record<WarningCause['kind'], string>;
  yellow: Record<Exclude<WarningCause['kind'], 'recheck'>, string>;
} = {
  red: { deadline: '红色·逾期', milestone: '红色·节点逾期', subtask: '红色·子任务逾期', recheck: '红色·回头看发现问题反弹' },
  yellow: { deadline: '黄色·临期预警', milestone: '黄色·节点临期', subtask: '黄色·子任务临期' },
};

/** Short forms for table cells and chart axes. */
export const WARNING_SHORT: Record<WarningColour, string> = { green: '正常', yellow: '临期', red: '逾期', done: '已完成' };

export const PROGRESS_BASIS_LABEL: Record<ProgressBasis, string> = {
  own: '按最近一次推进动态填报',
  weighted: '按子任务权重加权汇总',
  average: '按子任务进度平均汇总',
};

export const UNIT_KIND_LABEL = { department: '部门', town: '街镇', park: '园区' } as const;

export const CADENCE_LABEL = { weekly: '每周更新', monthly: '每月更新' } as const;

export const STATUS_ORDER: readonly TaskStatus[] = ['not_started', 'in_progress', 'completed', 'signed_off'];
export const WARNING_ORDER: readonly WarningColour[] = ['red', 'yellow', 'green', 'done'];

/** A unit's part in a task: 牵头单位, 责任单位, 配合单位. */
export const ROLE_LABEL: Record<UnitRole, string> = { lead: '牵头', responsible: '责任', supporting: '配合' };

export const SORT_LABEL: Record<SortKey, string> = { code: '按任务编号', deadline: '按截止日期（最近的在前）' };
