/**
 * Masking (脱敏) for everything the public sees of a message: the author's name becomes 张*, and
 * phone numbers, ID numbers and e-mail addresses are removed from the text, whatever way they are
 * written (spaces, hyphens, +86, full-width digits). Any other run of seven or more digits is
 * removed too (bank cards, QQ numbers, house-number-like identifiers), except inside a date.
 * Staff still read every reply before it is published; this is the floor, not the review.
 */

const D = '[0-9０-９]';
const SEP = '[\\s\\-－—–‐]?';
const EMAIL = /[\p{L}\p{N}._%+\-－]+[@＠][\p{L}\p{N}.\-－]+\.[\p{L}]{2,}/gu;
const ID_NUMBER = new RegExp(`(?<!${D})(?:${D}{6}${SEP}${D}{8}${SEP}${D}{3}[0-9０-９XxＸｘ]|${D}{15})(?!${D})`, 'gu');
const MOBILE = new RegExp(`(?:(?:\\+|＋)?(?:86|８６)${SEP})?(?<!${D})[1１][3-9３-９]${D}(?:${SEP}${D}{4}){2}(?!${D})`, 'gu');
const LANDLINE = new RegExp(`(?<!${D})[0０]${D}{2,3}${SEP}${D}{7,8}(?!${D})`, 'gu');
const DATE_OR_LONG_NUMBER = new RegExp(`(${D}{4}[-－/年.]${D}{1,2}[-－/月.]${D}{1,2}日?)|(?<![A-Za-z])${D}(?:${SEP}${D}){6,}`, 'gu');

export const MASKS = { email: '[邮箱已隐去]', idNumber: '[证件号已隐去]', phone: '[电话已隐去]', number: '[号码已隐去]' } as const;

/** The author's name as the public sees it: the first character, then one * per remaining character. */
export function maskName(name: string | null | undefined): string {
  const chars = [...(name ?? '').trim()];
  if (chars.length === 0) return '匿名';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** Remove contact details and identifiers from free text; also the author's own name where it appears. */
export function maskText(text: string, authorName?: string | null): string {
  let masked = text.replace(EMAIL, MASKS.email).replace(ID_NUMBER, MASKS.idNumber).replace(MOBILE, MASKS.phone).replace(LANDLINE, MASKS.phone);
  // One pass over dates and long numbers together: a date is kept, any other long digit run removed.
  masked = masked.replace(DATE_OR_LONG_NUMBER, (match, date: string | undefined) => (date ? match : MASKS.number));
  const name = authorName?.trim();
  if (name && [...name].length >= 2) masked = masked.split(name).join(maskName(name));
  return masked;
}
