import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zhCN } from 'zod/v4/locales';
import { settingsSchema, supervisionSchema, taskSchema } from './schemas.ts';

z.config(zhCN());

const valid = {
  title: '老旧小区加装电梯',
  ledger: 'annual-key',
  category: 'livelihood',
  leadLeader: { name: '沈嘉禾', title: '副区长' },
  leadUnit: 'housing',
  goal: '年内完成 60 部',
  start: new Date('2026-01-10'),
  deadline: '2026-12-31',
  cadence: 'monthly',
  milestones: [{ name: '方案批复', due: '2026-05-22', done: '2026-05-27' }],
  updates: [{ date: '2026-05-27', progress: 30, text: '方案获批' }],
};

const messages = (data: unknown) => {
  const result = taskSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('task file schema', () => {
  it('accepts a well-formed task and turns YAML dates into ISO days', () => {
    const task = taskSchema.parse(valid);
    expect(task.start).toBe('2026-01-10');
    expect(task.responsibleUnits).toEqual([]);
  });

  it('explains a date in the wrong form, naming the field in Chinese', () => {
    expect(messages({ ...valid, deadline: '2026/12/31' })).toEqual(['deadline: 截止日期应为日期，格式 YYYY-MM-DD，例如 2026-09-30；实际为「2026/12/31」']);
    expect(messages({ ...valid, deadline: '2026-02-30' })[0]).toContain('实际为「2026-02-30」');
  });

  it('says which required field is missing', () => {
    const { title: _, ...untitled } = valid;
    expect(messages(untitled)).toEqual(['title: 应填写任务名称（文字）']);
  });

  it('refuses progress over 100, an unknown cadence and a misspelt field', () => {
    expect(messages({ ...valid, updates: [{ date: '2026-05-27', progress: 120, text: 'x' }] })).toEqual(['updates.0.progress: 进度不能超过 100']);
    expect(messages({ ...valid, cadence: 'daily' })[0]).toContain('weekly（每周）或 monthly（每月）');
    expect(messages({ ...valid, deadlines: '2026-12-31' })[0]).toMatch(/deadlines/);
  });

  it('refuses a deadline before the start and a milestone after the deadline', () => {
    expect(messages({ ...valid, deadline: '2026-01-01' })).toEqual([
      'deadline: 截止日期 2026-01-01 早于开始日期 2026-01-10',
      'milestones.0.due: 节点「方案批复」的日期 2026-05-22 晚于任务截止日期 2026-01-01',
    ]);
    expect(messages({ ...valid, milestones: [{ name: '验收', due: '2027-01-05' }] })[0]).toContain('晚于任务截止日期');
  });
});

describe('settings schema', () => {
  it('fills in the default thresholds and the 3 : 7 weighting', () => {
    const s = settingsSchema.parse({ siteName: '示例', district: '示例区', sponsor: '示例办' });
    expect(s.warnings.deadlineYellowDays).toBe(15);
    expect([s.scoring.timelinessWeight, s.scoring.qualityWeight]).toEqual([0.3, 0.7]);
    expect(s.showEmblem).toBe(false);
  });

  it('refuses weights that do not add up to one', () => {
    const r = settingsSchema.safeParse({ siteName: '示例', district: '示例区', sponsor: '示例办', scoring: { timelinessWeight: 0.5 } });
    expect(r.success).toBe(false);
  });
});

describe('supervision record schema', () => {
  const order = {
    number: '督办〔2026〕第15号',
    title: '关于农村公路提质改造年底完工风险的督办单',
    kind: 'order',
    date: new Date('2026-11-18'),
    issuer: '望澜区委督查室',
    foundBy: 'on-site',
    tasks: ['ND-2026-002-01'],
    units: ['qingshi-town', 'baisha-town'],
    requirement: '五个工作日内书面反馈。',
    reportWithinWorkingDays: 5,
    reports: [{ unit: 'baisha-town', date: '2026-11-20', text: '已开始摊铺。' }],
  };
  const problems = (data: unknown) => {
    const result = supervisionSchema.safeParse(data);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts a well-formed order, with YAML dates turned into ISO days', () => {
    const parsed = supervisionSchema.parse(order);
    expect(parsed.date).toBe('2026-11-18');
    expect(parsed.reports[0]).toEqual({ unit: 'baisha-town', date: '2026-11-20', text: '已开始摊铺。', attachments: [] });
  });

  it('asks an order and an escalation for a report limit, an escalation for its leader, a 回头看 for its finding', () => {
    const { reportWithinWorkingDays: _, ...unlimited } = order;
    expect(problems(unlimited)).toEqual(['reportWithinWorkingDays: 督办单应填写反馈时限（工作日）']);
    expect(problems({ ...order, kind: 'escalation' })).toEqual(['leader: 提级督办应填写挂名领导']);
    expect(problems({ ...order, kind: 'escalation', leader: { name: '周文涛', title: '区长' } })).toEqual([]);
    expect(problems({ ...order, kind: 'recheck' })).toEqual(['recheck: 回头看应填写复查的任务和复查结论']);
    expect(problems({ ...order, recheck: { task: 'ND-2026-002-01', finding: 'held', text: '正常' } })).toEqual(['recheck: 督办单不填写回头看的复查结论']);
    expect(problems({ ...unlimited, kind: 'reminder' })).toEqual([]);
    expect(problems({ ...unlimited, kind: 'reminder', tasks: [] })).toEqual(['tasks: 工作提示应填写所提示的任务']);
    expect(problems({ ...order, leader: { name: '周文涛', title: '区长' } })).toEqual(['leader: 督办单不填写挂名领导（只有提级督办由领导挂名）']);
  });

  it('refuses a report from a unit not named, or dated before the record, and a limit that is not whole working days', () => {
    expect(problems({ ...order, reports: [{ unit: 'housing', date: '2026-11-17', text: '已整改。' }] })).toEqual([
      'reports.0.unit: 反馈单位「housing」不在承办单位中（qingshi-town、baisha-town）',
      'reports.0.date: 反馈日期 2026-11-17 早于下发日期 2026-11-18',
    ]);
    expect(problems({ ...order, reportWithinWorkingDays: 2.5 })).toEqual(['reportWithinWorkingDays: 反馈时限应为整数个工作日']);
    expect(problems({ ...order, reportWithinWorkingDays: '五' })[0]).toMatch(/^reportWithinWorkingDays: 反馈时限应为工作日数/);
    expect(problems({ ...order, kind: 'notice' })[0]).toMatch(/督办类型应为以下之一：reminder（工作提示）、order（督办单）、escalation（提级督办）、recheck（回头看）/);
    expect(problems({ ...order, closed: { date: '2026-11-01' } })).toEqual(['closed.date: 办结日期 2026-11-01 早于下发日期 2026-11-18']);
  });
});
