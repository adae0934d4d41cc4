/** Bulletins by kind and by year; each its own static page. */
import { BULLETIN_KINDS } from './vocabulary.ts';

export type BulletinFilter = { key: 'kind'; value: (typeof BULLETIN_KINDS)[number]['id'] } | { key: 'year'; value: string };

export function bulletinsPath(filter?: BulletinFilter): string {
  return filter ? `/bulletins/${filter.key}/${filter.value}/` : '/bulletins/';
}

/** Years with bulletins, newest first. */
export function bulletinYears(bulletins: readonly { date: string }[]): string[] {
  return [...new Set(bulletins.map((b) => b.date.slice(0, 4)))].sort().reverse();
}
