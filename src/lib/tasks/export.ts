/** Rows of the open-data files (/data/tasks.json, /data/tasks.csv): every task, with computed fields. */
import { STATUS_LABEL, WARNING_LABEL } from '../tasks/vocabulary.ts';
import type { EvaluatedTask } from './types.ts';

export interface Names {
  unit: (id: string) => string;
  ledger: (id: string) => string;
  category: (id: string) => string;
}

export function exportRecord(t: EvaluatedTask, names: Names) {
  return {
    code: t.code,
    title: t.title,
    parent: t.parent ?? null,
    ledger: names.ledger(t.ledger),
    category: names.category(t.category),
    leadLeader: `${t.leadLeader.name}（${t.leadLeader.title}）`,
    leadUnit: names.unit(t.leadUnit),
    responsibleUnits: t.responsibleUnits.map(names.unit),
    supportingUnits: t.supportingUnits.map(names.unit),
    goal: t.goal,
    start: t.start,
    deadline: t.deadline,
    progress: t.progress,
    status: t.status,
    statusLabel: STATUS_LABEL[t.status],
    warning: t.warning,
    warningLabel: WARNING_LABEL[t.warning],
    warningReasons: t.reasons,
    stale: t.staleness.stale,
    lastUpdate: t.staleness.lastUpdate ?? null,
    completedOn: t.completedOn ?? null,
    signedOffOn: t.status === 'signed_off' ? (t.signOff?.date ?? null) : null,
  };
}

/** Column headings of the CSV, in Chinese, in the order of `csvRow`. */
export const CSV_HEADER = [
  '任务编号',
  '任务名称',
  '所属总任务',
  '台账',
  '任务类别',
  '牵头领导',
  '牵头单位',
  '责任单位',
  '配合单位',
  '任务目标',
  '开始日期',
  '截止日期',
  '进度（%）',
  '状态',
  '预警',
  '预警原因',
  '更新滞后',
  '最近推进动态',
  '完成日期',
  '销号日期',
];

export function csvRow(r: ReturnType<typeof exportRecord>): (string | number)[] {
  return [
    r.code,
    r.title,
    r.parent ?? '',
    r.ledger,
    r.category,
    r.leadLeader,
    r.leadUnit,
    r.responsibleUnits.join('、'),
    r.supportingUnits.join('、'),
    r.goal,
    r.start,
    r.deadline,
    r.progress,
    r.statusLabel,
    r.warningLabel,
    r.warningReasons.join('；'),
    r.stale ? '是' : '否',
    r.lastUpdate ?? '',
    r.completedOn ?? '',
    r.signedOffOn ?? '',
  ];
}
