import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../calendar/working-days.ts';
import { year2026 } from '../calendar/year-2026.fixture.ts';
import { evaluateSupervision, evaluateSupervisionRecords, supervisionStatusText, type SupervisionRecord } from './status.ts';

const calendar = buildCalendar([year2026]);
const NAMES: Record<string, string> = { housing: '区住建局', 'qingshi-town': '青石镇' };
const unitName = (id: string) => NAMES[id] ?? id;

/** An order issued on Tuesday 29 September 2026, the eve of the National Day holiday, with 5 working days to report. */
function order(overrides: Partial<SupervisionRecord> = {}): SupervisionRecord {
  return {
    id: '2026-015',
    number: '督办〔2026〕第15号',
    title: '关于加快老旧小区改造进度的督办单',
    kind: 'order',
    date: '2026-09-29',
    issuer: '望澜区委督查室',
    foundBy: 'on-site',
    tasks: ['MS-2026-003'],
    units: ['housing'],
    requirement: '五个工作日内书面报告整改措施和完成时限。',
    reportWithinWorkingDays: 5,
    reports: [],
    ...overrides,
  };
}
const report = (unit: string, date: string) => ({ unit, date, text: '已制定整改方案，倒排工期。', attachments: [] });
const at = (record: SupervisionRecord, asOf: string) => {
  const evaluated = evaluateSupervision(record, asOf, calendar);
  return { ...evaluated, text: supervisionStatusText(evaluated, unitName, asOf, calendar) };
};

describe('the report limit', () => {
  it('skips the National Day holiday and a Sunday, and counts the adjusted Saturday: 29 September + 5 = 12 October', () => {
    const { limit } = at(order(), '2026-09-30');
    expect(limit).toMatchObject({ ok: true, due: '2026-10-12' });
    expect(limit!.skipped.map((d) => d.date)).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
      '2026-10-11',
    ]);
    expect(limit!.ok && limit!.adjustedWorkdays).toEqual([{ date: '2026-10-10', reason: '国庆节调休上班（星期六）' }]);
  });
});

describe('the status of a supervision record', () => {
  it('is 待反馈 until the limit, counted in working days left', () => {
    expect(at(order(), '2026-09-30')).toMatchObject({ status: 'awaiting', text: '反馈期限 2026-10-12，还有 4 个工作日' });
    expect(at(order(), '2026-10-12')).toMatchObject({ status: 'awaiting', text: '反馈期限 2026-10-12，今天到期' });
  });

  it('is 已反馈 on time when the report comes by the end of the last day', () => {
    expect(at(order({ reports: [report('housing', '2026-10-12')] }), '2026-10-20')).toMatchObject({
      status: 'reported',
      workingDaysLate: 0,
      text: '已于 2026-10-12 按期反馈',
    });
  });

  it('is 已反馈 late by the working days after the limit', () => {
    const late = at(order({ reports: [report('housing', '2026-10-14')] }), '2026-10-20');
    expect(late).toMatchObject({ status: 'reported', workingDaysLate: 2, text: '区住建局于 2026-10-14 反馈，超过反馈期限 2 个工作日' });
  });

  it('is 逾期未反馈 from the day after the limit, by working days', () => {
    expect(at(order(), '2026-10-13')).toMatchObject({ status: 'overdue', workingDaysLate: 1, text: '反馈期限 2026-10-12 已过 1 个工作日，区住建局尚未反馈' });
    // Saturday 17 and Sunday 18 October are not counted.
    expect(at(order(), '2026-10-19')).toMatchObject({ status: 'overdue', workingDaysLate: 5 });
  });

  it('waits for every unit named, and says which have reported', () => {
    const both = order({ units: ['housing', 'qingshi-town'], reports: [report('qingshi-town', '2026-10-09')] });
    expect(at(both, '2026-10-09')).toMatchObject({
      status: 'awaiting',
      pendingUnits: ['housing'],
      text: '反馈期限 2026-10-12，还有 2 个工作日；2 个承办单位中 1 个已反馈',
    });
    expect(at(both, '2026-10-13')).toMatchObject({
      status: 'overdue',
      text: '反馈期限 2026-10-12 已过 1 个工作日，区住建局尚未反馈（2 个承办单位中 1 个已反馈）',
    });
    const all = { ...both, reports: [...both.reports, report('housing', '2026-10-12'), report('housing', '2026-10-15')] };
    expect(at(all, '2026-10-20')).toMatchObject({ status: 'reported', workingDaysLate: 0, text: '2 个承办单位均已按期反馈' });
  });

  it('ignores reports and closure dated after the day, as the board showed it then', () => {
    const record = order({ reports: [report('housing', '2026-10-12')], closed: { date: '2026-10-20', note: '整改到位' } });
    expect(at(record, '2026-10-09').status).toBe('awaiting');
    expect(at(record, '2026-10-19').status).toBe('reported');
    expect(at(record, '2026-10-20')).toMatchObject({ status: 'closed', text: '已于 2026-10-20 办结：整改到位' });
  });

  it('is 已办结 once closed, even without every report', () => {
    expect(at(order({ closed: { date: '2026-10-15' } }), '2026-11-01')).toMatchObject({ status: 'closed', text: '已于 2026-10-15 办结' });
  });

  it('is 无需反馈 for a reminder that asks for no report', () => {
    const reminder = order({ kind: 'reminder', reportWithinWorkingDays: undefined });
    expect(at(reminder, '2026-12-01')).toMatchObject({ status: 'no-report', limit: null, text: '无需书面反馈' });
  });

  it('has no date, only an estimate, when the limit runs into a year not on file, and is never overdue then', () => {
    const yearEnd = order({ date: '2026-12-28', reportWithinWorkingDays: 5 });
    const later = at(yearEnd, '2027-02-01');
    expect(later.status).toBe('awaiting');
    expect(later.limit).toMatchObject({ ok: false, missingYear: 2027 });
    expect(later.text).toMatch(/^反馈期限暂不能确定（2027 年节假日安排尚未录入），暂定约为 2027-01-04$/);
  });

  it('lists records issued by the day, newest first', () => {
    const records = [order(), order({ id: '2026-016', date: '2026-10-20' }), order({ id: '2026-017', date: '2026-11-30' })];
    expect(evaluateSupervisionRecords(records, '2026-11-01', calendar).map((r) => r.id)).toEqual(['2026-016', '2026-015']);
  });
});

describe('lateness across a weekend', () => {
  // Issued Friday 13 November with 5 working days: due Friday 20 November.
  const friday = order({ date: '2026-11-13' });

  it('calls a report sent on the Saturday after a Friday limit late, by one working day', () => {
    expect(at({ ...friday, reports: [report('housing', '2026-11-21')] }, '2026-11-23')).toMatchObject({
      status: 'reported',
      workingDaysLate: 1,
      text: '区住建局于 2026-11-21 反馈，超过反馈期限 1 个工作日',
    });
  });

  it('is overdue from the Saturday, by one working day, and by two on the Tuesday', () => {
    expect(at(friday, '2026-11-21')).toMatchObject({ status: 'overdue', workingDaysLate: 1 });
    expect(at(friday, '2026-11-24')).toMatchObject({ status: 'overdue', workingDaysLate: 2 });
  });
});
