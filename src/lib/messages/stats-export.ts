/**
 * The monthly statistics sheet (月度统计表) for the paper ledger: the same figures as
 * /messages/stats (computed by the same functions from the same running totals), one row per month,
 * one per unit, and the total, each rate with its numerator and denominator in columns of their own.
 */
import type { Figures } from './stats.ts';

export const FIGURES_HEADER = [
  '范围',
  '收到',
  '受理',
  '不予受理',
  '已答复',
  '办理回复率',
  '已办结',
  '按时办结',
  '按时办结率',
  '评价次数',
  '满意和基本满意',
  '满意率',
  '平均答复工作日',
];

const percent = (value: number | null) => (value === null ? '' : `${(Math.floor(value * 1000) / 10).toFixed(1)}%`);

export function figuresRow(scope: string, f: Figures): (string | number)[] {
  return [
    scope,
    f.received,
    f.accepted,
    f.rejected,
    f.replied,
    percent(f.replyRate.value),
    f.closed,
    f.onTimeRate.numerator,
    percent(f.onTimeRate.value),
    f.satisfaction.denominator,
    f.satisfaction.numerator,
    percent(f.satisfaction.value),
    f.averageWorkingDaysToReply === null ? '' : f.averageWorkingDaysToReply.toFixed(1),
  ];
}

/** The queue as the ledger lists it. */
export const QUEUE_HEADER = ['留言编号', '类型', '标题', '承办单位', '状态', '提交日期', '期限'];
