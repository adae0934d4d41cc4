/**
 * One row of a task table, as HTML: the list pages and unit pages write it when they are built
 * (TaskTable.astro) and the combined filter writes it in the browser (scripts/task-filter.ts), both
 * from a task's compact row (task-index.ts), so the two tables cannot drift apart. On a phone the
 * row is a card (styles/tables.css): title, colour in words, deadline, unit, progress.
 */
import { escape } from 'html-escaper';
import type { TaskIndexRow } from './task-index.ts';
import { STATUS_LABEL } from './vocabulary.ts';
import type { TaskStatus } from './types.ts';

/** The third column: the lead unit's short name (lists), or the unit's part in the task (a unit's own page). */
export interface UnitColumn {
  header: string;
  text: string;
}

export const LEAD_UNIT_HEADER = '牵头单位';

export function taskRowHtml(row: TaskIndexRow, unit: UnitColumn = { header: LEAD_UNIT_HEADER, text: row[6] }): string {
  const [code, title, isSubTask, , , , , status, warning, deadline, progress, stale, warningLabel, warningDetail] = row;
  const c = escape(code);
  return (
    `<tr class="row-${warning}">` +
    `<td class="card-quiet">${c}</td>` +
    `<td class="card-head"><a href="/tasks/${c}/">${escape(title)}</a>${isSubTask ? '<span class="note">（子任务）</span>' : ''}</td>` +
    `<td data-label="${escape(unit.header)}">${escape(unit.text)}</td>` +
    `<td data-label="截止日期"><time datetime="${deadline}">${deadline}</time></td>` +
    `<td data-label="进度">${progressHtml(progress)}</td>` +
    `<td data-label="状态">${STATUS_LABEL[status as TaskStatus]}${stale ? '<br><span class="badge badge-stale">更新滞后</span>' : ''}</td>` +
    `<td class="card-badge">${warningBadgeHtml(warning, warningLabel, warningDetail)}</td>` +
    `</tr>`
  );
}

/** A percentage in figures with a bar beside it (the bar is decoration: the figure says it). */
export function progressHtml(percent: number): string {
  return `<span>${percent}%<span class="bar" aria-hidden="true"><span style="width:${percent}%"></span></span></span>`;
}

/** A task's colour badge in words (lib/tasks/warning-label.ts), with whose date set it when a milestone did. */
export function warningBadgeHtml(warning: string, label: string, detail: string | undefined): string {
  return `<span class="badge badge-${warning}">${escape(label)}</span>${detail ? `<span class="badge-detail">${escape(detail)}</span>` : ''}`;
}
