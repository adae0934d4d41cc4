/**
 * Every page's `<meta>` elements, computed here so the layout only renders them:
 * - the description, and Open Graph (og:title, og:description, og:type, og:site_name, og:url,
 *   og:locale) that WeChat and other apps read when a link is shared;
 * - the page tags of 政府网站发展指引 (国办发〔2017〕47号): the site tags on every page (SiteName,
 *   SiteDomain, SiteIDCode), the column tags on every page of a column (ColumnName, ColumnDescription,
 *   ColumnKeywords, ColumnType), and the article tags on a content page (ArticleTitle, PubDate,
 *   ContentSource), which also makes its og:type `article`.
 *
 * A page cannot go without a description: an empty one stops the build here, naming the page.
 */
import type { Column } from '../site/columns.ts';

/** Longest description, in characters (a Chinese character counts one): what search results and share cards show whole. */
export const DESCRIPTION_MAX = 120;

/** The article tags of a content page: what it is called, when it was published and whose it is. */
export interface ArticleTags {
  /** ArticleTitle: the content's own title, without the site name. */
  title: string;
  /** PubDate, in the guideline's form (`pub-date.ts`): the content's date, never the build's. */
  pubDate: string;
  /** ContentSource: the unit the content comes from (lead unit, issuing unit, replying unit). */
  source: string;
}

export interface PageTagsInput {
  /** The page's own title, without the site name. */
  title: string;
  /** One or two plain sentences on what the page holds; clipped to `DESCRIPTION_MAX`. */
  description: string;
  /** The page's absolute address: the configured site URL and the page's path. */
  url: URL;
  /** From the settings: the site's name and its 网站标识码 (omitted from the tags while empty). */
  site: { name: string; code: string };
  column: Column | undefined;
  article: ArticleTags | undefined;
}

/** One `<meta>`: Open Graph uses `property`, everything else `name`. */
export type MetaTag = { name: string; content: string } | { property: string; content: string };

/** Text as one plain line: tags removed, runs of white space made one space, trimmed. */
export function plainText(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** At most `max` characters, ending in "…" when something was cut. */
export function clip(text: string, max = DESCRIPTION_MAX): string {
  const chars = [...plainText(text)];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** The `<meta>` elements of a page, in the order they are written. */
export function pageMetaTags(input: PageTagsInput): MetaTag[] {
  const description = clip(input.description);
  if (!description) throw new Error(`页面「${input.title}」（${input.url.pathname}）缺少页面说明（description）`);
  const title = plainText(input.title);
  const tags: MetaTag[] = [
    { name: 'description', content: description },
    { property: 'og:title', content: title },
    { property: 'og:description', content: description },
    { property: 'og:type', content: input.article ? 'article' : 'website' },
    { property: 'og:site_name', content: input.site.name },
    { property: 'og:url', content: input.url.href },
    { property: 'og:locale', content: 'zh_CN' },
    { name: 'SiteName', content: input.site.name },
    { name: 'SiteDomain', content: input.url.hostname },
  ];
  if (input.site.code) tags.push({ name: 'SiteIDCode', content: input.site.code });
  if (input.column)
    tags.push(
      { name: 'ColumnName', content: input.column.name },
      { name: 'ColumnDescription', content: input.column.description },
      { name: 'ColumnKeywords', content: input.column.keywords.join(',') },
      { name: 'ColumnType', content: input.column.type },
    );
  if (input.article)
    tags.push(
      { name: 'ArticleTitle', content: plainText(input.article.title) },
      { name: 'PubDate', content: input.article.pubDate },
      { name: 'ContentSource', content: input.article.source },
    );
  return tags;
}

/** The page's absolute address from the configured site URL; the build has no other idea of its host. */
export function pageUrl(site: URL | undefined, pathname: string): URL {
  if (!site) throw new Error('未配置网站地址（astro.config.mjs 的 site，或环境变量 DUBAN_SITE_URL），无法生成 og:url 和 SiteDomain');
  return new URL(pathname, site);
}
