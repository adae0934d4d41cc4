/**
 * Tracking numbers (留言编号) and query codes (查询码): what a citizen writes down to follow a message.
 *
 * A tracking number is the prefix, the submission day in China Standard Time and a daily sequence:
 * LY20261123-0007. A query code is ten characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * shown in two groups of five; it is case-insensitive and forgiving of spaces and hyphens when typed.
 */
import type { IsoDate } from '../calendar/dates.ts';

export const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const QUERY_CODE_LENGTH = 10;

export function formatTrackingNumber(prefix: string, day: IsoDate, sequence: number): string {
  return `${prefix}${day.replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`;
}

/** A typed tracking number in canonical form, or null when it cannot be one. */
export function normaliseTrackingNumber(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const value = input.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  return /^[A-Z]{1,6}\d{8}-\d{4,6}$/.test(value) ? value : null;
}

/** Turn random bytes into a query code: each byte picks one letter (the alphabet has 31; the bias is negligible for a lookup secret). */
export function queryCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < QUERY_CODE_LENGTH) throw new RangeError('not enough bytes for a query code');
  let code = '';
  for (let i = 0; i < QUERY_CODE_LENGTH; i += 1) code += QUERY_CODE_ALPHABET[bytes[i]! % QUERY_CODE_ALPHABET.length];
  return code;
}

/** The code as shown: ABCDE-FGHJK. */
export function displayQueryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A typed query code in canonical form, or null when it cannot be one. */
export function normaliseQueryCode(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const value = input.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
  if (value.length !== QUERY_CODE_LENGTH) return null;
  for (const char of value) if (!QUERY_CODE_ALPHABET.includes(char)) return null;
  return value;
}
