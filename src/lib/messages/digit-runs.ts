/**
 * Numbers as people write them in free text, for masking: a run of digit groups joined by short runs
 * of separators (`138 1234 5678`, `139 - 2001 - 0008`, `142.8186.6201`, `139,2001,0016`), in ASCII,
 * full-width (１３８) or Chinese numerals (一三八, 幺 for 1), with the digits read as ASCII. Each run
 * is also given cut around the dates inside it (2026-11-23, 2026/3/5, 2026.03.05), so a date next
 * to a phone number can keep the date and still find the number.
 */

const CHINESE_DIGITS: Readonly<Record<string, string>> = {
  零: '0',
  〇: '0',
  '○': '0',
  一: '1',
  壹: '1',
  幺: '1',
  二: '2',
  贰: '2',
  三: '3',
  叁: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陆: '6',
  七: '7',
  柒: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
};

/** Spaces of every width, hyphens and dashes, dots, slashes, underscores, commas and brackets, in both widths. */
const SEPARATOR = /[\s\-‐‑‒–—―－﹣.．·・/／\\_＿,，()（）]/u;
const DATE_SEPARATOR = /^[-－/／.．]$/u;
/** How many separator characters may stand between two digit groups of one number. */
const MAX_SEPARATOR_RUN = 3;
/** The longest digit part of a code that is let through (a tracking number has 12). */
const MAX_CODE_DIGITS = 12;
const ID_CHECK_X = /[XxＸｘ]/u;

/** The digit a character stands for, or undefined. */
export function digitOf(char: string): string | undefined {
  if (char >= '0' && char <= '9') return char;
  if (char >= '０' && char <= '９') return String(char.charCodeAt(0) - 0xff10);
  return CHINESE_DIGITS[char];
}

export interface DigitSegment {
  /** Where the number starts and ends in the original text (a leading + and a trailing ID check letter included). */
  start: number;
  end: number;
  /** Its digits in ASCII, with X when an ID number's check letter follows. */
  digits: string;
  groups: string[];
  separators: string[];
  /** It follows Latin letters (LY20261123-0007, MS-2026-001): a code, not a number a person has, unless it is as long as an ID number. */
  afterLetters: boolean;
}

interface Group {
  digits: string;
  start: number;
  end: number;
}

function isDate(groups: Group[], separators: string[], i: number): boolean {
  const [year, month, day] = [groups[i], groups[i + 1], groups[i + 2]];
  if (!year || !month || !day) return false;
  const sep = separators[i]!;
  if (sep !== separators[i + 1] || !DATE_SEPARATOR.test(sep)) return false;
  const [y, m, d] = [Number(year.digits), Number(month.digits), Number(day.digits)];
  return year.digits.length === 4 && y >= 1900 && y <= 2099 && month.digits.length <= 2 && m >= 1 && m <= 12 && day.digits.length <= 2 && d >= 1 && d <= 31;
}

function segmentOf(text: string, groups: Group[], separators: string[], atRunStart: boolean): DigitSegment {
  let start = groups[0]!.start;
  let end = groups.at(-1)!.end;
  let digits = groups.map((g) => g.digits).join('');
  if (start > 0 && (text[start - 1] === '+' || text[start - 1] === '＋')) start -= 1;
  if (digits.length === 17 && ID_CHECK_X.test(text[end] ?? '')) {
    digits += 'X';
    end += 1;
  }
  return {
    start,
    end,
    digits,
    groups: groups.map((g) => g.digits),
    separators,
    afterLetters: atRunStart && digits.length <= MAX_CODE_DIGITS && /[A-Za-z][-_－]?$/.test(text.slice(Math.max(0, start - 2), start)),
  };
}

export interface DigitRun {
  /** The whole run, as one number. */
  whole: DigitSegment;
  /** The run cut around the dates inside it ([whole] when there is none). */
  parts: DigitSegment[];
}

/** Every run of digit groups in `text`, whole and cut around the dates inside it. */
export function digitRuns(text: string): DigitRun[] {
  const runs: DigitRun[] = [];
  let i = 0;
  while (i < text.length) {
    if (digitOf(text[i]!) === undefined) {
      i += 1;
      continue;
    }
    const groups: Group[] = [];
    const separators: string[] = [];
    // Digits of every kind join: people mix them (138零零001234), and a number cut short would slip through.
    const isDigit = (char: string | undefined) => char !== undefined && digitOf(char) !== undefined;
    let j = i;
    for (;;) {
      const start = j;
      let digits = '';
      while (isDigit(text[j])) {
        digits += digitOf(text[j]!)!;
        j += 1;
      }
      groups.push({ digits, start, end: j });
      let k = j;
      while (k < text.length && k - j < MAX_SEPARATOR_RUN && SEPARATOR.test(text[k]!)) k += 1;
      if (k === j || !isDigit(text[k])) break;
      separators.push(text.slice(j, k).trim() || ' ');
      j = k;
    }
    // Cut the dates out; what is left on either side of each is a number of its own.
    const parts: DigitSegment[] = [];
    let from = 0;
    for (let g = 0; g < groups.length; g += 1) {
      if (!isDate(groups, separators, g)) continue;
      if (g > from) parts.push(segmentOf(text, groups.slice(from, g), separators.slice(from, g - 1), from === 0));
      from = g + 3;
      g += 2;
    }
    if (from < groups.length) parts.push(segmentOf(text, groups.slice(from), separators.slice(from, groups.length - 1), from === 0));
    runs.push({ whole: segmentOf(text, groups, separators, true), parts });
    i = j;
  }
  return runs;
}
