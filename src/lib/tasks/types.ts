import type { IsoDate } from '../calendar/dates.ts';
import type { TaskData } from '../content/schemas.ts';

/** A task as read from its file: the file name is its code (任务编号). */
export interface TaskRecord extends TaskData {
  code: string;
}

/** 任务状态: where the work stands, from its updates and sign-off. */
export type TaskStatus = 'not_started' | 'in_progress' | 'completed' | 'signed_off';

/**
 * 分色预警: green 正常推进, yellow 临期预警, red 逾期/滞后; `done` for finished work,
 * which no longer carries a warning.
 */
export type WarningColour = 'green' | 'yellow' | 'red' | 'done';

/**
 * Whose date gives a red or yellow task its colour: the task's own deadline, one of its milestones
 * (节点), or a sub-task. A task due next year with one late milestone is red, but it is the milestone
 * that is late, and the label says so (红色·节点逾期, not 红色·逾期).
 */
export type WarningCause =
  | { kind: 'deadline' }
  | { kind: 'milestone'; milestones: string[] }
  | { kind: 'subtask'; tasks: string[] }
  /** A 回头看 found the problem back after the task, or its sub-task `task`, was finished (the record's number). */
  | { kind: 'recheck'; record: string; task?: string };

/** A 回头看 (follow-up check) of a finished task, from a supervision record. */
export interface Recheck {
  date: IsoDate;
  /** The record's number, e.g. 督办〔2026〕第21号. */
  record: string;
  relapsed: boolean;
  text: string;
}

/** How a task's progress figure was reached. */
export type ProgressBasis = 'own' | 'weighted' | 'average';

/** 更新滞后: whether the task's updates have fallen behind its reporting cadence. */
export interface Staleness {
  stale: boolean;
  lastUpdate: IsoDate | undefined;
  text: string;
}

/** A task with everything the board computes about it as of a day. */
export interface EvaluatedTask extends TaskRecord {
  status: TaskStatus;
  progress: number;
  progressBasis: ProgressBasis;
  warning: WarningColour;
  /** Why the warning has its colour, in words, most serious first. */
  reasons: string[];
  /** Whose date set the colour, for red and yellow; undefined for green and finished work. */
  warningCause: WarningCause | undefined;
  staleness: Staleness;
  /** The day the work was finished, when it is. */
  completedOn: IsoDate | undefined;
  /** Codes of the direct sub-tasks (子任务). */
  children: string[];
  /** Updates and milestones with facts dated after the as-of day removed. */
  visibleUpdates: TaskData['updates'];
  visibleMilestones: TaskData['milestones'];
}
