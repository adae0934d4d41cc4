/**
 * PubDate, the page tag 政府网站发展指引 gives a content page for when it was published: `YYYY-MM-DD HH:mm`
 * in Beijing time, or `YYYY-MM-DD` for content dated by the day. A task, a case and a bulletin are dated
 * by the day in their files, so they carry the day alone rather than a made-up 00:00; a message's answer
 * is an instant, so it carries the minute.
 *
 * Always the content's own date, never the build's or the as-of day's: two builds an hour apart give
 * the same tag, and a crawler reading it twice sees the same article.
 */
import { isIsoDate, type IsoDate } from '../calendar/dates.ts';
import { beijingMinute } from '../format/beijing-time.ts';

/** A day from a content file, checked: 2026-03-01 → "2026-03-01". */
export function pubDateOfDay(day: IsoDate): string {
  if (!isIsoDate(day)) throw new RangeError(`PubDate 应为日期 YYYY-MM-DD，实际为「${day}」`);
  return day;
}

/** An instant (ISO 8601, any offset) as Beijing wall-clock time to the minute: 2026-11-20T02:05:00Z → "2026-11-20 10:05". */
export function pubDateOfInstant(instant: string): string {
  if (Number.isNaN(Date.parse(instant))) throw new RangeError(`PubDate 应为时间，实际为「${instant}」`);
  return beijingMinute(instant);
}
