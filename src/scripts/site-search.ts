/**
 * <site-search>: runs the Pagefind index in the browser. The form also works as a plain GET form,
 * so a search address (/search/?q=电梯&unit=…) can be shared and reopened.
 */
interface PagefindResult {
  data: () => Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  search: (q: string | null, o: { filters: Record<string, string> }) => Promise<{ results: (PagefindResult & { id: string })[] }>;
}

/**
 * Pages declare their exact names (a task's code and title, a unit's full and short name) in the
 * `exact` filter; a query that is such a name puts that page first, whatever the word counts say.
 */
async function exactMatches(pagefind: Pagefind, query: string, filters: Record<string, string>) {
  const names = [...new Set([query, query.toUpperCase()])];
  const found = await Promise.all(names.map((name) => pagefind.search(null, { filters: { ...filters, exact: name } })));
  return found.flatMap((f) => f.results);
}

const PAGE_SIZE = 20;

class SiteSearch extends HTMLElement {
  #pagefind: Promise<Pagefind> | undefined;

  connectedCallback(): void {
    const form = this.querySelector('form')!;
    this.querySelector<HTMLElement>('[data-no-script]')!.hidden = true;
    const params = new URLSearchParams(location.search);
    for (const field of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[name], select[name]')) {
      const value = params.get(field.name);
      if (value) field.value = value;
    }
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.run(form, true);
    });
    form.addEventListener('change', (event) => {
      if ((event.target as HTMLElement).tagName === 'SELECT') void this.run(form, true);
    });
    if (params.get('q')) void this.run(form, false);
  }

  private load(): Promise<Pagefind> {
    const path = '/pagefind/pagefind.js';
    this.#pagefind ??= import(/* @vite-ignore */ path).then(async (pf: Pagefind) => {
      await pf.options({ excerptLength: 40 });
      return pf;
    });
    return this.#pagefind;
  }

  private async run(form: HTMLFormElement, remember: boolean): Promise<void> {
    const summary = this.querySelector<HTMLElement>('[data-summary]')!;
    const list = this.querySelector<HTMLOListElement>('[data-results]')!;
    const data = new FormData(form);
    const query = String(data.get('q') ?? '').trim();
    const filters: Record<string, string> = {};
    for (const [key, value] of data) if (key !== 'q' && value !== '') filters[key] = String(value);
    if (remember) history.replaceState(null, '', `?${new URLSearchParams(data as unknown as Record<string, string>)}`);
    if (!query && Object.keys(filters).length === 0) {
      summary.textContent = '请输入关键词。';
      list.replaceChildren();
      return;
    }
    summary.textContent = '正在搜索…';
    try {
      const pagefind = await this.load();
      const found = await pagefind.search(query || '', { filters });
      if (query) {
        const exact = await exactMatches(pagefind, query, filters);
        const ids = new Set(exact.map((r) => r.id));
        found.results = [...exact.filter((r, i) => exact.findIndex((o) => o.id === r.id) === i), ...found.results.filter((r) => !ids.has(r.id))];
      }
      const items = await Promise.all(found.results.slice(0, PAGE_SIZE).map((r) => r.data()));
      summary.textContent =
        found.results.length === 0
          ? `没有找到与「${query}」相关的内容。`
          : `找到 ${found.results.length} 条结果${found.results.length > PAGE_SIZE ? `，显示前 ${PAGE_SIZE} 条` : ''}。`;
      list.replaceChildren(
        ...items.map((item) => {
          const li = document.createElement('li');
          const link = document.createElement('a');
          link.href = item.url;
          link.textContent = item.meta.title ?? item.url;
          const excerpt = document.createElement('p');
          excerpt.className = 'note';
          excerpt.innerHTML = item.excerpt; // Pagefind escapes page text; only its <mark> tags remain
          li.append(link, excerpt);
          return li;
        }),
      );
    } catch {
      summary.textContent = '搜索索引加载失败，请稍后重试，或到公示栏按条件筛选。';
    }
  }
}
customElements.define('site-search', SiteSearch);
