import { describe, expect, it } from 'vitest';
import { redact, REDACTED, suspiciousSpans } from './review.ts';

const spans = (text: string) => suspiciousSpans(text).map((s) => [s.text, s.reason]);

describe('what a reviewer should look at before publishing', () => {
  it('finds other people’s names, after 我是 / 叫 / 联系人, as 某某, and before a form of address', () => {
    expect(spans('我是王小明，邻居李某某经常在楼道堆放杂物，物业的张师傅也知道。')).toEqual([
      ['王小明', 'name'],
      ['李某某', 'name'],
      ['张师傅', 'name'],
    ]);
    expect(spans('我是望澜小区的居民')).toEqual([]);
  });

  it('finds street addresses, buildings and rooms, villages with groups', () => {
    expect(spans('住在望澜路12号3栋2单元501室，老家是下坝村三组。')).toEqual([
      ['望澜路12号3栋2单元501室', 'address'],
      ['下坝村三组', 'address'],
    ]);
    expect(spans('小区 5 号楼 2 单元 302 室门口')).toEqual([['5 号楼 2 单元 302 室', 'address']]);
  });

  it('finds licence plates and people described by their workplace', () => {
    expect(spans('车牌云A·12345的车天天堵门')).toEqual([['云A·12345', 'plate']]);
    expect(spans('区水务局的科长说不归他们管')).toEqual([['区水务局的科长', 'workplace']]);
  });

  it('hides every occurrence of each chosen span, longest first', () => {
    expect(redact('王小明说，王小明家门口', ['王小', '王小明'])).toBe(`${REDACTED}说，${REDACTED}家门口`);
    expect(redact('没有要隐去的', [' ', ''])).toBe('没有要隐去的');
  });
});
