/** Feed entries and feed metadata for this build's bulletins, cases and units. */
import type { Board } from './board';
import type { FeedEntry, FeedMeta } from '../lib/feeds/syndication';
import type { BulletinRecord } from '../lib/content/backlinks';
import type { EvaluatedCase } from '../lib/exposures/cases';
import { BULLETIN_KINDS } from '../lib/bulletins/vocabulary';
import { CASE_KINDS, labelOf } from '../lib/exposures/vocabulary';
import type { EvaluatedSupervision } from '../lib/supervision/status';
import { SUPERVISION_KINDS, SUPERVISION_STATUS_LABEL } from '../lib/supervision/vocabulary';

export const bulletinEntry = (b: BulletinRecord): FeedEntry => ({
  path: `/bulletins/${b.id}/`,
  title: `${b.title}（${b.number}）`,
  date: b.date,
  summary: `${labelOf(BULLETIN_KINDS, b.kind)}，${b.issuer}发布。`,
  category: labelOf(BULLETIN_KINDS, b.kind),
});

export const caseEntry = (c: EvaluatedCase): FeedEntry => ({
  path: `/exposures/${c.id}/`,
  title: c.title,
  date: c.date,
  summary: c.rectificationText || labelOf(CASE_KINDS, c.kind),
  category: labelOf(CASE_KINDS, c.kind),
});

export const supervisionEntry = (r: EvaluatedSupervision): FeedEntry => ({
  path: `/supervision/${r.id}/`,
  title: `${r.title}（${r.number}）`,
  date: r.date,
  summary: `${labelOf(SUPERVISION_KINDS, r.kind)}，${r.issuer}下发；${SUPERVISION_STATUS_LABEL[r.status]}。${r.requirement}`,
  category: labelOf(SUPERVISION_KINDS, r.kind),
});

/** A unit's feed: the bulletins, cases and supervision records that concern it, newest first. */
export function unitFeedEntries(board: Board, unit: string): FeedEntry[] {
  return [
    ...(board.links.bulletinsByUnit.get(unit) ?? []).map(bulletinEntry),
    ...(board.links.casesByUnit.get(unit) ?? []).map(caseEntry),
    ...(board.links.supervisionByUnit.get(unit) ?? []).map(supervisionEntry),
  ].sort((a, b) => b.date.localeCompare(a.date));
}

export function feedMeta(board: Board, site: URL | undefined, meta: Pick<FeedMeta, 'title' | 'description' | 'path' | 'feedPath'>): FeedMeta {
  return { ...meta, site: (site ?? new URL('http://localhost:4321')).href, sponsor: board.settings.sponsor };
}

/** The `<link rel="alternate">` entries and visible subscribe links for a feed pair. */
export function feedLinks(feedPath: string, title: string) {
  return [
    { href: `${feedPath}.rss`, type: 'application/rss+xml', title: `${title}（RSS）`, label: 'RSS' },
    { href: `${feedPath}.atom`, type: 'application/atom+xml', title: `${title}（Atom）`, label: 'Atom' },
  ];
}
