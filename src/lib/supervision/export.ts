/** Rows of the open-data files /data/supervision.json and /data/supervision.csv: every record, with its computed status. */
import { labelOf } from '../exposures/vocabulary.ts';
import type { EvaluatedSupervision } from './status.ts';
import { RECHECK_FINDINGS, SUPERVISION_KINDS, SUPERVISION_SOURCES, SUPERVISION_STATUS_LABEL } from './vocabulary.ts';

export function supervisionExportRecord(r: EvaluatedSupervision, unitName: (id: string) => string) {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    kind: r.kind,
    kindLabel: labelOf(SUPERVISION_KINDS, r.kind),
    date: r.date,
    issuer: r.issuer,
    leader: r.leader ? `${r.leader.name}（${r.leader.title}）` : null,
    foundBy: labelOf(SUPERVISION_SOURCES, r.foundBy),
    tasks: r.tasks,
    units: r.units.map(unitName),
    requirement: r.requirement,
    reportWithinWorkingDays: r.reportWithinWorkingDays ?? null,
    reportDue: r.limit?.ok ? r.limit.due : null,
    status: r.status,
    statusLabel: SUPERVISION_STATUS_LABEL[r.status],
    workingDaysLate: r.workingDaysLate,
    reports: r.visibleReports.map((x) => ({
      unit: unitName(x.unit),
      date: x.date,
      text: x.text,
      attachments: x.attachments,
      workingDaysLate: r.timings.find((t) => t.unit === x.unit && t.date === x.date)?.workingDaysLate ?? null,
    })),
    pendingUnits: r.pendingUnits.map(unitName),
    recheck: r.recheck ? { task: r.recheck.task, finding: labelOf(RECHECK_FINDINGS, r.recheck.finding), text: r.recheck.text } : null,
    closedOn: r.closedOn ?? null,
  };
}

/** Column headings of the CSV, in Chinese, in the order of `supervisionCsvRow`. */
export const SUPERVISION_CSV_HEADER = [
  '编号',
  '督办文号',
  '标题',
  '督办类型',
  '下发日期',
  '发文单位',
  '挂名领导',
  '发现方式',
  '涉及任务',
  '承办单位',
  '督办要求',
  '反馈时限（工作日）',
  '反馈期限',
  '办理状态',
  '超过期限的工作日',
  '已反馈单位',
  '未反馈单位',
  '回头看',
  '办结日期',
];

export function supervisionCsvRow(r: ReturnType<typeof supervisionExportRecord>): (string | number)[] {
  return [
    r.id,
    r.number,
    r.title,
    r.kindLabel,
    r.date,
    r.issuer,
    r.leader ?? '',
    r.foundBy,
    r.tasks.join('、'),
    r.units.join('、'),
    r.requirement,
    r.reportWithinWorkingDays ?? '',
    r.reportDue ?? '',
    r.statusLabel,
    r.workingDaysLate,
    r.reports.map((x) => `${x.unit}（${x.date}）`).join('、'),
    r.pendingUnits.join('、'),
    r.recheck ? `${r.recheck.task}：${r.recheck.finding}` : '',
    r.closedOn ?? '',
  ];
}
