/**
 * <task-filter>: combines several filters and the sort order over every task, in place of the first
 * page of the full list. Without it the list still works: every single filter has its own pages.
 * It loads /data/task-index.json on first use and builds rows like TaskTable.astro's.
 * The chosen filters go into the address (?warning=red&unit=housing) so a view can be shared.
 */
import type { TaskIndexRow } from '../lib/tasks/task-index';

const FIELD = { ledger: 3, category: 4, unit: 5, status: 7, warning: 8 } as const;
const SHOWN_AT_MOST = 500;

class TaskFilter extends HTMLElement {
  #rows: Promise<TaskIndexRow[]> | undefined;

  connectedCallback(): void {
    const form = this.querySelector('form');
    const body = this.querySelector('tbody');
    if (!form || !body) return;
    const original = [...body.rows];
    const pagination = document.querySelector<HTMLElement>('[data-pagination]');
    const count = form.querySelector<HTMLElement>('[data-count]')!;
    const params = new URLSearchParams(location.search);
    for (const select of form.querySelectorAll('select')) {
      const wanted = params.get(select.name);
      if (wanted && [...select.options].some((o) => o.value === wanted)) select.value = wanted;
    }
    const labelOf = (name: string, value: string) =>
      [...form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!.options].find((o) => o.value === value)?.text ?? value;

    const apply = async (): Promise<void> => {
      const data = new FormData(form);
      const chosen = (Object.keys(FIELD) as (keyof typeof FIELD)[]).filter((k) => data.get(k)).map((k) => [k, String(data.get(k))] as const);
      const byDeadline = data.get('sort') === 'deadline';
      const query = new URLSearchParams(chosen as unknown as [string, string][]);
      if (byDeadline) query.set('sort', 'deadline');
      history.replaceState(null, '', query.size ? `?${query}` : location.pathname);
      if (query.size === 0) {
        body.replaceChildren(...original);
        if (pagination) pagination.hidden = false;
        count.textContent = '';
        return;
      }
      count.textContent = '正在筛选…';
      let rows: TaskIndexRow[];
      try {
        rows = await (this.#rows ??= fetch('/data/task-index.json')
          .then((r) => r.json())
          .then((j: { rows: TaskIndexRow[] }) => j.rows));
      } catch {
        this.#rows = undefined;
        count.textContent = '任务数据加载失败，请使用上方的单项筛选链接。';
        return;
      }
      const matches = rows.filter((r) => chosen.every(([k, v]) => r[FIELD[k]] === v));
      if (byDeadline) matches.sort((a, b) => a[9].localeCompare(b[9]) || a[0].localeCompare(b[0], 'en', { numeric: true }));
      body.replaceChildren(...matches.slice(0, SHOWN_AT_MOST).map((r) => rowFor(r, labelOf('status', r[7]), labelOf('warning', r[8]))));
      if (pagination) pagination.hidden = true;
      count.textContent = `符合条件的任务 ${matches.length} / ${rows.length} 项${matches.length > SHOWN_AT_MOST ? `，显示前 ${SHOWN_AT_MOST} 项` : ''}`;
    };
    form.addEventListener('change', () => void apply());
    form.addEventListener('submit', (e) => e.preventDefault());
    form.hidden = false;
    if ([...params.keys()].length) void apply();
  }
}

function cell(...children: (Node | string)[]): HTMLTableCellElement {
  const td = document.createElement('td');
  td.append(...children);
  return td;
}

function span(className: string, text: string): HTMLSpanElement {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
}

function rowFor(r: TaskIndexRow, statusLabel: string, warningLabel: string): HTMLTableRowElement {
  const [code, title, isSubTask, , , , unitShortName, , warning, deadline, progress, stale] = r;
  const link = document.createElement('a');
  link.href = `/tasks/${code}/`;
  link.textContent = title;
  const bar = span('bar', '');
  bar.setAttribute('aria-hidden', 'true');
  const fill = document.createElement('span');
  fill.style.width = `${progress}%`;
  bar.append(fill);
  const tr = document.createElement('tr');
  tr.append(
    cell(code),
    cell(link, ...(isSubTask ? [span('note', '（子任务）')] : [])),
    cell(unitShortName),
    cell(deadline),
    cell(`${progress}%`, bar),
    cell(statusLabel, ...(stale ? [document.createElement('br'), span('badge badge-stale', '更新滞后')] : [])),
    cell(span(`badge badge-${warning}`, warningLabel)),
  );
  return tr;
}

customElements.define('task-filter', TaskFilter);
