import { describe, expect, it } from 'vitest';
import { parseFeed } from '@rowanmanning/feed-parser';
import { renderFeed, type FeedMeta } from './syndication.ts';

const meta: FeedMeta = {
  title: '督查通报',
  description: '望澜区督查通报',
  path: '/bulletins/',
  feedPath: '/bulletins/feed',
  site: 'https://example.org',
  sponsor: '示例办',
};
const entries = [
  { path: '/bulletins/b2/', title: '十月通报 <第11期> & 排名', date: '2026-11-12', summary: '排名 & 说明', category: '排名通报' },
  { path: '/bulletins/b1/', title: '九月通报', date: '2026-10-30', summary: '九月', category: '月度通报' },
];

describe('feeds', () => {
  for (const format of ['rss', 'atom'] as const) {
    it(`a ${format} feed parses, with titles escaped and dates on the right day`, () => {
      const feed = parseFeed(renderFeed(format, meta, entries));
      expect(feed.title).toBe('督查通报');
      expect(feed.items.map((i) => i.title)).toEqual(['十月通报 <第11期> & 排名', '九月通报']);
      expect(feed.items[0]!.url).toBe('https://example.org/bulletins/b2/');
      expect(feed.items[0]!.published?.toISOString()).toBe('2026-11-12T01:00:00.000Z');
    });
  }
});
