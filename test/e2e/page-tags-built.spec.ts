/**
 * The built site as crawlers, share cards and the government's site checks read it: every page has one
 * plain description, Open Graph and the site tags (政府网站发展指引); every page of a column has that
 * column's tags; every task, case and bulletin page has ArticleTitle, PubDate and ContentSource taken
 * from its content file. PubDate is the content's own date on every one of them, so a second build,
 * on another day or hour, writes the same tag.
 *
 * Reads the site `npm run build:test` leaves in dist/client (built before the browser tests run), and
 * the content files directly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { expect, test } from '@playwright/test';
import { siteDir } from './helpers';
import { COLUMNS } from '../../src/lib/site/columns.ts';

const root = join(import.meta.dirname, '..', '..');
const site = siteDir;
const content = join(root, 'content');
if (!existsSync(join(site, 'index.html'))) throw new Error('dist/client 中没有构建好的网站：请先运行 npm run build:test。');

type Tags = Map<string, string[]>;

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'", '#39': "'", '#x27': "'" };
const decode = (text: string) => text.replace(/&(amp|quot|lt|gt|apos|#39|#x27);/g, (_, e: string) => ENTITIES[e]!);

/** The `<meta>` elements of a page's head, by name or property, each with every content it was given. */
function metaTags(html: string): Tags {
  const head = html.slice(0, html.indexOf('</head>'));
  const tags: Tags = new Map();
  for (const [element] of head.matchAll(/<meta\b[^>]*>/g)) {
    const attrs = Object.fromEntries([...element.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!, decode(m[2]!)]));
    const key = attrs.name ?? attrs.property;
    if (key === undefined || attrs.content === undefined) continue;
    tags.set(key, [...(tags.get(key) ?? []), attrs.content]);
  }
  return tags;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return htmlFiles(path);
    return d.name.endsWith('.html') ? [path] : [];
  });
}

/** The address a built file is served at: tasks/x/index.html → /tasks/x/, 404.html → /404. */
function pathOf(file: string): string {
  const rel = relative(site, file).split(sep).join('/');
  return rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel.replace(/\.html$/, '')}`;
}

const frontMatter = (file: string): Record<string, unknown> => parse(readFileSync(file, 'utf8').split(/^---$/m)[1]!) as Record<string, unknown>;
const asText = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
const settings = parse(readFileSync(join(content, 'settings', 'site.yml'), 'utf8')) as {
  siteName: string;
  siteCode: string;
  sponsor: string;
  organiser?: string;
};
const unitName = (id: string) => (parse(readFileSync(join(content, 'units', `${id}.yml`), 'utf8')) as { name: string }).name;
const one = (tags: Tags, key: string, where: string): string => {
  const values = tags.get(key) ?? [];
  expect(values, `${where}: ${key}`).toHaveLength(1);
  expect(values[0]!.trim(), `${where}: ${key}`).not.toBe('');
  return values[0]!;
};

test.describe('page tags in the built site', () => {
  const pages = htmlFiles(site).map((file) => ({ path: pathOf(file), tags: metaTags(readFileSync(file, 'utf8')) }));
  const asOf = (JSON.parse(readFileSync(join(site, 'data', 'tasks.json'), 'utf8')) as { asOf: string }).asOf;

  test('finds the whole site', () => {
    expect(pages.length).toBeGreaterThan(250);
  });

  test('gives every page one plain description of at most 120 characters, and Open Graph', () => {
    for (const { path, tags } of pages) {
      const description = one(tags, 'description', path);
      expect([...description].length, path).toBeLessThanOrEqual(120);
      expect(description, path).not.toMatch(/[<>]/);
      expect(one(tags, 'og:description', path), path).toBe(description);
      one(tags, 'og:title', path);
      expect(one(tags, 'og:site_name', path), path).toBe(settings.siteName);
      expect(one(tags, 'og:locale', path), path).toBe('zh_CN');
      expect(['website', 'article'], path).toContain(one(tags, 'og:type', path));
      const url = new URL(one(tags, 'og:url', path));
      expect([path, `${path}/`], path).toContain(url.pathname); // the 404 page is built from /404/
    }
  });

  test('gives every page the site tags from the settings and the configured address', () => {
    for (const { path, tags } of pages) {
      expect(one(tags, 'SiteName', path), path).toBe(settings.siteName);
      expect(one(tags, 'SiteIDCode', path), path).toBe(String(settings.siteCode));
      expect(one(tags, 'SiteDomain', path), path).toBe(new URL(one(tags, 'og:url', path)).hostname);
    }
  });

  test('gives every page of a column, list or content, that column’s tags, and no other page any', () => {
    for (const { path, tags } of pages) {
      const column = COLUMNS.find((c) => path.startsWith(c.path));
      if (!column) {
        expect(tags.get('ColumnName'), path).toBeUndefined();
        continue;
      }
      expect(one(tags, 'ColumnName', path), path).toBe(column.name);
      expect(one(tags, 'ColumnDescription', path), path).toBe(column.description);
      expect(one(tags, 'ColumnKeywords', path), path).toBe(column.keywords.join(','));
      expect(one(tags, 'ColumnType', path), path).toBe(column.type);
    }
    for (const column of COLUMNS.filter((c) => c.id !== 'messages'))
      expect(
        pages.some((p) => p.path === column.path),
        column.path,
      ).toBe(true);
  });

  /** The article pages of one kind: those built from a content file of that collection. */
  const articles = (folder: string, collection: string) =>
    pages.flatMap((page) => {
      const id = new RegExp(`^/${folder}/([^/]+)/$`).exec(page.path)?.[1];
      const file = id && join(content, collection, `${id}.md`);
      return file && existsSync(file) ? [{ ...page, data: frontMatter(file) }] : [];
    });

  const expectArticle = (page: { path: string; tags: Tags }, expected: { title: string; pubDate: string; source: string }) => {
    expect(one(page.tags, 'og:type', page.path), page.path).toBe('article');
    expect(one(page.tags, 'ArticleTitle', page.path), page.path).toBe(expected.title);
    expect(one(page.tags, 'PubDate', page.path), page.path).toBe(expected.pubDate);
    expect(one(page.tags, 'ContentSource', page.path), page.path).toBe(expected.source);
  };

  test('dates every task page by the task’s start and credits its lead unit', () => {
    const tasks = articles('tasks', 'tasks');
    expect(tasks.length).toBeGreaterThan(0);
    for (const page of tasks)
      expectArticle(page, { title: String(page.data.title), pubDate: asText(page.data.start), source: unitName(String(page.data.leadUnit)) });
  });

  test('dates every case page by the case’s date and credits the bulletin’s issuer, or the office running the site', () => {
    const cases = articles('exposures', 'exposures');
    expect(cases.length).toBeGreaterThan(0);
    let viaBulletin = 0;
    for (const page of cases) {
      const bulletinFile = page.data.bulletin ? join(content, 'bulletins', `${String(page.data.bulletin)}.md`) : undefined;
      const bulletin = bulletinFile ? frontMatter(bulletinFile) : undefined;
      const published = bulletin && asText(bulletin.date) <= asOf ? bulletin : undefined;
      if (published) viaBulletin++;
      expectArticle(page, {
        title: String(page.data.title),
        pubDate: asText(page.data.date),
        source: published ? String(published.issuer) : settings.organiser || settings.sponsor,
      });
    }
    expect(viaBulletin).toBeGreaterThan(0);
  });

  test('dates every bulletin page by the bulletin’s date and credits its issuer', () => {
    const bulletins = articles('bulletins', 'bulletins');
    expect(bulletins.length).toBeGreaterThan(0);
    for (const page of bulletins) expectArticle(page, { title: String(page.data.title), pubDate: asText(page.data.date), source: String(page.data.issuer) });
  });

  test('dates every supervision record by the day it was issued and credits the office that issued it', () => {
    const records = articles('supervision', 'supervision');
    expect(records.length).toBeGreaterThanOrEqual(20);
    for (const page of records) expectArticle(page, { title: String(page.data.title), pubDate: asText(page.data.date), source: String(page.data.issuer) });
  });

  test('gives article tags to content pages only', () => {
    const contentPaths = new Set(
      [
        ...articles('tasks', 'tasks'),
        ...articles('exposures', 'exposures'),
        ...articles('bulletins', 'bulletins'),
        ...articles('supervision', 'supervision'),
      ].map((p) => p.path),
    );
    for (const { path, tags } of pages) {
      if (contentPaths.has(path)) continue;
      expect(tags.get('ArticleTitle'), path).toBeUndefined();
      expect(tags.get('PubDate'), path).toBeUndefined();
      expect(one(tags, 'og:type', path), path).toBe('website');
    }
  });
});
