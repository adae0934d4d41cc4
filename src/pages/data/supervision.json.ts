import type { APIRoute } from 'astro';
import { loadBoard } from '../../data/board';
import { supervisionExportRecord } from '../../lib/supervision/export';

export const GET: APIRoute = async () => {
  const board = await loadBoard();
  const unitName = (id: string) => board.unitById.get(id)?.name ?? id;
  const records = board.supervision.map((r) => supervisionExportRecord(r, unitName));
  const body = { asOf: board.asOf, source: board.settings.siteName, count: records.length, records };
  return new Response(JSON.stringify(body, null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
