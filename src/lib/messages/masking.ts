/**
 * Masking (脱敏) for everything the public sees of a message: the author's name becomes 张*, and
 * phone numbers, ID numbers and e-mail addresses are removed from the text however they are
 * written. Any other number of seven or more digits is removed too (bank cards, QQ numbers),
 * except a date, a list of years, an amount with thousands separators, or a code that starts with
 * Latin letters (留言编号 LY20261123-0007, 任务编号 MS-2026-001).
 *
 * "However written" means what people type: full-width signs from Chinese input methods (１３８,
 * ＠, ．), any short run of separators between digit groups (spaces, hyphens, dots, slashes,
 * underscores, commas, brackets), +86, Chinese numerals (一三八…, 幺 for 1), and e-mail addresses
 * spelled out against harvesters (name (at) example.cn, name @ example. cn). The text is read through
 * that normalisation and masked on the original, so what is kept is kept exactly as typed. A
 * landline goes with its extension, however it is marked (转 808, 分机 12, -808, #808).
 * Staff still read every reply before it is published; this is the floor, not the review.
 */
import { digitOf, digitRuns, type DigitSegment } from './digit-runs.ts';

export const MASKS = { email: '[邮箱已隐去]', idNumber: '[证件号已隐去]', phone: '[电话已隐去]', number: '[号码已隐去]' } as const;
type MaskKind = keyof typeof MASKS;

const W = '[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]';
const LOCAL = `${W}[A-Za-z0-9._%+\\-Ａ-Ｚａ-ｚ０-９．＿－]*`;
const OPEN = '[(（\\[【{]';
const CLOSE = '[)）\\]】}]';
const AT = `\\s*(?:[@＠]|${OPEN}\\s*(?:at|AT|At|艾特)\\s*${CLOSE})\\s*`;
const DOT = `\\s*(?:[.．。]|${OPEN}\\s*(?:dot|DOT|Dot|点)\\s*${CLOSE})\\s*`;
const LABEL = '[A-Za-z0-9Ａ-Ｚａ-ｚ０-９](?:[A-Za-z0-9\\-Ａ-Ｚａ-ｚ０-９－]*[A-Za-z0-9Ａ-Ｚａ-ｚ０-９])?';
const EMAIL = new RegExp(`${LOCAL}${AT}${LABEL}(?:${DOT}${LABEL})*${DOT}[A-Za-zＡ-Ｚａ-ｚ]{2,}(?![A-Za-zＡ-Ｚａ-ｚ])`, 'gu');

const MOBILE = /^(?:0086|86)?1[3-9]\d{9}$/;
/** Area code (0 and two or three digits) and local number, perhaps with an extension run on (0571 87654321-808); no ID number starts with 0. */
const LANDLINE = /^(?:0086|86)?0[1-9]\d{8,16}$/;
/** After +86 the area code drops its 0 (+86 571 8765 4321). */
const LANDLINE_ABROAD = /^(?:0086|86)(?:10|2\d|[3-9]\d\d)[1-9]\d{6,7}\d{0,6}$/;
/** An extension written after a phone number: 转 808, 分机 12, ext. 808, x808, #808. */
const EXTENSION = /^\s*(?:转|轉|分机|分機|ext\.?|x|#)\s*/iu;
const MAX_EXTENSION_DIGITS = 6;
const ID_NUMBER = /^(?:\d{15}|\d{17}[\dX])$/;
const YEAR = /^(?:19|20)\d\d$/;
const AMOUNT_SEPARATORS = /^[,，]$/;

/** The author's name as the public sees it: the first character, then one * per remaining character. */
export function maskName(name: string | null | undefined): string {
  const chars = [...(name ?? '').trim()];
  if (chars.length === 0) return '匿名';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** A phone or ID number by its shape alone, whatever surrounds it. */
function contactKind(digits: string): MaskKind | null {
  if (MOBILE.test(digits) || LANDLINE.test(digits) || LANDLINE_ABROAD.test(digits)) return 'phone';
  return ID_NUMBER.test(digits) ? 'idNumber' : null;
}

/** What a run of digit groups is, or null when it may be shown (short numbers, years, amounts, letter-prefixed codes). */
function classify(segment: DigitSegment): MaskKind | null {
  const digits = segment.digits;
  const contact = contactKind(digits);
  if (contact) return contact;
  if (digits.length < 7) return null;
  if (segment.afterLetters) return null;
  if (segment.groups.length > 1 && segment.groups.every((g) => YEAR.test(g))) return null;
  const amount = segment.groups.every((g, i) => (i === 0 ? g.length <= 3 : g.length === 3)) && segment.separators.every((s) => AMOUNT_SEPARATORS.test(s));
  return amount ? null : 'number';
}

/** Where a phone number ending at `end` really ends: past an extension written after it (转 808), if there is one. */
function extensionEnd(text: string, end: number): number {
  const marker = EXTENSION.exec(text.slice(end, end + 8));
  if (!marker) return end;
  let at = end + marker[0].length;
  const start = at;
  while (at < text.length && at - start < MAX_EXTENSION_DIGITS && digitOf(text[at]!) !== undefined) at += 1;
  return at > start && (at >= text.length || digitOf(text[at]!) === undefined) ? at : end;
}

/** Spans of `text` to replace, with what to replace each by, in order and not overlapping. */
function sensitiveSpans(text: string): { start: number; end: number; mask: string }[] {
  const spans: { start: number; end: number; mask: string }[] = [];
  for (const match of text.matchAll(EMAIL)) spans.push({ start: match.index, end: match.index + match[0].length, mask: MASKS.email });
  const outside = (start: number, end: number) => spans.every((s) => end <= s.start || start >= s.end);
  for (const { whole, parts } of digitRuns(text)) {
    // A run shaped like a phone or ID number as a whole is one, even where part of it looks like a date (1961-3-6 00620).
    const wholeKind = contactKind(whole.digits);
    for (const segment of wholeKind ? [whole] : parts) {
      const kind = wholeKind ?? classify(segment);
      const end = kind === 'phone' ? extensionEnd(text, segment.end) : segment.end;
      if (kind && outside(segment.start, end)) spans.push({ start: segment.start, end, mask: MASKS[kind] });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Remove contact details and identifiers from free text; also the author's own name where it appears. */
export function maskText(text: string, authorName?: string | null): string {
  let masked = '';
  let at = 0;
  for (const span of sensitiveSpans(text)) {
    masked += text.slice(at, span.start) + span.mask;
    at = span.end;
  }
  masked += text.slice(at);
  const name = authorName?.trim();
  if (name && [...name].length >= 2) masked = masked.split(name).join(maskName(name));
  return masked;
}
