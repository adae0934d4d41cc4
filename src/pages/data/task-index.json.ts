import type { APIRoute } from 'astro';
import { loadBoard } from '../../data/board';
import { TASK_INDEX_FIELDS, taskIndexRow } from '../../lib/tasks/task-index';

export const GET: APIRoute = async () => {
  const board = await loadBoard();
  const rows = board.tasks.map((t) => taskIndexRow(t, board.unitById.get(t.leadUnit)?.shortName ?? t.leadUnit));
  return new Response(JSON.stringify({ asOf: board.asOf, fields: TASK_INDEX_FIELDS, rows }), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
