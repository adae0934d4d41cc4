/** 月度统计表: the public figures as a CSV sheet (UTF-8 with BOM) for the ledger; the numbers are /messages/stats's. */
import type { APIRoute } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { getRuntime } from '../../data/messages';
import { loadDirectory } from '../../data/directory';
import { readTallies } from '../../server/messages/tallies';
import { figuresByMonth, figuresByUnit, overallFigures } from '../../lib/messages/stats';
import { FIGURES_HEADER, figuresRow } from '../../lib/messages/stats-export';
import { monthLabel } from '../../lib/format/numbers';
import { today } from '../../lib/calendar/dates';

export const prerender = false;

export const GET: APIRoute = async () => {
  const runtime = await getRuntime();
  const directory = await loadDirectory();
  const tallies = await readTallies(runtime.store.db);
  const rows = [
    [`网民留言办理统计（截至 ${today()}）`],
    FIGURES_HEADER,
    figuresRow('合计', overallFigures(tallies)),
    ...figuresByMonth(tallies).map((m) => figuresRow(monthLabel(m.month), m.figures)),
    ...figuresByUnit(tallies, runtime.rules.settings.messages.minMessagesToRank).map((u) =>
      figuresRow(directory.unitById.get(u.unit)?.name ?? u.unit, u.figures),
    ),
  ];
  return new Response(stringify(rows, { bom: true, record_delimiter: 'windows' }), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="message-stats-${today()}.csv"` },
  });
};
