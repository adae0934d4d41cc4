import type { APIRoute } from 'astro';
import { loadBoard } from '../../data/board';
import { feedMeta, supervisionEntry } from '../../data/feeds';
import { FEED_CONTENT_TYPE, renderFeed, type FeedFormat } from '../../lib/feeds/syndication';

export const getStaticPaths = () => [{ params: { format: 'rss' } }, { params: { format: 'atom' } }];

export const GET: APIRoute = async ({ params, site }) => {
  const board = await loadBoard();
  const format = params.format as FeedFormat;
  const meta = feedMeta(board, site, {
    title: `${board.settings.siteName}：督办记录`,
    description: `${board.settings.district}重点工作的工作提示、督办单、提级督办和回头看`,
    path: '/supervision/',
    feedPath: '/supervision/feed',
  });
  return new Response(renderFeed(format, meta, board.supervision.map(supervisionEntry)), { headers: { 'Content-Type': FEED_CONTENT_TYPE[format] } });
};
