import type { APIRoute } from 'astro';
import { loadBoard } from '../../data/board';
import { exportRecords } from '../../data/export';

export const GET: APIRoute = async () => {
  const board = await loadBoard();
  const body = { asOf: board.asOf, source: board.settings.siteName, count: board.tasks.length, tasks: exportRecords(board) };
  return new Response(JSON.stringify(body, null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
