import { describe, expect, it } from 'vitest';
import { evaluateTasks } from './evaluate.ts';
import { defaultWarnings, makeTask } from './test-helpers.ts';
import type { TaskRecord } from './types.ts';
import { warningBadgeText } from './warning-label.ts';

const AS_OF = '2026-11-23';
const badgeOf = (tasks: TaskRecord[], asOf = AS_OF) => {
  const [first] = evaluateTasks(tasks, asOf, defaultWarnings);
  return warningBadgeText(first!.warning, first!.warningCause);
};
const working = [{ date: '2026-11-20', progress: 40, text: '施工中' }];

describe('the colour badge says whose date it is', () => {
  it('a task due next year with one milestone a day late is 红色·节点逾期 and names the milestone', () => {
    const task = makeTask({ deadline: '2027-03-31', milestones: [{ name: '主体完工', due: '2026-11-22' }], updates: working });
    expect(badgeOf([task])).toEqual({ label: '红色·节点逾期', detail: '「主体完工」' });
  });

  it('the same milestone due today is not late yet: 黄色·节点临期', () => {
    const task = makeTask({ deadline: '2027-03-31', milestones: [{ name: '主体完工', due: AS_OF }], updates: working });
    expect(badgeOf([task])).toEqual({ label: '黄色·节点临期', detail: '「主体完工」' });
  });

  it('a task a day past its own deadline is 红色·逾期, with nothing more to name', () => {
    const task = makeTask({ deadline: '2026-11-22', updates: working });
    expect(badgeOf([task])).toEqual({ label: '红色·逾期', detail: undefined });
  });

  it('a task past its own deadline is 红色·逾期 even when a milestone is late too', () => {
    const task = makeTask({ deadline: '2026-11-01', milestones: [{ name: '主体完工', due: '2026-10-15' }], updates: working });
    expect(badgeOf([task]).label).toBe('红色·逾期');
  });

  it('two late milestones: the first is named, with how many there are', () => {
    const task = makeTask({
      deadline: '2027-03-31',
      milestones: [
        { name: '方案批复', due: '2026-09-30' },
        { name: '主体完工', due: '2026-11-15' },
        { name: '竣工验收', due: '2027-03-01' },
      ],
      updates: working,
    });
    expect(badgeOf([task])).toEqual({ label: '红色·节点逾期', detail: '「方案批复」等 2 个节点' });
  });

  it('a late milestone outranks a deadline only near: the colour is red, so its cause is the milestone', () => {
    const task = makeTask({ deadline: '2026-12-01', milestones: [{ name: '主体完工', due: '2026-11-01' }], updates: working });
    expect(badgeOf([task])).toEqual({ label: '红色·节点逾期', detail: '「主体完工」' });
  });

  it('a deadline within the yellow threshold is 黄色·临期预警', () => {
    const task = makeTask({ deadline: '2026-12-08', updates: working });
    expect(badgeOf([task])).toEqual({ label: '黄色·临期预警', detail: undefined });
  });

  it('a parent on schedule whose sub-task is past its deadline is 红色·子任务逾期 and names the sub-task', () => {
    const parent = makeTask({ code: 'P', deadline: '2027-06-30', updates: working });
    const child = makeTask({ code: 'P-01', parent: 'P', deadline: '2026-11-01', updates: working });
    expect(badgeOf([parent, child])).toEqual({ label: '红色·子任务逾期', detail: '子任务 P-01' });
  });

  it('a parent past its own deadline is 红色·逾期 whatever its sub-tasks', () => {
    const parent = makeTask({ code: 'P', deadline: '2026-11-01', updates: working });
    const child = makeTask({ code: 'P-01', parent: 'P', deadline: '2026-10-01', updates: working });
    expect(badgeOf([parent, child]).label).toBe('红色·逾期');
  });

  it('green and finished work keep the words of their colour', () => {
    expect(badgeOf([makeTask({ deadline: '2027-03-31', updates: working })])).toEqual({ label: '绿色·正常推进', detail: undefined });
    const done = makeTask({ deadline: '2026-10-31', updates: [{ date: '2026-10-20', progress: 100, text: '完工' }] });
    expect(badgeOf([done])).toEqual({ label: '已完成', detail: undefined });
  });
});
