/**
 * Status, progress, colour warning and staleness of every task, computed from dates as of one day.
 *
 * Nothing here is typed by hand in content: a file records what happened and when (updates,
 * milestones done, sign-off), and the colours follow. Facts dated after the as-of day are ignored,
 * so a build "as of 2026-10-31" shows exactly what the board showed that day.
 *
 * The rules (thresholds are settings, see `WarningSettings`):
 * - red 逾期: the deadline, or a milestone, is past and not done.
 * - yellow 临期: the deadline is within `deadlineYellowDays`, or an unfinished milestone within
 *   `milestoneYellowDays`.
 * - green 正常推进: neither.
 * - A parent task (总任务) takes the worst colour of itself and its sub-tasks (子任务), and its
 *   progress from theirs: weighted when any sub-task has a weight, else the plain average.
 * - 更新滞后 is a separate signal: the latest update is older than the cadence allows.
 * - Whose date set the colour is kept (`warningCause`): the deadline before a milestone before a
 *   sub-task, so the label can say 节点逾期 where only a milestone is late (see warning-label.ts).
 * - Finished work carries no colour, unless a 回头看 (a supervision record's follow-up check) dated after it
 *   was finished found the problem back: then it is red again, with the record named, until a later
 *   回头看 finds the result held, and so is a finished parent of it. Its status stays finished: the work was
 *   done and signed off; it did not hold.
 */
import { daysBetween, type IsoDate } from '../calendar/dates.ts';
import type { WarningSettings } from '../content/schemas.ts';
import { watchedDates } from './watched-dates.ts';
import type { EvaluatedTask, ProgressBasis, Recheck, Staleness, TaskRecord, TaskStatus, WarningCause, WarningColour } from './types.ts';

const SEVERITY: Record<WarningColour, number> = { done: 0, green: 1, yellow: 2, red: 3 };

interface Finding {
  colour: 'yellow' | 'red';
  text: string;
  /** Whose date it is: the task's deadline, a milestone (by name) or a sub-task (by code). */
  source: { kind: 'deadline' } | { kind: 'milestone'; name: string } | { kind: 'subtask'; code: string };
}

/** Evaluates every task; parents after their sub-tasks. Tasks are returned in input order. `rechecks` are by task code. */
export function evaluateTasks(
  tasks: readonly TaskRecord[],
  asOf: IsoDate,
  settings: WarningSettings,
  rechecks: ReadonlyMap<string, readonly Recheck[]> = new Map(),
): EvaluatedTask[] {
  const byCode = new Map(tasks.map((t) => [t.code, t]));
  const childrenOf = new Map<string, string[]>();
  for (const task of tasks) {
    if (task.parent && byCode.has(task.parent)) {
      const list = childrenOf.get(task.parent) ?? [];
      list.push(task.code);
      childrenOf.set(task.parent, list);
    }
  }
  const done = new Map<string, EvaluatedTask>();
  const visiting = new Set<string>();

  const evaluate = (task: TaskRecord): EvaluatedTask => {
    const known = done.get(task.code);
    if (known) return known;
    if (visiting.has(task.code)) throw new Error(`任务 ${task.code} 的 parent 形成了循环`);
    visiting.add(task.code);
    const children = (childrenOf.get(task.code) ?? []).map((code) => evaluate(byCode.get(code)!));
    const result = evaluateOne(task, children, asOf, settings, rechecks.get(task.code) ?? []);
    visiting.delete(task.code);
    done.set(task.code, result);
    return result;
  };

  return tasks.map(evaluate);
}

function evaluateOne(task: TaskRecord, children: EvaluatedTask[], asOf: IsoDate, settings: WarningSettings, rechecks: readonly Recheck[]): EvaluatedTask {
  const visibleUpdates = task.updates.filter((u) => u.date <= asOf).sort((a, b) => a.date.localeCompare(b.date));
  const visibleMilestones = task.milestones.map((m) => (m.done && m.done > asOf ? { name: m.name, due: m.due } : m));
  const signOff = task.signOff && task.signOff.date <= asOf ? task.signOff : undefined;

  const { progress, basis } = rollUpProgress(visibleUpdates, children);
  const completedOn = completionDate(visibleUpdates, children, signOff?.date);
  const status = taskStatus(task.start, asOf, progress, signOff !== undefined);
  const finished = status === 'completed' || status === 'signed_off';

  let warning: WarningColour;
  let reasons: string[];
  let warningCause: WarningCause | undefined;
  const relapse = finished ? relapseOf(rechecks, completedOn, asOf) : undefined;
  // Finished sub-tasks that are red again: only a relapse makes finished work red.
  const reopenedChildren = finished ? children.filter((c) => c.warning === 'red' && (c.status === 'completed' || c.status === 'signed_off')) : [];
  if (relapse) {
    warning = 'red';
    reasons = [`回头看（${relapse.record}，${relapse.date}）发现问题反弹：${relapse.text}`];
    warningCause = { kind: 'recheck', record: relapse.record };
  } else if (reopenedChildren.length > 0) {
    const first = reopenedChildren[0]!;
    warning = 'red';
    reasons = childFindings(reopenedChildren).map((f) => f.text);
    warningCause =
      first.warningCause?.kind === 'recheck' ? { kind: 'recheck', record: first.warningCause.record, task: first.warningCause.task ?? first.code } : undefined;
  } else if (finished) {
    warning = 'done';
    const late = completedOn && completedOn > task.deadline ? `，晚于截止日期 ${daysBetween(task.deadline, completedOn)} 天` : '';
    reasons = [completedOn ? `已于 ${completedOn} 完成${late}` : '已完成'];
  } else {
    const findings = [...ownFindings(task, visibleMilestones, progress, asOf, settings), ...childFindings(children)];
    findings.sort((a, b) => SEVERITY[b.colour] - SEVERITY[a.colour]);
    const worst = findings[0]?.colour;
    warning = worst ?? 'green';
    reasons = findings.length > 0 ? findings.map((f) => f.text) : [onTrackReason(task, visibleMilestones, asOf)];
    warningCause = causeOf(findings.filter((f) => f.colour === worst));
  }

  const lastUpdate = [visibleUpdates.at(-1)?.date, ...children.map((c) => c.staleness.lastUpdate)]
    .filter((d): d is IsoDate => d !== undefined)
    .sort()
    .at(-1);
  const staleness = status === 'in_progress' ? stalenessOf(task, lastUpdate, asOf, settings) : { stale: false, lastUpdate, text: '' };

  return {
    ...task,
    status,
    progress,
    progressBasis: basis,
    warning,
    reasons,
    warningCause,
    staleness,
    completedOn,
    children: children.map((c) => c.code),
    visibleUpdates,
    visibleMilestones,
  };
}

/** The latest 回头看 dated after the work was finished and by the day, when it found the problem back. */
function relapseOf(rechecks: readonly Recheck[], finishedOn: IsoDate | undefined, asOf: IsoDate): Recheck | undefined {
  const latest = rechecks
    .filter((r) => r.date <= asOf && (!finishedOn || r.date >= finishedOn))
    .sort((a, b) => a.date.localeCompare(b.date))
    .at(-1);
  return latest?.relapsed ? latest : undefined;
}

/** A leaf task's progress is its latest reported figure; a parent's is rolled up from its sub-tasks. */
function rollUpProgress(updates: TaskRecord['updates'], children: EvaluatedTask[]): { progress: number; basis: ProgressBasis } {
  if (children.length === 0) {
    const latest = updates.filter((u) => u.progress !== undefined).at(-1);
    return { progress: latest?.progress ?? 0, basis: 'own' };
  }
  const weighted = children.some((c) => c.weight !== undefined);
  const weights = children.map((c) => (weighted ? (c.weight ?? 1) : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const sum = children.reduce((acc, c, i) => acc + c.progress * weights[i]!, 0);
  return { progress: Math.round(sum / total), basis: weighted ? 'weighted' : 'average' };
}

function completionDate(updates: TaskRecord['updates'], children: EvaluatedTask[], signedOn: IsoDate | undefined): IsoDate | undefined {
  let reached: IsoDate | undefined;
  if (children.length === 0) {
    reached = updates.find((u) => u.progress === 100)?.date;
  } else if (children.every((c) => c.completedOn !== undefined)) {
    reached = children
      .map((c) => c.completedOn!)
      .sort()
      .at(-1);
  }
  if (reached && signedOn) return reached < signedOn ? reached : signedOn;
  return reached ?? signedOn;
}

function taskStatus(start: IsoDate, asOf: IsoDate, progress: number, signedOff: boolean): TaskStatus {
  if (signedOff) return 'signed_off';
  if (progress >= 100) return 'completed';
  if (asOf < start && progress === 0) return 'not_started';
  return 'in_progress';
}

function ownFindings(task: TaskRecord, milestones: TaskRecord['milestones'], progress: number, asOf: IsoDate, settings: WarningSettings): Finding[] {
  const findings: Finding[] = [];
  for (const { what, due, daysLeft, warning } of watchedDates(task.deadline, milestones, asOf, settings)) {
    if (!warning) continue;
    const text =
      what.kind === 'deadline'
        ? warning === 'red'
          ? `截止日期 ${due} 已过 ${-daysLeft} 天，当前进度 ${progress}%`
          : `距截止日期 ${due} ${daysLeft === 0 ? '今天到期' : `还有 ${daysLeft} 天`}，当前进度 ${progress}%`
        : warning === 'red'
          ? `「${what.name}」节点 ${due} 已过期 ${-daysLeft} 天未完成`
          : `「${what.name}」节点 ${due} ${daysLeft === 0 ? '今天到期' : `还有 ${daysLeft} 天到期`}，尚未完成`;
    findings.push({ colour: warning, text, source: what });
  }
  return findings;
}

function childFindings(children: EvaluatedTask[]): Finding[] {
  return children
    .filter((c) => c.warning === 'red' || c.warning === 'yellow')
    .map((c) => ({
      colour: c.warning as 'red' | 'yellow',
      text: `子任务 ${c.code}「${c.title}」：${c.reasons[0]}`,
      source: { kind: 'subtask', code: c.code },
    }));
}

/**
 * Whose date it is, among the findings of the worst colour: the task's own deadline first, then its
 * milestones (all of that colour, in file order), then its sub-tasks. None when nothing warns.
 */
function causeOf(worst: readonly Finding[]): WarningCause | undefined {
  if (worst.length === 0) return undefined;
  if (worst.some((f) => f.source.kind === 'deadline')) return { kind: 'deadline' };
  const milestones = worst.flatMap((f) => (f.source.kind === 'milestone' ? [f.source.name] : []));
  if (milestones.length > 0) return { kind: 'milestone', milestones };
  return { kind: 'subtask', tasks: worst.flatMap((f) => (f.source.kind === 'subtask' ? [f.source.code] : [])) };
}

function onTrackReason(task: TaskRecord, milestones: TaskRecord['milestones'], asOf: IsoDate): string {
  const next = milestones.filter((m) => !m.done && m.due >= asOf).sort((a, b) => a.due.localeCompare(b.due))[0];
  if (next) return `按计划推进，下一节点「${next.name}」${next.due}`;
  return `按计划推进，截止日期 ${task.deadline}`;
}

function stalenessOf(task: TaskRecord, lastUpdate: IsoDate | undefined, asOf: IsoDate, settings: WarningSettings): Staleness {
  const cadenceDays = task.cadence === 'weekly' ? settings.weeklyCadenceDays : settings.monthlyCadenceDays;
  const cadenceWord = task.cadence === 'weekly' ? '每周' : '每月';
  const since = lastUpdate ?? task.start;
  const idle = daysBetween(since, asOf);
  if (idle <= cadenceDays + settings.staleGraceDays) return { stale: false, lastUpdate, text: '' };
  const text = lastUpdate
    ? `最近一次推进动态为 ${lastUpdate}，已 ${idle} 天未更新（要求${cadenceWord}更新）`
    : `自 ${task.start} 开始以来 ${idle} 天未报送推进动态（要求${cadenceWord}更新）`;
  return { stale: true, lastUpdate, text };
}
