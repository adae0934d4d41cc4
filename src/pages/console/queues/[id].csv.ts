/** 台账导出: a whole queue as CSV (UTF-8 with BOM), streamed a page at a time; a handler's export holds its own unit's messages only. No contact details. */
import type { APIRoute } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { getRuntime } from '../../../data/messages';
import { loadDirectory } from '../../../data/directory';
import { queueById } from '../../../lib/messages/queues';
import { readQueueFilter } from '../../../lib/messages/queue-filter';
import { queuePage } from '../../../server/messages/queues';
import { QUEUE_HEADER } from '../../../lib/messages/stats-export';
import { STATE_LABELS } from '../../../lib/messages/vocabulary';
import { chinaDate, today } from '../../../lib/calendar/dates';
import type { MessageState } from '../../../lib/messages/state-machine';

export const prerender = false;

const BATCH = 2000;

export const GET: APIRoute = async ({ params, locals, url }) => {
  const queue = queueById(params.id ?? '');
  if (!queue) return new Response('没有这个队列', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const runtime = await getRuntime();
  const directory = await loadDirectory();
  const { account } = locals.staff!;
  const scope = { asOf: today(), filter: readQueueFilter(url.searchParams), ...(account.role === 'handler' ? { unit: account.unit ?? '' } : {}) };
  const types = new Map(runtime.rules.settings.messages.types.map((t) => [t.id, t.label]));
  const csv = (rows: (string | number)[][], bom = false) => stringify(rows, { bom, record_delimiter: 'windows' });
  let page = 0;
  const body = new ReadableStream<string>({
    start(controller) {
      controller.enqueue(csv([QUEUE_HEADER], true));
    },
    async pull(controller) {
      page += 1;
      const rows = await queuePage(runtime, queue, scope, page, BATCH);
      if (rows.length > 0)
        controller.enqueue(
          csv(
            rows.map((r) => [
              r.number,
              types.get(r.type) ?? r.type,
              r.title,
              r.unit ? (directory.unitById.get(r.unit)?.name ?? r.unit) : '',
              STATE_LABELS[r.state as MessageState],
              chinaDate(r.submitted_at),
              r.due_date ?? '',
            ]),
          ),
        );
      if (rows.length < BATCH) controller.close();
    },
  });
  return new Response(body.pipeThrough(new TextEncoderStream()), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="queue-${queue.id}-${scope.asOf}.csv"` },
  });
};
