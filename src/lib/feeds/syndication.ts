/**
 * RSS 2.0 and Atom 1.0 feeds of bulletins and cases, through the `feed` library.
 * Dates are days; an item is dated at 09:00 China Standard Time on its day, so readers in any zone
 * show the right day.
 */
import { Feed } from 'feed';
import type { IsoDate } from '../calendar/dates.ts';

export type FeedFormat = 'rss' | 'atom';

export interface FeedEntry {
  /** Site-relative address, also the entry's stable id. */
  path: string;
  title: string;
  date: IsoDate;
  summary: string;
  category: string;
}

export interface FeedMeta {
  title: string;
  description: string;
  /** Site-relative address of the page the feed follows. */
  path: string;
  /** Site-relative address of the feed itself, without the extension. */
  feedPath: string;
  site: string;
  sponsor: string;
}

const dayAt9 = (date: IsoDate) => new Date(`${date}T09:00:00+08:00`);

export function renderFeed(format: FeedFormat, meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const url = (path: string) => new URL(path, meta.site).href;
  const feed = new Feed({
    title: meta.title,
    description: meta.description,
    id: url(meta.path),
    link: url(meta.path),
    language: 'zh-CN',
    copyright: meta.sponsor,
    updated: entries[0] ? dayAt9(entries[0].date) : undefined,
    generator: 'duban',
    feedLinks: { rss: url(`${meta.feedPath}.rss`), atom: url(`${meta.feedPath}.atom`) },
    author: { name: meta.sponsor },
  });
  for (const e of entries) {
    feed.addItem({
      title: e.title,
      id: url(e.path),
      link: url(e.path),
      date: dayAt9(e.date),
      published: dayAt9(e.date),
      description: e.summary,
      category: [{ name: e.category }],
    });
  }
  return format === 'rss' ? feed.rss2() : feed.atom1();
}

export const FEED_CONTENT_TYPE: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};
