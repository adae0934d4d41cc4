import type { APIRoute } from 'astro';
import { loadBoard } from '../../data/board';
import { caseEntry, feedMeta } from '../../data/feeds';
import { FEED_CONTENT_TYPE, renderFeed, type FeedFormat } from '../../lib/feeds/syndication';

export const getStaticPaths = () => [{ params: { format: 'rss' } }, { params: { format: 'atom' } }];

export const GET: APIRoute = async ({ params, site }) => {
  const board = await loadBoard();
  const format = params.format as FeedFormat;
  const meta = feedMeta(board, site, {
    title: `${board.settings.siteName}：曝光台`,
    description: `${board.settings.district}曝光台案例`,
    path: '/exposures/',
    feedPath: '/exposures/feed',
  });
  return new Response(renderFeed(format, meta, board.cases.map(caseEntry)), { headers: { 'Content-Type': FEED_CONTENT_TYPE[format] } });
};
