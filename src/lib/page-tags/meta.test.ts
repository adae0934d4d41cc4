import { describe, expect, it } from 'vitest';
import { clip, DESCRIPTION_MAX, pageMetaTags, pageUrl, plainText, type MetaTag, type PageTagsInput } from './meta.ts';
import { columnOfPath } from '../site/columns.ts';

const site = new URL('https://duban.example.gov.cn');
const input = (overrides: Partial<PageTagsInput> = {}): PageTagsInput => ({
  title: '公示栏：全部重点任务',
  description: '公示栏的全部重点任务，共 85 项。',
  url: pageUrl(site, '/tasks/'),
  site: { name: '望澜区督办公开', code: '0000000000' },
  column: columnOfPath('/tasks/'),
  article: undefined,
  ...overrides,
});
const content = (tags: MetaTag[], key: string) => tags.filter((t) => ('name' in t ? t.name : t.property) === key).map((t) => t.content);

describe('a page’s meta tags', () => {
  it('give every page its description, Open Graph and site tags', () => {
    const tags = pageMetaTags(input({ column: undefined, url: pageUrl(site, '/search/') }));
    expect(content(tags, 'description')).toEqual(['公示栏的全部重点任务，共 85 项。']);
    expect(content(tags, 'og:title')).toEqual(['公示栏：全部重点任务']);
    expect(content(tags, 'og:description')).toEqual(['公示栏的全部重点任务，共 85 项。']);
    expect(content(tags, 'og:type')).toEqual(['website']);
    expect(content(tags, 'og:site_name')).toEqual(['望澜区督办公开']);
    expect(content(tags, 'og:url')).toEqual(['https://duban.example.gov.cn/search/']);
    expect(content(tags, 'og:locale')).toEqual(['zh_CN']);
    expect(content(tags, 'SiteName')).toEqual(['望澜区督办公开']);
    expect(content(tags, 'SiteDomain')).toEqual(['duban.example.gov.cn']);
    expect(content(tags, 'SiteIDCode')).toEqual(['0000000000']);
    expect(content(tags, 'ColumnName')).toEqual([]);
    expect(content(tags, 'ArticleTitle')).toEqual([]);
  });

  it('write Open Graph with `property` and the rest with `name`', () => {
    for (const tag of pageMetaTags(input())) {
      if ('property' in tag) expect(tag.property).toMatch(/^og:/);
      else expect(tag.name).not.toMatch(/^og:/);
    }
  });

  it('give a column’s pages the column tags', () => {
    const tags = pageMetaTags(input());
    expect(content(tags, 'ColumnName')).toEqual(['公示栏']);
    expect(content(tags, 'ColumnType')).toEqual(['政务公开']);
    expect(content(tags, 'ColumnKeywords')[0]).toContain('重点工作,督办');
    expect(content(tags, 'ColumnDescription')[0]).toContain('重点工作任务');
  });

  it('give a content page the article tags and og:type article', () => {
    const tags = pageMetaTags(input({ article: { title: '老旧小区加装电梯', pubDate: '2026-01-10', source: '望澜区住房和城乡建设局' } }));
    expect(content(tags, 'og:type')).toEqual(['article']);
    expect(content(tags, 'ArticleTitle')).toEqual(['老旧小区加装电梯']);
    expect(content(tags, 'PubDate')).toEqual(['2026-01-10']);
    expect(content(tags, 'ContentSource')).toEqual(['望澜区住房和城乡建设局']);
  });

  it('leave out the site code while the settings have none', () => {
    expect(content(pageMetaTags(input({ site: { name: '望澜区督办公开', code: '' } })), 'SiteIDCode')).toEqual([]);
  });

  it('name the domain without the port', () => {
    const tags = pageMetaTags(input({ url: pageUrl(new URL('http://localhost:4321'), '/messages/LY20261120001') }));
    expect(content(tags, 'SiteDomain')).toEqual(['localhost']);
    expect(content(tags, 'og:url')).toEqual(['http://localhost:4321/messages/LY20261120001']);
  });

  it('refuse a page without a description, naming the page', () => {
    expect(() => pageMetaTags(input({ description: '  \n ' }))).toThrow('/tasks/');
  });

  it('refuse to guess the site’s address', () => {
    expect(() => pageUrl(undefined, '/')).toThrow('DUBAN_SITE_URL');
  });
});

describe('a description', () => {
  it('is one plain line: no tags, no runs of white space', () => {
    expect(plainText('  第一句。\n\n  <em>第二句</em>。 ')).toBe('第一句。 第二句。');
  });

  it('is cut to 120 characters, counting a Chinese character as one, and says it was cut', () => {
    const long = '督'.repeat(200);
    expect([...clip(long)]).toHaveLength(DESCRIPTION_MAX);
    expect(clip(long).endsWith('…')).toBe(true);
    expect(clip('督'.repeat(DESCRIPTION_MAX))).toBe('督'.repeat(DESCRIPTION_MAX));
  });
});
