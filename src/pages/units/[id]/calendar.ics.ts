import type { APIRoute } from 'astro';
import { loadBoard } from '../../../data/board';
import { renderDeadlineCalendar } from '../../../lib/feeds/deadlines-calendar';

export async function getStaticPaths() {
  const board = await loadBoard();
  return board.units.map((u) => ({ params: { id: u.id } }));
}

/** Deadlines and milestones of the tasks a unit leads or takes part in. */
export const GET: APIRoute = async ({ params, site }) => {
  const board = await loadBoard();
  const id = params.id!;
  const base = site ?? new URL('http://localhost:4321');
  const tasks = board.tasksByUnit.get(id) ?? [];
  const body = renderDeadlineCalendar(
    { name: `${board.unitById.get(id)!.name}：任务截止日期和节点`, site: base.href, host: base.host },
    tasks,
    (u) => board.unitById.get(u)?.shortName ?? u,
  );
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
