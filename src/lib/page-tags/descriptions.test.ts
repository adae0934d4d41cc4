import { describe, expect, it } from 'vitest';
import {
  bulletinDescription,
  bulletinListDescription,
  caseDescription,
  caseListDescription,
  dimensionPageDescription,
  homeDescription,
  messageBoardDescription,
  messageDescription,
  rankingDescription,
  taskDescription,
  taskListDescription,
  unitDescription,
  unitsDescription,
} from './descriptions.ts';
import { DESCRIPTION_MAX } from './meta.ts';

const names: Record<string, string> = { housing: '望澜区住房和城乡建设局', education: '区教育局', lanxi: '澜溪街道' };
const unitName = (id: string) => names[id] ?? id;
const counts = { red: 3, yellow: 1, green: 4, done: 2 };
const task = {
  code: 'WL-2026-001',
  title: '老旧小区加装电梯',
  goal: '年内完成 40 部电梯加装',
  deadline: '2026-12-31',
  leadUnit: 'housing',
  status: 'in_progress' as const,
  warning: 'red' as const,
  warningCause: { kind: 'milestone' as const, milestones: ['主体完工'] },
};
const noHtml = (text: string) => expect(text).not.toMatch(/[<>]/);

describe('descriptions', () => {
  it('of a task give its lead unit, status with colour, deadline and goal', () => {
    const text = taskDescription(task, unitName);
    expect(text).toBe(
      'WL-2026-001「老旧小区加装电梯」由望澜区住房和城乡建设局牵头，推进中（红色·节点逾期），截止日期2026年12月31日。任务目标：年内完成 40 部电梯加装',
    );
    noHtml(text);
  });

  it('of a finished task leave the colour out', () => {
    expect(taskDescription({ ...task, status: 'signed_off', warning: 'done', warningCause: undefined }, unitName)).toContain('牵头，已销号，截止日期');
  });

  it('of a task with a long goal stop at 120 characters', () => {
    const text = taskDescription({ ...task, goal: '完成加装'.repeat(60) }, unitName);
    expect([...text]).toHaveLength(DESCRIPTION_MAX);
    expect(text).toMatch(/…$/);
  });

  it('of the home page count the district’s tasks by colour', () => {
    expect(homeDescription('望澜区', 10, counts)).toMatch(/^望澜区重点工作任务推进情况公示，共 10 项：逾期 3 项，临期 1 项，正常 4 项，已完成 2 项。/);
  });

  it('of a 公示栏 list say which tasks, how many, the order and the page', () => {
    expect(taskListDescription({ chosen: [], total: 10, warnings: counts, sort: 'code', page: 1 })).toBe(
      '公示栏的全部重点任务，共 10 项：逾期 3 项，临期 1 项，正常 4 项，已完成 2 项。',
    );
    expect(taskListDescription({ chosen: [{ dimension: '牵头单位', value: '区教育局' }], total: 10, warnings: counts, sort: 'deadline', page: 2 })).toBe(
      '公示栏中牵头单位为「区教育局」的重点任务，共 10 项：逾期 3 项，临期 1 项，正常 4 项，已完成 2 项；按截止日期排列；第 2 页。',
    );
  });

  it('of a filter’s own page say how many values and in which order their lists are', () => {
    expect(dimensionPageDescription('牵头单位', 200, 'code')).toBe('公示栏按牵头单位筛选：200 个牵头单位及各自的任务数，每个链接到它的任务列表。');
    expect(dimensionPageDescription('牵头单位', 200, 'deadline')).toBe(
      '公示栏按牵头单位筛选：200 个牵头单位及各自的任务数，每个链接到它的任务列表（按截止日期排列）。',
    );
  });

  it('of the units list count each kind of unit', () => {
    expect(unitsDescription([{ kind: 'department' }, { kind: 'department' }, { kind: 'town' }], '2026-10')).toBe(
      '3 个责任单位（部门 2 个、街镇 1 个）牵头和参与的重点任务数、预警情况、节点按期完成率和2026年10月排位。',
    );
  });

  it('of a unit give what it leads, how much is red, its on-time rate and rank', () => {
    const summary = {
      led: [1, 2, 3],
      warnings: counts,
      onTime: { onTime: 8, counted: 10 },
      score: { rank: 2 },
      rankedCount: 12,
      headline: { month: '2026-10' },
    };
    expect(unitDescription('区教育局', summary, 4)).toBe(
      '区教育局牵头 3 项重点任务，其中红色预警 3 项，另参与 4 项；本年度节点按期完成 8 / 10 个（80.0%）；2026年10月排第 2 名（共 12 个单位排名）。',
    );
    expect(unitDescription('区教育局', { ...summary, score: { rank: undefined }, warnings: { ...counts, red: 0 } }, 0)).toBe(
      '区教育局牵头 3 项重点任务，另参与 0 项；本年度节点按期完成 8 / 10 个（80.0%）。',
    );
  });

  it('of a month’s ranking give the weights and the red and black lists by name', () => {
    const ranking = {
      month: '2026-10',
      complete: true,
      evaluatedOn: '2026-10-31',
      scores: [{ rank: 1 }, { rank: 2 }, { rank: undefined }],
      redList: [{ unit: 'education' }],
      blackList: [{ unit: 'lanxi' }],
    };
    expect(rankingDescription(ranking, { timelinessWeight: 0.3, qualityWeight: 0.7 }, unitName)).toBe(
      '2026年10月排位：2 个单位排名，时效分与质量分按 3 : 7 计，另计加减分。红榜：区教育局；黑榜：澜溪街道。',
    );
    expect(
      rankingDescription({ ...ranking, complete: false, evaluatedOn: '2026-10-20', redList: [] }, { timelinessWeight: 0.3, qualityWeight: 0.7 }, unitName),
    ).toContain('2026年10月排位（统计至2026年10月20日）：');
    expect(rankingDescription(undefined, { timelinessWeight: 0.3, qualityWeight: 0.7 }, unitName)).toContain('还没有可以排位的月份');
  });

  it('of the exposure board count the cases by kind and the exposed ones by rectification', () => {
    const cases = [
      { kind: 'exposure', rectificationStatus: 'overdue' as const },
      { kind: 'exposure', rectificationStatus: 'rectified' as const },
      { kind: 'exposure', rectificationStatus: 'rectified' as const },
      { kind: 'commendation', rectificationStatus: 'none' as const },
    ];
    expect(caseListDescription({ filter: undefined, cases, page: 1 })).toBe(
      '曝光台的全部案例，共 4 个：问题曝光 3 个（逾期未整改 1 个、已整改 2 个），先进典型 1 个。',
    );
    expect(caseListDescription({ filter: { dimension: '案例类型', value: '先进典型' }, cases: cases.slice(3), page: 2 })).toBe(
      '曝光台中案例类型为「先进典型」的案例，共 1 个：先进典型 1 个；第 2 页。',
    );
  });

  it('of a case give its kind, units, date, measures and rectification', () => {
    const exposed = {
      kind: 'exposure',
      title: '窗口推诿',
      date: '2026-08-28',
      units: ['housing'],
      measures: ['interview', 'ordered-rectification'],
      rectificationStatus: 'rectifying' as const,
    };
    expect(caseDescription(exposed, unitName)).toBe('问题曝光：窗口推诿。涉及望澜区住房和城乡建设局，2026年8月28日发布，处理方式：约谈、责令整改；整改中。');
    expect(caseDescription({ ...exposed, kind: 'commendation', measures: ['commendation'], rectificationStatus: 'none' }, unitName)).toBe(
      '先进典型：窗口推诿。涉及望澜区住房和城乡建设局，2026年8月28日发布，表扬方式：通报表扬。',
    );
  });

  it('of the bulletins say which and how many', () => {
    expect(bulletinListDescription(undefined, 13)).toMatch(/^全部督查通报，共 13 期/);
    expect(bulletinListDescription({ key: 'kind', value: 'commendation' }, 1)).toMatch(/^类型为「表扬通报」的督查通报，共 1 期/);
    expect(bulletinListDescription({ key: 'year', value: '2026' }, 0)).toMatch(/^2026年发布的督查通报，共 0 期/);
  });

  it('of a bulletin give its number, title, issuer and date', () => {
    expect(bulletinDescription({ number: '督查通报〔2026〕第1期', title: '关于一季度重点工作推进情况的通报', issuer: '区委督查室', date: '2026-04-03' })).toBe(
      '督查通报〔2026〕第1期《关于一季度重点工作推进情况的通报》，区委督查室于2026年4月3日发布。',
    );
  });

  it('of a published message give its type, title, number and who answered when (Beijing day)', () => {
    expect(messageDescription({ number: 'LY20261120001', typeLabel: '咨询', title: '路灯不亮', unitName: '区城管局', repliedAt: '2026-11-20T17:00:00Z' })).toBe(
      '咨询留言「路灯不亮」（编号 LY20261120001），区城管局于2026年11月21日答复。留言人的个人信息已隐去。',
    );
  });

  it('of the message board count what it shows, as the board counts it', () => {
    expect(messageBoardDescription({ total: 42, task: undefined, filtered: false })).toMatch(/^已办结、经留言人同意并经审核公开的网民留言和答复，共 42 条；/);
    expect(messageBoardDescription({ total: 5000, task: undefined, filtered: true })).toMatch(/共 1000 多 条/);
    expect(messageBoardDescription({ total: 2, task: { code: 'WL-2026-001', title: '老旧小区加装电梯' }, filtered: true })).toBe(
      '关于任务 WL-2026-001「老旧小区加装电梯」的公开网民留言和答复，共 2 条。',
    );
  });
});
