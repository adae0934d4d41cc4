import type { APIRoute } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { loadBoard } from '../../data/board';
import { SUPERVISION_CSV_HEADER, supervisionCsvRow, supervisionExportRecord } from '../../lib/supervision/export';

/** UTF-8 with a byte-order mark, so that Excel opens the Chinese text correctly. */
export const GET: APIRoute = async () => {
  const board = await loadBoard();
  const unitName = (id: string) => board.unitById.get(id)?.name ?? id;
  const rows = board.supervision.map((r) => supervisionCsvRow(supervisionExportRecord(r, unitName)));
  const csv = stringify([SUPERVISION_CSV_HEADER, ...rows], { bom: true, record_delimiter: 'windows' });
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
