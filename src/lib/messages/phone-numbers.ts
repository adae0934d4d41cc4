/**
 * 联系电话: the number a citizen leaves with a message, read the way people type it, and one stored
 * form for each number, so staff can call it and find the message by it.
 *
 * - A mobile (手机): 11 digits starting 13–19, with or without +86 / 0086 / 86; stored as the 11 digits.
 * - A landline (固定电话): an area code (区号) and a local number, with an optional extension (分机).
 *   Area codes are 010 and 020–029 (three digits, then an eight-digit local number) or 0xxx for the
 *   rest of the mainland (four digits, then seven or eight). Local numbers never start with 0.
 *   Stored as `0571-87654321`, with `-808` for an extension.
 *
 * Accepted spellings: full-width digits and signs from Chinese input methods (０５７１, （）, －, —),
 * spaces, hyphens, dots, slashes and brackets between groups, `+86 571 …` (the area code's 0 dropped after
 * the country code), and an extension after 转, 分机, ext, x, # or a last hyphen: `0571-8765 4321 转 808`,
 * `(0571)87654321-808`. A number without its area code is refused with an example, since staff
 * cannot know which city it is in.
 */

export type PhoneKind = 'mobile' | 'landline';

export type ParsedPhone = { ok: true; kind: PhoneKind; value: string } | { ok: false; problem: 'empty' | 'no_area_code' | 'invalid' };

/** Dashes and hyphens of every width an input method types, read as one hyphen. */
const DASHES = /[‐‑‒–—―－﹣−]/gu;
/** What may stand between groups of digits. */
const GROUP_SEPARATORS = /[\s\-.·/()[\]]+/u;
/** An extension at the end: 转 808, 分机808, ext. 808, x808, #808. */
const EXTENSION = /\s*(?:转|轉|分机|分機|ext\.?|x|#)\s*(\d{1,6})\s*$/iu;
const MOBILE = /^1[3-9]\d{9}$/;
const COUNTRY = /^(?:\+86|0086|86)/;

/** The area code at the start of `digits` (which starts with 0), by the mainland's numbering plan. */
function areaCodeOf(digits: string): string | null {
  if (/^0(?:10|2\d)/.test(digits)) return digits.slice(0, 3);
  if (/^0[3-9]\d\d/.test(digits)) return digits.slice(0, 4);
  return null;
}

/** `digits` (area code first) as a landline, or null when it cannot be one. */
function landline(digits: string): string | null {
  const area = areaCodeOf(digits);
  if (!area) return null;
  const local = digits.slice(area.length);
  const lengths = area.length === 3 ? [8] : [7, 8];
  if (!lengths.includes(local.length) || local.startsWith('0')) return null;
  return `${area}-${local}`;
}

/** A typed telephone number in its stored form, or what is wrong with it. */
export function parsePhone(input: string): ParsedPhone {
  let text = input.normalize('NFKC').replace(DASHES, '-').trim();
  if (text === '') return { ok: false, problem: 'empty' };
  let extension: string | null = null;
  const marked = EXTENSION.exec(text);
  if (marked) {
    extension = marked[1]!;
    text = text.slice(0, marked.index);
  }
  const groups = text.split(GROUP_SEPARATORS).filter(Boolean);
  const joined = groups.join('');
  if (!/^\+?\d+$/.test(joined)) return { ok: false, problem: 'invalid' };
  const country = COUNTRY.exec(joined)?.[0] ?? '';
  const national = joined.slice(country.length);
  if (extension === null && MOBILE.test(national)) return { ok: true, kind: 'mobile', value: national };
  // After a country code the area code loses its leading 0 (+86 571 8765 4321).
  const withTrunk = country && !national.startsWith('0') ? `0${national}` : national;
  const whole = landline(withTrunk);
  if (whole) return { ok: true, kind: 'landline', value: extension ? `${whole}-${extension}` : whole };
  // No marker: a last group of one to six digits after a complete number is its extension ((0571)87654321-808).
  if (extension === null && groups.length > 1) {
    const last = groups.at(-1)!;
    const rest = withTrunk.slice(0, withTrunk.length - last.length);
    const number = last.length <= 6 ? landline(rest) : null;
    if (number) return { ok: true, kind: 'landline', value: `${number}-${last}` };
  }
  if (!country && /^[2-9]\d{6,7}$/.test(national)) return { ok: false, problem: 'no_area_code' };
  return { ok: false, problem: 'invalid' };
}

/**
 * The stored form a search for `input` should find, or null when it is not a telephone number. A
 * landline typed without its extension also finds the same number stored with one (`prefix`).
 */
export function phoneToFind(input: string): { value: string; prefix: boolean } | null {
  const parsed = parsePhone(input);
  if (!parsed.ok) return null;
  return { value: parsed.value, prefix: parsed.kind === 'landline' && parsed.value.split('-').length === 2 };
}

/** Whether a stored number can receive a text message (短信): only mobiles can. */
export function canReceiveTexts(stored: string): boolean {
  return MOBILE.test(stored);
}
