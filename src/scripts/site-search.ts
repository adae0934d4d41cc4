/**
 * <site-search>: runs the Pagefind index in the browser, and asks the message board for published
 * messages (/messages/search.json) beside it. Each result shows its type, its date and an excerpt made
 * from the page's text (src/lib/format/search-excerpt.ts), never Pagefind's HTML. The form also works
 * as a plain GET form, so a search address (/search/?q=电梯&type=…) can be shared and reopened.
 */
import { excerptOf, fromPagefind, type Excerpt } from '../lib/format/search-excerpt';
import { longDate } from '../lib/format/numbers';
import { SEARCH_TYPE } from '../lib/format/search';
import { PARTS_FILE, PRIMARY_BUNDLE, type SearchIndexParts } from '../lib/search/index-parts';

/** What Pagefind 1.6 hands back for one page (`result.data()`). */
interface PagefindPage {
  url: string;
  raw_content?: string;
  content: string;
  locations: number[];
  meta: { title?: string; date?: string; dateLabel?: string };
  filters: Record<string, string[]>;
}
interface PagefindResult {
  id: string;
  data: () => Promise<PagefindPage>;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  mergeIndex: (url: string, o: Record<string, unknown>) => Promise<void>;
  preload: (q: string) => Promise<void>;
  destroy: () => Promise<void>;
  search: (q: string | null, o: { filters: Record<string, string> }) => Promise<{ results: PagefindResult[] }>;
}
/** What /messages/search.json answers. */
interface MessageResults {
  total: number;
  count: string;
  more: string;
  results: { url: string; title: string; typeLabel: string; unitName: string | null; date: string | null; excerpt: Excerpt }[];
}

/** One result as the page lists it. */
interface Shown {
  url: string;
  title: string;
  type: string;
  date: { label: string; date: string } | null;
  excerpt: Excerpt;
  detail?: string;
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

/**
 * Results shown at first and added by each press of 再显示 (five, as Pagefind's own interface does): each
 * result's page text is fetched and decoded before it is shown, so a short first list keeps a phone
 * responsive while it loads.
 */
const PAGE_SIZE = 5;
const EXCERPT_CHARS = 90;
/** Filters that only content pages have: with one of them set, messages are not searched. */
const CONTENT_ONLY_FILTERS = ['category', 'status'];

/** Pagefind with every part of the index merged, or an error if any part could not be loaded. */
async function loadPagefind(): Promise<Pagefind> {
  const options = { excerptLength: 40 };
  const [pagefind, parts] = await Promise.all([
    import(/* @vite-ignore */ `${PRIMARY_BUNDLE}pagefind.js`) as Promise<Pagefind>,
    fetch(PARTS_FILE).then((r) => (r.ok ? (r.json() as Promise<SearchIndexParts>) : Promise.reject(new Error(`${PARTS_FILE}: ${r.status}`)))),
  ]);
  try {
    await pagefind.options(options);
    // Pagefind's mergeIndex waits for the first part without end if that failed to load; this throws instead.
    await pagefind.preload('');
    await Promise.all(parts.merge.map((bundle) => pagefind.mergeIndex(bundle, options)));
    return pagefind;
  } catch (error) {
    // A part that failed stays among Pagefind's parts, failing every later search: start again from nothing.
    await pagefind.destroy();
    throw error;
  }
}

class SiteSearch extends HTMLElement {
  #pagefind: Promise<Pagefind> | undefined;
  #run = 0;
  /** Every content result of the last search, in order; the list shows the first of them. */
  #found: PagefindResult[] = [];
  #more!: HTMLElement;

  connectedCallback(): void {
    const form = this.querySelector('form')!;
    this.#more = this.querySelector<HTMLElement>('[data-more-results]')!;
    const moreButton = this.#more.querySelector('button')!;
    moreButton.addEventListener('click', () => void this.showMore(moreButton));
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
    // A search in the address starts after the page's first frame, in a task of its own: the phone paints
    // the form first, and no one long task holds both the page's rendering and the search's start.
    if (params.get('q') || params.get('type')) requestAnimationFrame(() => setTimeout(() => void this.run(form, false)));
  }

  /**
   * Pagefind, with every part of the index merged into the first (src/lib/search/index-parts.ts). If any
   * of it cannot be loaded the search fails, rather than search a part of the site as if it were all, and
   * the next search starts again from nothing (the summary says 请稍后重试).
   */
  private load(): Promise<Pagefind> {
    this.#pagefind ??= loadPagefind().catch((error: unknown) => {
      this.#pagefind = undefined;
      throw error;
    });
    return this.#pagefind;
  }

  /** Content pages matching the query and filters: exact names first, then Pagefind's order. */
  private async searchPages(query: string, filters: Record<string, string>): Promise<PagefindResult[]> {
    const pagefind = await this.load();
    const found = await pagefind.search(query || null, { filters });
    if (!query) return found.results;
    const exact = await exactMatches(pagefind, query, filters);
    const ids = new Set(exact.map((r) => r.id));
    return [...exact.filter((r, i) => exact.findIndex((o) => o.id === r.id) === i), ...found.results.filter((r) => !ids.has(r.id))];
  }

  /** Published messages matching the query, from the board. */
  private async searchMessages(query: string, unit: string | undefined): Promise<{ total: number; count: string; more: string; shown: Shown[] }> {
    const url = new URL('/messages/search.json', location.href);
    url.searchParams.set('q', query);
    if (unit) url.searchParams.set('unit', unit);
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`留言搜索答复 ${response.status}`);
    const found = (await response.json()) as MessageResults;
    return {
      total: found.total,
      count: found.count,
      more: found.more,
      shown: found.results.map((m) => ({
        url: m.url,
        title: m.title,
        type: SEARCH_TYPE.message,
        date: m.date ? { label: '办结', date: m.date } : null,
        excerpt: m.excerpt,
        detail: [m.typeLabel, m.unitName].filter(Boolean).join(' · '),
      })),
    };
  }

  private async run(form: HTMLFormElement, remember: boolean): Promise<void> {
    const run = ++this.#run;
    const summary = this.querySelector<HTMLElement>('[data-summary]')!;
    const list = this.querySelector<HTMLOListElement>('[data-results]')!;
    const messageSection = this.querySelector<HTMLElement>('[data-message-results]')!;
    const data = new FormData(form);
    // Full-width letters, digits and signs, as a Chinese input method types them (ＷＬ－２０２６), read as the index has them.
    const query = String(data.get('q') ?? '')
      .normalize('NFKC')
      .trim();
    const filters: Record<string, string> = {};
    for (const [key, value] of data) if (key !== 'q' && value !== '') filters[key] = String(value);
    if (remember) history.replaceState(null, '', `?${new URLSearchParams(data as unknown as Record<string, string>)}`);
    messageSection.hidden = true;
    this.#found = [];
    this.#more.hidden = true;
    if (!query && Object.keys(filters).length === 0) {
      summary.textContent = '请输入关键词。';
      list.replaceChildren();
      return;
    }
    summary.textContent = '正在搜索…';
    const onlyMessages = filters.type === SEARCH_TYPE.message;
    const withMessages = query !== '' && (!filters.type || onlyMessages) && !CONTENT_ONLY_FILTERS.some((k) => filters[k]);
    const loadPages = async () => {
      const found = await this.searchPages(query, filters);
      return { found, first: await shownPages(found, 0) };
    };
    const [pages, messages] = await Promise.all([
      onlyMessages ? Promise.resolve({ found: [], first: [] }) : loadPages().catch(() => null),
      withMessages ? this.searchMessages(query, filters.unit).catch(() => null) : Promise.resolve(undefined),
    ]);
    if (run !== this.#run) return;
    const parts: string[] = [];
    if (pages === null) parts.push('搜索索引加载失败，请稍后重试，或到公示栏按条件筛选');
    else if (!onlyMessages) parts.push(pages.found.length === 0 ? `没有找到相关的公示内容` : `找到 ${pages.found.length} 条公示内容`);
    if (messages === null) parts.push('网民留言暂时无法搜索，可到网民留言页搜索');
    else if (messages) parts.push(messages.total === 0 ? '没有相关的网民留言' : `${messages.count} 条公开的网民留言`);
    else if (onlyMessages) parts.push('请输入关键词搜索网民留言');
    summary.textContent = `${query ? `「${query}」：` : ''}${parts.join('；')}。`;
    list.replaceChildren(...(pages?.first ?? []).map((item) => resultItem(item)));
    this.#found = pages?.found ?? [];
    this.offerMore(list.children.length);
    if (messages && messages.total > 0) {
      messageSection.hidden = false;
      messageSection.querySelector('ol')!.replaceChildren(...messages.shown.map((item) => resultItem(item)));
      const more = messageSection.querySelector<HTMLAnchorElement>('[data-more]')!;
      more.href = messages.more;
      more.textContent = `在网民留言页查看全部 ${messages.count} 条`;
    }
  }

  /** The 显示更多 button under the content results, saying how many are shown of how many. */
  private offerMore(shown: number): void {
    const rest = this.#found.length - shown;
    this.#more.hidden = rest <= 0;
    this.#more.querySelector('button')!.textContent = `再显示 ${Math.min(rest, PAGE_SIZE)} 条`;
    this.#more.querySelector('[data-shown]')!.textContent = `已显示 ${shown} 条，共 ${this.#found.length} 条`;
  }

  /** Adds the next results to the list and moves the focus to the first one added, as a reader expects. */
  private async showMore(button: HTMLButtonElement): Promise<void> {
    const run = this.#run;
    const list = this.querySelector<HTMLOListElement>('[data-results]')!;
    const from = list.children.length;
    button.disabled = true;
    try {
      const pages = await shownPages(this.#found, from);
      if (run !== this.#run) return;
      const added = pages.map((item) => resultItem(item));
      list.append(...added);
      this.offerMore(list.children.length);
      added[0]?.querySelector('a')?.focus();
    } catch {
      this.#more.querySelector('[data-shown]')!.textContent = '加载失败，请再试一次。';
    } finally {
      button.disabled = false;
    }
  }
}

/** The next PAGE_SIZE results from `from`, each fetched and made ready to show. */
function shownPages(found: readonly PagefindResult[], from: number): Promise<Shown[]> {
  return Promise.all(found.slice(from, from + PAGE_SIZE).map(async (r) => shownPage(await r.data())));
}

/** A content page as the list shows it, its excerpt made from the page's own text. */
function shownPage(page: PagefindPage): Shown {
  return {
    url: page.url,
    title: page.meta.title ?? page.url,
    type: page.filters.type?.[0] ?? '',
    date: page.meta.date ? { label: page.meta.dateLabel ?? '', date: page.meta.date } : null,
    excerpt: excerptOf(fromPagefind(page.raw_content ?? page.content, page.locations, EXCERPT_CHARS), EXCERPT_CHARS),
  };
}

/** One result: its type and date, the title as a link, and the excerpt with the matched words marked. */
function resultItem(item: Shown): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'search-result';
  const meta = document.createElement('p');
  meta.className = 'search-result-meta';
  const type = document.createElement('span');
  type.className = 'search-result-type';
  type.textContent = item.type;
  meta.append(type);
  if (item.detail) meta.append(` · ${item.detail}`);
  if (item.date) {
    const time = document.createElement('time');
    time.dateTime = item.date.date;
    time.textContent = longDate(item.date.date);
    meta.append(` · ${item.date.label ? `${item.date.label} ` : ''}`, time);
  }
  const heading = document.createElement('a');
  heading.href = item.url;
  heading.className = 'search-result-title';
  heading.textContent = item.title;
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result-excerpt';
  if (item.excerpt.cutBefore) excerpt.append('…');
  for (const part of item.excerpt.parts) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      excerpt.append(mark);
    } else excerpt.append(part.text);
  }
  if (item.excerpt.cutAfter) excerpt.append('…');
  li.append(heading, meta, excerpt);
  return li;
}

customElements.define('site-search', SiteSearch);
