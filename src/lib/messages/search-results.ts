/**
 * Published messages as results of the site's search (/search/): the board's own search, answered as
 * JSON by /messages/search.json, each result with its type, unit, the day it was closed and an excerpt
 * of the public (masked) text around the words searched for, made the same way as the excerpts of
 * content pages (src/lib/format/search-excerpt.ts).
 */
import { chinaDate } from '../calendar/dates.ts';
import { excerptOf, fromTerms, type Excerpt } from '../format/search-excerpt.ts';
import { searchTerms } from './board-filter.ts';
import type { PublicMessage } from './public-view.ts';

export interface MessageSearchResult {
  number: string;
  url: string;
  title: string;
  typeLabel: string;
  unitName: string | null;
  /** The day it was closed (办结), in China time. */
  date: string | null;
  excerpt: Excerpt;
}

/** One published message as a search result for `q`; the excerpt comes from the content, or from the reply where only the reply matches. */
export function messageSearchResult(message: PublicMessage, q: string, excerptLength = 80): MessageSearchResult {
  const terms = searchTerms(q);
  const inContent = fromTerms(message.content, terms);
  const inReply = message.reply === null ? null : fromTerms(`答复：${message.reply}`, terms);
  const source = inContent.marks.length === 0 && inReply && inReply.marks.length > 0 ? inReply : inContent;
  return {
    number: message.number,
    url: `/messages/${message.number}/`,
    title: message.title,
    typeLabel: message.typeLabel,
    unitName: message.unitName,
    date: message.closedAt ? chinaDate(message.closedAt) : null,
    excerpt: excerptOf(source, excerptLength),
  };
}
