import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchable } from './board-filter.ts';
import { fts5Match, indexTokens, tokenQuery, tsQuery, type TokenQuery } from './search-tokens.ts';

/** What an index does with the tokens: a phrase is consecutive tokens, a prefix starts some token. */
function found(text: string, query: TokenQuery): boolean {
  const tokens = indexTokens(text).split(' ');
  const hasPhrase = (phrase: string[]) => tokens.some((_, i) => phrase.every((t, j) => tokens[i + j] === t));
  return query.phrases.every(hasPhrase) && query.prefixes.every((p) => tokens.some((t) => t.startsWith(p)));
}

const runsOf = (text: string) => searchable(text).match(/[\p{L}\p{N}]+/gu) ?? [];
/** The letters people search by, and what they type between them: IME punctuation, full-width letters and digits, spaces. */
const letters = '路灯不亮停水噪音扰民井盖物业小区学校公交医院望澜街道号栋单元abcXYＡＢ０１２３9'.split('');
const between = '，。、！？：；“”（）【】 \u3000-./'.split('');
const text = fc.string({ unit: fc.constantFrom(...letters, ...letters, ...between), maxLength: 40 });
const word = fc.string({ unit: fc.constantFrom(...letters), minLength: 1, maxLength: 4 });

describe('search tokens', () => {
  it('find a word exactly when it stands in the text between punctuation and spaces (any spelling of width or case)', () => {
    fc.assert(
      fc.property(text, word, (t, w) => {
        const expected = runsOf(t).some((run) => run.includes(searchable(w)));
        expect(found(t, tokenQuery([w]))).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('find every piece cut from the text', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const runs = runsOf(t);
        fc.pre(runs.length > 0);
        const run = runs[a % runs.length]!;
        const chars = [...run];
        const start = b % chars.length;
        const piece = chars.slice(start, start + 1 + (a % 3)).join('');
        expect(found(t, tokenQuery([piece]))).toBe(true);
      }),
    );
  });

  it('take full-width letters as half-width and upper case as lower', () => {
    expect(found('ＷＩＦＩ信号差', tokenQuery(['wifi']))).toBe(true);
    expect(found('wifi信号差', tokenQuery(['ＷｉＦｉ']))).toBe(true);
  });

  it('do not join words across punctuation or spaces', () => {
    expect(found('路，灯', tokenQuery(['路灯']))).toBe(false);
    expect(found('路 灯', tokenQuery(['路灯']))).toBe(false);
    expect(found('路 灯', tokenQuery(['路', '灯']))).toBe(true);
  });

  it('ask nothing of words without letters or digits', () => {
    expect(tokenQuery(['！？', '……'])).toEqual({ phrases: [], prefixes: [] });
  });

  it('write the same query for both databases', () => {
    const query = tokenQuery(['路灯', '水']);
    expect(fts5Match(query)).toMatch(/^"w\w+" AND w\w{4}\*$/);
    expect(tsQuery(query)).toMatch(/^w\w+ & w\w{4}:\*$/);
    expect(tsQuery(tokenQuery(['噪音扰民']))).toMatch(/^w\w{8} <-> w\w{8} <-> w\w{8}$/);
  });
});
