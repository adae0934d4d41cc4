/**
 * Full-text search over Chinese text without a word dictionary: the text is cut into overlapping
 * pairs of characters (bigrams, as Lucene's CJK analyser does), so any run of two or more letters or
 * digits is found exactly as a phrase of consecutive pairs, and a single character is found as the
 * start of a pair or the last character of a run. Each pair is written as ASCII (the code points in
 * base 36), so SQLite's FTS5 and PostgreSQL's text search read the same tokens whatever the
 * database's locale. The stores keep an index of these tokens (src/server/messages/text-search.ts).
 */
import { searchable } from './board-filter.ts';

/** Runs of letters and digits: what search looks at (punctuation and spaces separate words). */
const RUN = /[\p{L}\p{N}]+/gu;

/** One character as four base-36 digits (enough for every code point). */
function code(char: string): string {
  return char.codePointAt(0)!.toString(36).padStart(4, '0');
}

function pair(a: string, b: string): string {
  return `w${code(a)}${code(b)}`;
}

function single(a: string): string {
  return `w${code(a)}`;
}

/** The tokens of one run, in order: its overlapping pairs, then its last character alone. */
function runTokens(run: string[]): string[] {
  const tokens: string[] = [];
  for (let i = 0; i + 1 < run.length; i += 1) tokens.push(pair(run[i]!, run[i + 1]!));
  tokens.push(single(run.at(-1)!));
  return tokens;
}

function runsOf(text: string): string[][] {
  return (searchable(text).match(RUN) ?? []).map((run) => [...run]);
}

/** The tokens to index for `text`, separated by spaces (full-width folded to half-width, lower case). */
export function indexTokens(text: string): string {
  return runsOf(text).flatMap(runTokens).join(' ');
}

/**
 * What a search for `words` asks of the index: every run of two or more characters as a phrase of
 * consecutive pairs, and every single character as a prefix (a pair starting with it, or itself
 * ending a run). All must be present. Words with neither letters nor digits ask nothing.
 */
export interface TokenQuery {
  phrases: string[][];
  prefixes: string[];
}

export function tokenQuery(words: readonly string[]): TokenQuery {
  const runs = words.flatMap(runsOf);
  return {
    phrases: runs.filter((run) => run.length > 1).map((run) => runTokens(run).slice(0, -1)),
    prefixes: runs.filter((run) => run.length === 1).map((run) => single(run[0]!)),
  };
}

export function isEmptyQuery(query: TokenQuery): boolean {
  return query.phrases.length === 0 && query.prefixes.length === 0;
}

/** The query in SQLite FTS5's syntax. */
export function fts5Match(query: TokenQuery): string {
  return [...query.phrases.map((phrase) => `"${phrase.join(' ')}"`), ...query.prefixes.map((prefix) => `${prefix}*`)].join(' AND ');
}

/** The query in PostgreSQL's tsquery syntax (for `to_tsquery('simple', …)`). */
export function tsQuery(query: TokenQuery): string {
  return [...query.phrases.map((phrase) => phrase.join(' <-> ')), ...query.prefixes.map((prefix) => `${prefix}:*`)].join(' & ');
}
