/**
 * Whether a task's progress updates (推进动态) agree with its milestones (路线图). Updates name stages
 * in 「」: 完成「X」 says milestone X was done by the update's day; any other mention (「X」阶段,
 * 围绕「X」节点) says X is the stage in hand, so every milestone before it must be done by then, and X
 * itself not yet done before that day. A stage that is not a milestone (收尾验收, the work after the
 * last one) comes after all of them. The sample content is held to this (test/build/sample-content.test.ts),
 * so a reader never sees 收尾验收 described while 主体完工 is overdue.
 */

export interface StagedTask {
  milestones: readonly { name: string; due: string; done?: string | undefined }[];
  updates: readonly { date: string; text: string }[];
}

/** What does not agree, one sentence each (empty when all is well). */
export function updateProblems(task: StagedTask): string[] {
  const problems: string[] = [];
  const doneBy = (m: StagedTask['milestones'][number], day: string) => m.done !== undefined && m.done <= day;
  for (const update of task.updates) {
    for (const [, name] of update.text.matchAll(/「([^」]+)」/gu)) {
      const at = task.milestones.findIndex((m) => m.name === name);
      const milestone = task.milestones[at];
      if (update.text.includes(`完成「${name}」`)) {
        if (milestone && !doneBy(milestone, update.date))
          problems.push(`${update.date} 的推进动态说完成了「${name}」，但这个节点${milestone.done ? `在 ${milestone.done} 才完成` : '尚未完成'}`);
        continue;
      }
      const before = at < 0 ? task.milestones : task.milestones.slice(0, at);
      const open = before.filter((m) => !doneBy(m, update.date)).map((m) => `「${m.name}」`);
      if (open.length) problems.push(`${update.date} 的推进动态写的是「${name}」阶段，但此前的节点${open.join('')}当时还没有完成`);
      else if (milestone?.done !== undefined && milestone.done < update.date)
        problems.push(`${update.date} 的推进动态写的是「${name}」阶段，但这个节点在 ${milestone.done} 已经完成`);
    }
  }
  return problems;
}
