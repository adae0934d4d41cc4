import type { APIRoute } from 'astro';
import { loadBoard } from '../data/board';
import { renderDeadlineCalendar } from '../lib/feeds/deadlines-calendar';

/** Deadlines and milestones of every task on the board. */
export const GET: APIRoute = async ({ site }) => {
  const board = await loadBoard();
  const base = site ?? new URL('http://localhost:4321');
  const body = renderDeadlineCalendar(
    { name: `${board.settings.siteName}：重点任务截止日期和节点`, site: base.href, host: base.host },
    board.tasks,
    (u) => board.unitById.get(u)?.shortName ?? u,
  );
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
