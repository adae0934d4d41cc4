/**
 * Instants as a reader in China reads them, in Beijing time whatever the server's zone: the wall-clock
 * time comes from chinaDateTime (the one rule for the zone), written out here. The receipt once made an
 * Intl.DateTimeFormat per request for this, 9 % of the form's intake CPU.
 */
import { chinaDateTime } from '../calendar/dates.ts';
import { longDate } from './numbers.ts';

/** 2026-11-30 09:05: to the minute, for the console, a saved draft and the PubDate page tag. */
export function beijingMinute(instant: string): string {
  return chinaDateTime(instant).slice(0, 16).replace('T', ' ');
}

/** 2026年11月30日 09:05, for a receipt. */
export function beijingLongDateTime(instant: string): string {
  const minute = beijingMinute(instant);
  return `${longDate(minute.slice(0, 10))} ${minute.slice(11)}`;
}

/** 2026/11/30 09:05, for a timeline's rows. */
export function beijingShortDateTime(instant: string): string {
  const minute = beijingMinute(instant);
  return `${minute.slice(0, 10).replaceAll('-', '/')} ${minute.slice(11)}`;
}
