import type { APIRoute } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { loadBoard } from '../../data/board';
import { exportRecords } from '../../data/export';
import { CSV_HEADER, csvRow } from '../../lib/tasks/export';

/** UTF-8 with a byte-order mark, so that Excel opens the Chinese text correctly. */
export const GET: APIRoute = async () => {
  const board = await loadBoard();
  const csv = stringify([CSV_HEADER, ...exportRecords(board).map(csvRow)], { bom: true, record_delimiter: 'windows' });
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
