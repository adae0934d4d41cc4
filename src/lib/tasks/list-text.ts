/**
 * The heading, summary and caption of a 公示栏 list, for the static pages and for the combined filter
 * in the browser alike, so a filtered list never keeps the words of the unfiltered one
 * (全部重点任务, 共 85 项) above 20 rows or none.
 */
import type { Counts } from './board.ts';
import type { WarningColour } from './types.ts';
import { WARNING_ORDER, WARNING_SHORT } from './vocabulary.ts';

/** One chosen filter, in words: the dimension's label and the value's. */
export interface ChosenFilter {
  dimension: string;
  value: string;
}

/** 公示栏：全部重点任务 with no filter; 预警颜色：红色·逾期 for one; 预警颜色：红色·逾期；牵头单位：… for several. */
export function listTitle(chosen: readonly ChosenFilter[], page = 1): string {
  const what = chosen.length === 0 ? '公示栏：全部重点任务' : chosen.map((c) => `${c.dimension}：${c.value}`).join('；');
  return page > 1 ? `${what}（第 ${page} 页）` : what;
}

/** 共 85 项，本页第 1–85 项; 共 0 项 when nothing matches. `pageSize` rows a page. */
export function listCount(total: number, page: number, pageSize: number): string {
  if (total === 0) return '共 0 项';
  return `共 ${total} 项，本页第 ${(page - 1) * pageSize + 1}–${Math.min(page * pageSize, total)} 项`;
}

/** 共 20 项：逾期 20 项，临期 0 项，正常 0 项，已完成 0 项 — the matching tasks by colour; 共 0 项 for none. */
export function listSummary(total: number, counts: Counts<WarningColour>): string {
  if (total === 0) return '共 0 项';
  return `共 ${total} 项：${WARNING_ORDER.map((w) => `${WARNING_SHORT[w]} ${counts[w]} 项`).join('，')}`;
}

/** The table's caption: the title and the count, 预警颜色：红色·逾期（共 20 项，本页第 1–20 项）. */
export function listCaption(chosen: readonly ChosenFilter[], total: number, page: number, pageSize: number): string {
  return `${listTitle(chosen, page)}（${listCount(total, page, pageSize)}）`;
}

/** What an empty list says. */
export const EMPTY_LIST_TEXT = '没有符合条件的任务。';
