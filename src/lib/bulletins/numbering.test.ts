import { describe, expect, it } from 'vitest';
import { numberingSentence, parseBulletinNumber, seriesOfYear } from './numbering.ts';

describe('bulletin numbers', () => {
  it('read as series, year and issue', () => {
    expect(parseBulletinNumber('督查通报〔2026〕第12期')).toEqual({ series: '督查通报', year: '2026', issue: 12 });
    expect(parseBulletinNumber('第12期')).toBeNull();
  });

  it('are summed up per series, with the numbers the site does not carry', () => {
    const numbers = ['督查通报〔2026〕第1期', '督查通报〔2026〕第2期', '督查通报〔2026〕第4期', '工作提示〔2026〕第1期', '督查通报〔2025〕第9期'];
    const series = seriesOfYear(numbers, '2026');
    expect(series).toEqual([
      { series: '督查通报', count: 3, first: 1, last: 4, missing: [3] },
      { series: '工作提示', count: 1, first: 1, last: 1, missing: [] },
    ]);
    expect(numberingSentence('2026', series)).toBe(
      '2026年：督查通报 3 期（第1—4期，本站未收录第3期），工作提示 1 期（第1期）；各类通报分别编号，每年从第1期编起。',
    );
  });
});
