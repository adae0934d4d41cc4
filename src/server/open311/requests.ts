/** The public list of service requests: accepted messages, filtered as GeoReport v2 says (ids, service, status, dates; 90 days and 1,000 at most by default). */
import { publicMessage, type ViewContext } from '../../lib/messages/public-view.ts';
import { requestOf, withoutText, type Open311Request } from '../../lib/messages/open311.ts';
import type { Runtime } from '../runtime.ts';
import { loadMessages } from '../messages/repository.ts';

export interface RequestQuery {
  ids: string[] | null;
  serviceCode: string | null;
  status: 'open' | 'closed' | null;
  start: string | null;
  end: string | null;
}

const LISTED_STATES = ['accepted', 'assigned', 'replied', 'closed'] as const;
const DAY = 86_400_000;
/** Dates a query may name: anything outside is a mistake or a probe, and would overflow the date arithmetic. */
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);

/** Parse the query string; problems are returned in words, naming the parameter. */
export function readRequestQuery(params: URLSearchParams, now = Date.now()): { query: RequestQuery } | { errors: string[] } {
  const errors: string[] = [];
  const ids = params.get('service_request_id');
  const status = params.get('status');
  const date = (name: string) => {
    const value = params.get(name);
    if (value === null || value === '') return null;
    const time = Date.parse(value);
    if (Number.isNaN(time)) {
      errors.push(`${name}：应为 W3C 日期时间，例如 2026-11-01T00:00:00+08:00`);
      return null;
    }
    if (time < EARLIEST || time > LATEST) {
      errors.push(`${name}：日期超出范围，应在 1970 年到 9999 年之间`);
      return null;
    }
    return new Date(time).toISOString();
  };
  if (status !== null && status !== '' && status !== 'open' && status !== 'closed') errors.push('status：应为 open 或 closed');
  let start = date('start_date');
  let end = date('end_date');
  if (errors.length) return { errors };
  if (!ids) {
    end ??= new Date(now).toISOString();
    start ??= new Date(Date.parse(end) - 90 * DAY).toISOString();
  }
  return {
    query: {
      ids: ids
        ? ids
            .split(',')
            .map((s) => s.trim().toUpperCase())
            .filter(Boolean)
            .slice(0, 1000)
        : null,
      serviceCode: params.get('service_code') || null,
      status: status === 'open' || status === 'closed' ? status : null,
      start,
      end,
    },
  };
}

export async function listRequests(runtime: Runtime, context: ViewContext, query: RequestQuery, siteUrl: string): Promise<Open311Request[]> {
  // Types such as 举报 are not listed at all until published: for a whistle-blower, even a unit and a day can identify.
  const unlisted = runtime.rules.settings.messages.types.filter((t) => t.hiddenUntilPublished).map((t) => t.id);
  let select = runtime.store.db
    .selectFrom('messages')
    .select(['id', 'published', 'consent'])
    .where('state', 'in', [...LISTED_STATES]);
  if (unlisted.length)
    select = select.where((eb) =>
      eb.or([eb('type', 'not in', unlisted), eb.and([eb('published', '=', 1), eb('consent', '=', 1), eb('state', '=', 'closed')])]),
    );
  if (query.ids) select = select.where('number', 'in', query.ids.length ? query.ids : ['']);
  if (query.serviceCode) select = select.where('type', '=', query.serviceCode);
  if (query.status === 'closed') select = select.where('state', '=', 'closed');
  if (query.status === 'open') select = select.where('state', '!=', 'closed');
  if (query.start) select = select.where('submitted_at', '>=', query.start);
  if (query.end) select = select.where('submitted_at', '<=', query.end);
  const rows = await select.orderBy('submitted_at', 'desc').limit(1000).execute();
  const published = new Map(rows.map((r) => [r.id, r.published === 1 && r.consent === 1]));
  const loaded = await loadMessages(runtime.store.db, { ids: rows.map((r) => r.id) });
  return loaded
    .sort((a, b) => b.record.submittedAt.localeCompare(a.record.submittedAt))
    .map(({ row, record }) => {
      const isPublished = published.get(row.id) ?? false;
      return requestOf(publicMessage(isPublished ? record : withoutText(record), context), isPublished, siteUrl);
    });
}
