/**
 * <task-filter>: combines several filters and the sort order over every task, in place of the first
 * page of the full list. Without it the list still works: every single filter has its own pages.
 * Where it will run the page draws its form in place of those per-value links (class script-only), so
 * the page offers one filter, not two; if the task data cannot be loaded, the links come back.
 * It loads /data/task-index.json on first use and writes TaskTable.astro's rows (lib/tasks/task-row.ts); the heading,
 * summary and caption follow the filter (lib/tasks/list-text.ts, as on the static pages), and an
 * empty result says so.
 * The chosen filters go into the address (?warning=red&unit=housing) so a view can be shared.
 */
import type { TaskIndexRow } from '../lib/tasks/task-index';
import { listCaption, listSummary, listTitle, type ChosenFilter } from '../lib/tasks/list-text';
import type { WarningColour } from '../lib/tasks/types';
import { taskRowHtml } from '../lib/tasks/task-row';
import { compareCodes } from '../lib/tasks/board';

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
    const links = document.querySelector<HTMLElement>('[data-filter-links]');
    const count = form.querySelector<HTMLElement>('[data-count]')!;
    const texts = new PageTexts(this);
    const params = new URLSearchParams(location.search);
    for (const select of form.querySelectorAll('select')) {
      const wanted = params.get(select.name);
      if (wanted && [...select.options].some((o) => o.value === wanted)) select.value = wanted;
    }
    const select = (name: string) => form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
    const labelOf = (name: string, value: string) => [...select(name).options].find((o) => o.value === value)?.text ?? value;

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
        texts.restore();
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
        links?.classList.remove('no-script-only');
        count.textContent = '任务数据加载失败，请使用上方的单项筛选链接。';
        return;
      }
      const matches = rows.filter((r) => chosen.every(([k, v]) => r[FIELD[k]] === v));
      if (byDeadline) matches.sort((a, b) => a[9].localeCompare(b[9]) || compareCodes(a[0], b[0]));
      body.innerHTML = matches
        .slice(0, SHOWN_AT_MOST)
        .map((r) => taskRowHtml(r))
        .join('');
      if (pagination) pagination.hidden = true;
      const words: ChosenFilter[] = chosen.map(([k, v]) => ({
        dimension: form.querySelector(`label[for="${select(k).id}"]`)?.textContent ?? k,
        value: labelOf(k, v),
      }));
      texts.show(words, matches);
      count.textContent = `符合条件的任务 ${matches.length} / ${rows.length} 项${matches.length > SHOWN_AT_MOST ? `，显示前 ${SHOWN_AT_MOST} 项` : ''}`;
    };
    form.addEventListener('change', () => void apply());
    form.addEventListener('submit', (e) => e.preventDefault());
    if ([...params.keys()].length) void apply();
  }
}

/** The page's words that depend on the filter: heading, window title, summary, caption, and the empty state. */
class PageTexts {
  readonly #heading = document.querySelector('h1');
  readonly #summary = document.querySelector<HTMLElement>('[data-list-summary]');
  readonly #caption: HTMLTableCaptionElement | null;
  /** The table's scrolling frame, named after its caption; hidden with the table when nothing matches. */
  readonly #frame: HTMLElement | null;
  readonly #empty: HTMLElement | null;
  readonly #before: { heading: string; title: string; summary: string; caption: string };

  constructor(root: HTMLElement) {
    this.#caption = root.querySelector('caption');
    this.#frame = root.querySelector('[role="region"]');
    this.#empty = root.querySelector('[data-list-empty]');
    this.#before = {
      heading: this.#heading?.textContent ?? '',
      title: document.title,
      summary: this.#summary?.textContent ?? '',
      caption: this.#caption?.textContent ?? '',
    };
  }

  show(chosen: readonly ChosenFilter[], matches: readonly TaskIndexRow[]): void {
    const counts: Record<WarningColour, number> = { red: 0, yellow: 0, green: 0, done: 0 };
    for (const r of matches) counts[r[8] as WarningColour] += 1;
    const heading = listTitle(chosen);
    const siteName = this.#before.title.split(' - ').at(-1);
    this.#set(heading, `${heading} - ${siteName}`, listSummary(matches.length, counts), listCaption(chosen, matches.length, 1, SHOWN_AT_MOST));
    if (this.#frame) this.#frame.hidden = matches.length === 0;
    if (this.#empty) this.#empty.hidden = matches.length > 0;
  }

  restore(): void {
    const b = this.#before;
    this.#set(b.heading, b.title, b.summary, b.caption);
    if (this.#frame) this.#frame.hidden = false;
    if (this.#empty) this.#empty.hidden = true;
  }

  #set(heading: string, title: string, summary: string, caption: string): void {
    if (this.#heading) this.#heading.textContent = heading;
    document.title = title;
    if (this.#summary) this.#summary.textContent = summary;
    if (this.#caption) this.#caption.textContent = caption;
    this.#frame?.setAttribute('aria-label', caption);
  }
}

customElements.define('task-filter', TaskFilter);
