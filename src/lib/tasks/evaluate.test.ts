import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateTasks } from './evaluate.ts';
import { warningBadgeText } from './warning-label.ts';
import { defaultWarnings, makeTask } from './test-helpers.ts';
import type { TaskRecord } from './types.ts';

const one = (task: TaskRecord, asOf: string) => evaluateTasks([task], asOf, defaultWarnings)[0]!;

describe('colour warnings', () => {
  it('a milestone one day past and undone turns the task red, with the reason in words', () => {
    const task = makeTask({ milestones: [{ name: '第二阶段', due: '2026-09-30' }], updates: [{ date: '2026-10-20', progress: 40, text: '施工中' }] });
    const result = one(task, '2026-10-23');
    expect(result.warning).toBe('red');
    expect(result.reasons).toContain('「第二阶段」节点 2026-09-30 已过期 23 天未完成');
  });

  it('a milestone due today is yellow, not yet red', () => {
    const task = makeTask({ milestones: [{ name: '方案批复', due: '2026-06-30' }], updates: [{ date: '2026-06-25', progress: 30, text: '报批中' }] });
    expect(one(task, '2026-06-30').warning).toBe('yellow');
    expect(one(task, '2026-07-01').warning).toBe('red');
  });

  it('a milestone done late no longer warns once it is done', () => {
    const task = makeTask({
      milestones: [{ name: '方案批复', due: '2026-06-30', done: '2026-07-05' }],
      updates: [{ date: '2026-07-05', progress: 35, text: '已批复' }],
    });
    expect(one(task, '2026-07-03').warning).toBe('red');
    expect(one(task, '2026-07-06').warning).toBe('green');
  });

  it('the deadline exactly the threshold away is yellow; one day further is green', () => {
    const task = makeTask({ deadline: '2026-12-31', updates: [{ date: '2026-12-10', progress: 80, text: '收尾' }] });
    expect(one(task, '2026-12-16').warning).toBe('yellow');
    expect(one(task, '2026-12-16').reasons[0]).toBe('距截止日期 2026-12-31 还有 15 天，当前进度 80%');
    expect(one(task, '2026-12-15').warning).toBe('green');
  });

  it('a passed deadline is red and says by how many days', () => {
    const task = makeTask({ deadline: '2026-10-31', updates: [{ date: '2026-11-10', progress: 90, text: '验收' }] });
    const result = one(task, '2026-11-23');
    expect(result.warning).toBe('red');
    expect(result.reasons[0]).toBe('截止日期 2026-10-31 已过 23 天，当前进度 90%');
  });

  it('finished work carries no warning and says when it finished and how late', () => {
    const task = makeTask({ deadline: '2026-10-31', updates: [{ date: '2026-11-05', progress: 100, text: '完工' }] });
    const result = one(task, '2026-11-23');
    expect(result.status).toBe('completed');
    expect(result.warning).toBe('done');
    expect(result.reasons[0]).toBe('已于 2026-11-05 完成，晚于截止日期 5 天');
  });

  it('ignores facts dated after the as-of day', () => {
    const task = makeTask({
      deadline: '2026-10-31',
      updates: [
        { date: '2026-10-01', progress: 60, text: '推进' },
        { date: '2026-11-05', progress: 100, text: '完工' },
      ],
      signOff: { leader: '王明', date: '2026-11-10' },
    });
    const early = one(task, '2026-10-20');
    expect(early.progress).toBe(60);
    expect(early.status).toBe('in_progress');
    expect(early.visibleUpdates).toHaveLength(1);
    expect(one(task, '2026-11-07').status).toBe('completed');
    expect(one(task, '2026-11-10').status).toBe('signed_off');
  });

  it('is not started before its start day with no progress', () => {
    expect(one(makeTask({ start: '2026-12-01' }), '2026-11-23').status).toBe('not_started');
  });
});

describe('staleness 更新滞后', () => {
  it('is a separate signal from the colour: a green task can be stale', () => {
    const task = makeTask({ cadence: 'weekly', updates: [{ date: '2026-11-01', progress: 50, text: '推进' }] });
    const result = one(task, '2026-11-23');
    expect(result.warning).toBe('green');
    expect(result.staleness.stale).toBe(true);
    expect(result.staleness.text).toBe('最近一次推进动态为 2026-11-01，已 22 天未更新（要求每周更新）');
  });

  it('allows the cadence plus the grace days, and not one day more', () => {
    const task = makeTask({ cadence: 'weekly', updates: [{ date: '2026-11-13', progress: 50, text: '推进' }] });
    expect(one(task, '2026-11-23').staleness.stale).toBe(false); // 10 days = 7 + 3
    expect(one(task, '2026-11-24').staleness.stale).toBe(true);
  });

  it('a parent is fresh when any of its sub-tasks reported recently', () => {
    const parent = makeTask({ code: 'P', cadence: 'weekly', updates: [], start: '2026-10-01' });
    const child = makeTask({ code: 'P-01', parent: 'P', cadence: 'weekly', updates: [{ date: '2026-11-20', progress: 30, text: '推进' }] });
    const [p] = evaluateTasks([parent, child], '2026-11-23', defaultWarnings);
    expect(p!.staleness.stale).toBe(false);
  });
});

describe('parent tasks 总任务', () => {
  const kids = [
    makeTask({ code: 'P-01', parent: 'P', updates: [{ date: '2026-11-01', progress: 100, text: '完成' }] }),
    makeTask({ code: 'P-02', parent: 'P', updates: [{ date: '2026-11-01', progress: 40, text: '推进' }] }),
  ];

  it('averages sub-task progress when no weights are given', () => {
    const [p] = evaluateTasks([makeTask({ code: 'P' }), ...kids], '2026-11-23', defaultWarnings);
    expect(p!.progress).toBe(70);
    expect(p!.progressBasis).toBe('average');
    expect(p!.children).toEqual(['P-01', 'P-02']);
  });

  it('weights sub-task progress when weights are given', () => {
    const weighted = [
      { ...kids[0]!, weight: 1 },
      { ...kids[1]!, weight: 3 },
    ];
    const [p] = evaluateTasks([makeTask({ code: 'P' }), ...weighted], '2026-11-23', defaultWarnings);
    expect(p!.progress).toBe(55);
    expect(p!.progressBasis).toBe('weighted');
  });

  it('takes the worst colour of its sub-tasks and names the one at fault', () => {
    const late = makeTask({
      code: 'P-03',
      parent: 'P',
      title: '管网改造',
      deadline: '2026-11-01',
      updates: [{ date: '2026-11-01', progress: 50, text: '推进' }],
    });
    const [p] = evaluateTasks([makeTask({ code: 'P' }), ...kids, late], '2026-11-23', defaultWarnings);
    expect(p!.warning).toBe('red');
    expect(p!.reasons[0]).toBe('子任务 P-03「管网改造」：截止日期 2026-11-01 已过 22 天，当前进度 50%');
  });

  it('is complete on the day its last sub-task completed', () => {
    const all = [
      makeTask({ code: 'P-01', parent: 'P', updates: [{ date: '2026-09-01', progress: 100, text: '完成' }] }),
      makeTask({ code: 'P-02', parent: 'P', updates: [{ date: '2026-10-15', progress: 100, text: '完成' }] }),
    ];
    const [p] = evaluateTasks([makeTask({ code: 'P' }), ...all], '2026-11-23', defaultWarnings);
    expect(p!.status).toBe('completed');
    expect(p!.completedOn).toBe('2026-10-15');
  });

  it('refuses a parent chain that loops', () => {
    const a = makeTask({ code: 'A', parent: 'B' });
    const b = makeTask({ code: 'B', parent: 'A' });
    expect(() => evaluateTasks([a, b], '2026-11-23', defaultWarnings)).toThrow(/循环/);
  });
});

describe('invariants', () => {
  it('progress stays within 0–100 and finished work is never red', () => {
    const update = fc.record({
      date: fc.constantFrom('2026-03-01', '2026-06-01', '2026-09-01'),
      progress: fc.integer({ min: 0, max: 100 }),
      text: fc.constant('x'),
    });
    fc.assert(
      fc.property(fc.array(update, { maxLength: 4 }), fc.constantFrom('2026-02-01', '2026-07-01', '2027-01-05'), (updates, asOf) => {
        const r = one(makeTask({ updates }), asOf);
        expect(r.progress).toBeGreaterThanOrEqual(0);
        expect(r.progress).toBeLessThanOrEqual(100);
        if (r.status === 'completed' || r.status === 'signed_off') expect(r.warning).toBe('done');
        else expect(r.warning).not.toBe('done');
      }),
    );
  });
});

describe('a 回头看 (follow-up check) of finished work', () => {
  const finished = makeTask({
    code: 'MS-2026-007',
    deadline: '2026-09-30',
    updates: [{ date: '2026-09-20', progress: 100, text: '完工' }],
    signOff: { leader: '唐慧敏', date: '2026-09-28' },
  });
  const recheck = (date: string, relapsed: boolean) => ({
    date,
    record: `督办〔2026〕第${date.slice(8)}号`,
    relapsed,
    text: relapsed ? '排水管道再次堵塞，群众反映强烈' : '运行正常',
  });
  const withRechecks = (asOf: string, ...list: ReturnType<typeof recheck>[]) =>
    evaluateTasks([finished], asOf, defaultWarnings, new Map([['MS-2026-007', list]]))[0]!;

  it('that finds the problem back turns the signed-off task red again, naming the record, from its date', () => {
    expect(withRechecks('2026-11-09', recheck('2026-11-10', true)).warning).toBe('done');
    const reopened = withRechecks('2026-11-10', recheck('2026-11-10', true));
    expect(reopened).toMatchObject({ status: 'signed_off', warning: 'red', warningCause: { kind: 'recheck', record: '督办〔2026〕第10号' } });
    expect(reopened.reasons).toEqual(['回头看（督办〔2026〕第10号，2026-11-10）发现问题反弹：排水管道再次堵塞，群众反映强烈']);
  });

  it('that finds the result held leaves it finished, and a later one that holds closes a reopened warning', () => {
    expect(withRechecks('2026-12-01', recheck('2026-11-10', false)).warning).toBe('done');
    expect(withRechecks('2026-12-01', recheck('2026-11-10', true), recheck('2026-11-25', false)).warning).toBe('done');
    expect(withRechecks('2026-12-01', recheck('2026-11-10', false), recheck('2026-11-25', true)).warning).toBe('red');
  });

  it('reaches the parent task through its sub-task', () => {
    const parent = makeTask({ code: 'MS-2026', deadline: '2026-12-31', updates: [] });
    const child = { ...finished, parent: 'MS-2026' };
    const [evaluatedParent] = evaluateTasks([parent, child], '2026-11-20', defaultWarnings, new Map([['MS-2026-007', [recheck('2026-11-10', true)]]]));
    expect(evaluatedParent).toMatchObject({ warning: 'red', warningCause: { kind: 'recheck', record: '督办〔2026〕第10号', task: 'MS-2026-007' } });
    expect(warningBadgeText(evaluatedParent!.warning, evaluatedParent!.warningCause)).toEqual({
      label: '红色·回头看发现问题反弹',
      detail: '子任务 MS-2026-007（督办〔2026〕第10号）',
    });
  });
});
