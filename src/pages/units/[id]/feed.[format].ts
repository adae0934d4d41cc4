import type { APIRoute } from 'astro';
import { loadBoard } from '../../../data/board';
import { feedMeta, unitFeedEntries } from '../../../data/feeds';
import { FEED_CONTENT_TYPE, renderFeed, type FeedFormat } from '../../../lib/feeds/syndication';

export async function getStaticPaths() {
  const board = await loadBoard();
  return board.units.flatMap((u) => (['rss', 'atom'] as const).map((format) => ({ params: { id: u.id, format } })));
}

export const GET: APIRoute = async ({ params, site }) => {
  const board = await loadBoard();
  const id = params.id!;
  const name = board.unitById.get(id)!.name;
  const format = params.format as FeedFormat;
  const meta = feedMeta(board, site, {
    title: `${name}：通报、曝光台和督办记录`,
    description: `涉及${name}的督查通报、曝光台案例和督办记录`,
    path: `/units/${id}/`,
    feedPath: `/units/${id}/feed`,
  });
  return new Response(renderFeed(format, meta, unitFeedEntries(board, id)), { headers: { 'Content-Type': FEED_CONTENT_TYPE[format] } });
};
