import type { APIRoute } from 'astro';
import { loadBoard } from '../../data/board';
import { TASK_INDEX_FIELDS } from '../../lib/tasks/task-index';
import { taskRowOf } from '../../data/task-rows';

export const GET: APIRoute = async () => {
  const board = await loadBoard();
  const rows = board.tasks.map((t) => taskRowOf(t, board.unitById));
  return new Response(JSON.stringify({ asOf: board.asOf, fields: TASK_INDEX_FIELDS, rows }), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
