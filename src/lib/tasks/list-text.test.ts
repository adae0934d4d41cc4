import { describe, expect, it } from 'vitest';
import { listCaption, listCount, listSummary, listTitle } from './list-text.ts';

const red = { dimension: '预警颜色', value: '红色·逾期' };
const housing = { dimension: '牵头单位', value: '望澜区住房和城乡建设局' };

describe('the words of a 公示栏 list follow its filter', () => {
  it('says 全部重点任务 only when nothing is chosen', () => {
    expect(listTitle([])).toBe('公示栏：全部重点任务');
    expect(listTitle([red])).toBe('预警颜色：红色·逾期');
    expect(listTitle([red, housing])).toBe('预警颜色：红色·逾期；牵头单位：望澜区住房和城乡建设局');
  });

  it('names the page after the first', () => {
    expect(listTitle([], 2)).toBe('公示栏：全部重点任务（第 2 页）');
  });

  it('counts the rows of this page: the last page is short, an empty list has no range', () => {
    expect(listCount(85, 1, 100)).toBe('共 85 项，本页第 1–85 项');
    expect(listCount(250, 3, 100)).toBe('共 250 项，本页第 201–250 项');
    expect(listCount(100, 1, 100)).toBe('共 100 项，本页第 1–100 项');
    expect(listCount(0, 1, 100)).toBe('共 0 项');
  });

  it('captions the table with the title and the count', () => {
    expect(listCaption([red, housing], 3, 1, 500)).toBe('预警颜色：红色·逾期；牵头单位：望澜区住房和城乡建设局（共 3 项，本页第 1–3 项）');
  });

  it('sums the matching tasks by colour, and says only 共 0 项 of none', () => {
    expect(listSummary(6, { red: 3, yellow: 0, green: 1, done: 2 })).toBe('共 6 项：逾期 3 项，临期 0 项，正常 1 项，已完成 2 项');
    expect(listSummary(0, { red: 0, yellow: 0, green: 0, done: 0 })).toBe('共 0 项');
  });
});
