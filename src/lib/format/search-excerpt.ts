/**
 * Excerpts for search results (搜索结果摘要), built from the page's text rather than taken as
 * Pagefind makes them. Pagefind's index holds a page's text as words joined by zero-width spaces,
 * with “. ” wherever one block of the page ends without punctuation; its own excerpts keep those
 * ASCII stops and start and end wherever a number of words runs out, often inside a word the
 * segmenter split. Here the text is read back into Chinese (a block's end becomes 。, spaces only where
 * a reader wants them), and the excerpt runs from the start of a sentence or clause near the first
 * match to the end of one, with … where it is cut. The same for the board's messages, from their
 * (already masked) text and the words searched for.
 */

/** Text with the spans to highlight. */
export interface MarkedText {
  text: string;
  marks: { start: number; end: number }[];
  /** The text is a window of a longer one: more came before / after it. */
  clipped?: { before: boolean; after: boolean };
  /** Where its words start and end, when they are known (Pagefind's index holds the text in words). */
  wordBounds?: number[];
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface Excerpt {
  parts: ExcerptPart[];
  /** Text was left out before / after the excerpt (shown as …). */
  cutBefore: boolean;
  cutAfter: boolean;
}

const HAN = /\p{Script=Han}/u;
/** Chinese punctuation, full-width brackets and quotes: no space belongs beside them. */
const CJK_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’—…]/u;
const SENTENCE_END = /[。！？；!?;\n]/u;
const CLAUSE_END = /[，、：,:）)」』》]/u;

const isHan = (c: string) => HAN.test(c);
const tight = (c: string) => CJK_PUNCT.test(c);

/**
 * Pagefind's `raw_content` (words joined by U+200B, `<` and `>` escaped) and the matched word positions
 * (`locations`), as text to excerpt. With `window` (an excerpt's length), only the words around the
 * closest group of matches are read, enough for an excerpt of that length: the browser then does a few
 * hundred characters' work per result instead of the whole page's.
 */
export function fromPagefind(rawContent: string, locations: readonly number[], window?: number): MarkedText {
  const words = rawContent.split('\u200B').map((w) => w.replaceAll('&lt;', '<').replaceAll('&gt;', '>'));
  const matched = new Set(locations);
  let [from, to] = [0, words.length];
  if (window !== undefined)
    [from, to] = wordsAround(
      words,
      [...matched].sort((a, b) => a - b),
      window,
    );
  const marked = clean(words.slice(from, to).map((text, i) => ({ text, mark: matched.has(from + i) })));
  return { ...marked, clipped: { before: from > 0, after: to < words.length } };
}

/** The words from `window` characters before the match with most matches in the next `window` characters, to twice `window` after it. */
function wordsAround(words: readonly string[], locations: readonly number[], window: number): [number, number] {
  const offsets: number[] = [];
  let at = 0;
  for (const w of words) {
    offsets.push(at);
    at += w.length;
  }
  let anchor = 0;
  let bestCount = 0;
  for (const i of locations) {
    const count = locations.filter((j) => offsets[j]! >= offsets[i]! && offsets[j]! + words[j]!.length <= offsets[i]! + window).length;
    if (count > bestCount) [anchor, bestCount] = [i, count];
  }
  let from = anchor;
  while (from > 0 && offsets[anchor]! - offsets[from]! < window) from -= 1;
  // Not from a block's end (“. ”), which reads as 。 only after the text before it.
  while (from < anchor && /^\s*\.?\s*$/.test(words[from]!)) from += 1;
  let to = anchor;
  while (to < words.length && offsets[to]! - offsets[anchor]! < 2 * window) to += 1;
  return [from, to];
}

/** Plain text (a message's masked content) and the words searched for, as text to excerpt. */
export function fromTerms(text: string, terms: readonly string[]): MarkedText {
  const cleaned = clean([{ text, mark: false }]);
  const lower = cleaned.text.toLowerCase();
  const marks: MarkedText['marks'] = [];
  for (const term of terms.map((t) => t.toLowerCase()).filter(Boolean))
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + term.length)) marks.push({ start: at, end: at + term.length });
  return { text: cleaned.text, marks: merge(marks) };
}

function merge(marks: MarkedText['marks']): MarkedText['marks'] {
  const sorted = [...marks].sort((a, b) => a.start - b.start);
  const merged: MarkedText['marks'] = [];
  for (const m of sorted) {
    const last = merged.at(-1);
    if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else merged.push({ ...m });
  }
  return merged;
}

/**
 * Join pieces into readable Chinese: a lone “.” that ended a block after Chinese text or a number
 * becomes 。; runs of white space become one space, kept only between letters or digits and other
 * text, dropped between two Chinese characters and beside Chinese punctuation.
 */
function clean(pieces: readonly ExcerptPart[]): MarkedText & { wordBounds: number[] } {
  let text = '';
  const marks: MarkedText['marks'] = [];
  const wordBounds: number[] = [];
  let pendingSpace = false;
  const last = () => text.at(-1) ?? '';
  for (const piece of pieces) {
    let t = piece.text;
    if (/^\s*\.\s*$/.test(t) && (isHan(last()) || /\d/.test(last()) || tight(last()))) t = tight(last()) ? ' ' : '。';
    const start = text.length;
    for (const c of t) {
      if (/\s/.test(c)) {
        pendingSpace = true;
        continue;
      }
      const prev = last();
      if (pendingSpace && prev !== '' && !tight(prev) && !tight(c) && !(isHan(prev) && isHan(c))) text += ' ';
      pendingSpace = false;
      if (c === '。' && prev === '。') continue;
      text += c;
    }
    if (piece.mark && text.length > start) marks.push({ start: text[start] === ' ' ? start + 1 : start, end: text.length });
    if (text.length > start) wordBounds.push(text[start] === ' ' ? start + 1 : start);
  }
  wordBounds.push(text.length);
  return { text, marks: merge(marks), wordBounds };
}

/** Where to start: the mark with the most marks within one excerpt's length after it. */
function anchorOf(marks: MarkedText['marks'], length: number): number {
  let best = 0;
  let bestCount = 0;
  for (const m of marks) {
    const count = marks.filter((o) => o.start >= m.start && o.end <= m.start + length).length;
    if (count > bestCount) [best, bestCount] = [m.start, count];
  }
  return best;
}

/** The last place in [from, to] where text may be cut (just past a matching character), or -1. */
function lastBreak(text: string, from: number, to: number, kind: RegExp): number {
  for (let i = to - 1; i >= from; i -= 1) if (kind.test(text[i]!)) return i + 1;
  return -1;
}

/** Word boundaries of `text` (Chinese words found by the platform's dictionary, through Intl.Segmenter), computed when first needed. */
function wordBoundaries(text: string): () => number[] {
  let found: number[] | undefined;
  return () => {
    // Browsers without Intl.Segmenter (old ones) cut at the match and at the length instead.
    found ??=
      typeof Intl.Segmenter === 'function' ? [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)].map((s) => s.index).concat(text.length) : [];
    return found;
  };
}

/** An excerpt of at most about `maxChars` characters around the matches, cut at sentence, clause or word boundaries. */
export function excerptOf({ text, marks, clipped, wordBounds }: MarkedText, maxChars = 80): Excerpt {
  const anchor = anchorOf(marks, maxChars);
  // Pagefind's own words where the text came from its index: no dictionary to load in the browser.
  const words = wordBounds ? () => wordBounds : wordBoundaries(text);
  // How far back from the first match the excerpt may start, to begin with its sentence or clause.
  const reach = Math.floor(maxChars * 0.6);
  let start = 0;
  if (anchor > reach) {
    const sentence = lastBreak(text, anchor - reach, anchor, SENTENCE_END);
    const clause = lastBreak(text, anchor - reach, anchor, CLAUSE_END);
    start = sentence >= 0 ? sentence : clause >= 0 ? clause : (words().find((b) => b >= anchor - Math.floor(maxChars / 4)) ?? anchor);
  }
  while (start < text.length && /[\s。，、；：]/.test(text[start]!)) start += 1;
  let end = text.length;
  if (end - start > maxChars) {
    const limit = start + maxChars;
    // Not before the end of the last match that fits, so the excerpt keeps the matches it was anchored for; when none
    // fits whole (a match longer than the room left), not before the first match's end (it is then kept whole, below).
    const lastFittingEnd = marks.reduce((far, m) => (m.start >= anchor && m.end <= limit ? Math.max(far, m.end) : far), -1);
    const keepUntil = lastFittingEnd >= 0 ? lastFittingEnd : (marks.find((m) => m.start >= anchor)?.end ?? start);
    const floor = Math.min(limit, Math.max(start + Math.floor(maxChars / 2), keepUntil));
    const sentence = lastBreak(text, floor, limit, SENTENCE_END);
    const clause = lastBreak(text, floor, limit, CLAUSE_END);
    end = sentence >= 0 ? sentence : clause >= 0 ? clause : (words().findLast((b) => b <= limit && b > start) ?? limit);
    // Never inside a highlighted word.
    const inside = marks.find((m) => m.start < end && m.end > end);
    if (inside) end = inside.end;
  }
  const parts: ExcerptPart[] = [];
  let at = start;
  for (const m of marks) {
    if (m.end <= start || m.start >= end) continue;
    const from = Math.max(m.start, start);
    if (from > at) parts.push({ text: text.slice(at, from), mark: false });
    parts.push({ text: text.slice(from, Math.min(m.end, end)), mark: true });
    at = Math.min(m.end, end);
  }
  if (at < end) parts.push({ text: text.slice(at, end), mark: false });
  const lastPart = parts.at(-1);
  if (lastPart && !lastPart.mark) lastPart.text = lastPart.text.trimEnd();
  return { parts, cutBefore: start > 0 || (clipped?.before ?? false), cutAfter: end < text.length || (clipped?.after ?? false) };
}

/** The excerpt as plain text, with … where it was cut (for tests and for screen-reader-only copies). */
export function excerptText(excerpt: Excerpt): string {
  return `${excerpt.cutBefore ? '…' : ''}${excerpt.parts.map((p) => p.text).join('')}${excerpt.cutAfter ? '…' : ''}`;
}
