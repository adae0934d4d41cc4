import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { excerptOf, excerptText, fromPagefind, fromTerms } from './search-excerpt.ts';

const Z = '\u200B';
/** A task page as Pagefind's index holds it: segmented words joined by zero-width spaces, “. ” after blocks without a stop. */
const TASK_PAGE = [
  '澜',
  '溪',
  '街道',
  '片',
  '区',
  '加',
  '装',
  '电梯 ',
  '36 ',
  '部',
  '. ',
  '任务',
  '编号 ',
  'ND',
  '-',
  '2026',
  '-',
  '001',
  '-',
  '01 ',
  '· ',
  '年度',
  '重点',
  '工作',
  '台',
  '账 ',
  '· ',
  '民生',
  '改善',
  '. ',
  '当前',
  '状态',
  '. ',
  '绿色',
  '·',
  '正常',
  '推进 ',
  '状态',
  '：',
  '推进',
  '中 ',
  '进度',
  '：',
  '95',
  '% ',
  '按',
  '计划',
  '推进',
  '，',
  '截止',
  '日期 ',
  '2026',
  '-',
  '12',
  '-',
  '31',
  '. ',
  '进度',
  '按',
  '最近',
  '一次',
  '推进',
  '动态',
  '填',
  '报',
  '。',
  '预警',
  '和',
  '状态',
  '按 ',
  '2026',
  '年',
  '11',
  '月',
  '23',
  '日 ',
  '的',
  '日期',
  '自动',
  '计算',
  '，',
  '计算',
  '规则',
  '。 ',
  '责任',
  '链',
  '. ',
  '牵',
  '头',
  '领导',
  '沈',
  '嘉禾',
  '（',
  '副',
  '区',
  '长',
  '）',
  '牵',
  '头',
  '单位',
  '望',
  '澜',
  '区',
  '澜',
  '溪',
  '街道',
  '办事',
  '处',
  '. ',
  '推进',
  '动态',
  '. ',
  '2026',
  '-',
  '11',
  '-',
  '22 ',
  '进度 ',
  '95',
  '% ',
  '主体',
  '完工',
  '后',
  '组织',
  '居民',
  '代表',
  '参与',
  '验收',
  '。',
].join(Z);
const wordIndex = (word: string) => TASK_PAGE.split(Z).indexOf(word);

describe('fromPagefind', () => {
  it('reads the index’s text back as Chinese: a block’s “. ” becomes 。, spaces only beside letters and digits', () => {
    const { text } = fromPagefind(TASK_PAGE, []);
    expect(text).toContain(
      '澜溪街道片区加装电梯 36 部。任务编号 ND-2026-001-01 · 年度重点工作台账 · 民生改善。当前状态。绿色·正常推进状态：推进中进度：95% 按计划推进',
    );
    expect(text).toContain('截止日期 2026-12-31。进度按最近一次推进动态填报。');
    expect(text).toContain('计算规则。责任链。牵头领导沈嘉禾（副区长）');
    expect(text).not.toMatch(/\p{Script=Han}\. /u);
    expect(text).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
  });

  it('highlights the words Pagefind matched', () => {
    const marked = fromPagefind(TASK_PAGE, [wordIndex('电梯 ')]);
    expect(marked.marks).toHaveLength(1);
    expect(marked.text.slice(marked.marks[0]!.start, marked.marks[0]!.end)).toBe('电梯');
  });
  it('reading only the words around the matches gives the excerpt the whole page gives (property)', () => {
    const words = TASK_PAGE.split(Z);
    const length = fc.integer({ min: 20, max: 120 });
    fc.assert(
      fc.property(fc.nat({ max: words.length - 1 }), length, (location, length) => {
        const windowed = fromPagefind(TASK_PAGE, [location], length);
        expect(windowed.text.length).toBeLessThan(4 * length);
        expect(excerptOf(windowed, length)).toEqual(excerptOf(fromPagefind(TASK_PAGE, [location]), length));
      }),
    );
    // Found by this property in CI: the excerpt anchored on a match of punctuation (“：”) at its start and ended at the
    // sentence before the one real match (“2026”) that fitted in its length, showing no match at all.
    const found = excerptOf(fromPagefind(TASK_PAGE, [42, 113, 112], 114), 114);
    expect(found.parts.some((p) => p.mark && p.text.includes('2026'))).toBe(true);
    // With several matches the two may settle on different groups of them; either is a fair excerpt.
    const wholeText = fromPagefind(TASK_PAGE, []).text;
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: words.length - 1 }), { minLength: 2, maxLength: 6 }), length, (locations, length) => {
        const excerpt = excerptOf(fromPagefind(TASK_PAGE, locations, length), length);
        expect(wholeText).toContain(excerpt.parts.map((p) => p.text).join(''));
        if (locations.some((i) => /[\p{L}\p{N}]/u.test(words[i]!))) expect(excerpt.parts.some((p) => p.mark)).toBe(true);
      }),
    );
  });
});

describe('excerptOf', () => {
  it('starts at the sentence with the match and ends at a sentence or clause, with … where cut', () => {
    const marked = fromPagefind(TASK_PAGE, [wordIndex('验收')]);
    const excerpt = excerptOf(marked, 60);
    expect(excerptText(excerpt)).toBe('…2026-11-22 进度 95% 主体完工后组织居民代表参与验收。');
    expect(excerpt.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['验收']);
  });

  it('when the sentence is too long to show from its start, starts at a word boundary, not inside a word', () => {
    const excerpt = excerptOf(fromPagefind(TASK_PAGE, [wordIndex('验收')]), 40);
    expect(excerptText(excerpt)).toBe('…后组织居民代表参与验收。');
  });

  it('takes the words of Pagefind’s text from the index, without loading the browser’s Chinese dictionary', () => {
    const segmenter = vi.spyOn(Intl, 'Segmenter');
    try {
      expect(excerptText(excerptOf(fromPagefind(TASK_PAGE, [wordIndex('验收')], 40), 40))).toBe('…后组织居民代表参与验收。');
      expect(segmenter).not.toHaveBeenCalled();
    } finally {
      segmenter.mockRestore();
    }
  });

  it('starts at the beginning when the match is near it, and never cuts inside a highlighted word', () => {
    const excerpt = excerptOf(fromPagefind(TASK_PAGE, [wordIndex('电梯 ')]), 30);
    expect(excerpt.cutBefore).toBe(false);
    expect(excerptText(excerpt).startsWith('澜溪街道片区加装电梯 36 部。')).toBe(true);
    expect(excerpt.cutAfter).toBe(true);
  });

  it('keeps short texts whole', () => {
    const excerpt = excerptOf(fromTerms('小区路灯不亮，晚上出行不便。', ['路灯']), 80);
    expect(excerpt).toEqual({
      parts: [
        { text: '小区', mark: false },
        { text: '路灯', mark: true },
        { text: '不亮，晚上出行不便。', mark: false },
      ],
      cutBefore: false,
      cutAfter: false,
    });
  });

  it('never breaks a word of Latin letters or digits at its end', () => {
    const text = `${'前面的说明文字很长，'.repeat(3)}编号 ND-2026-001-01 的任务已经完成主体施工并通过验收 ABCDEFGHIJ`;
    const excerpt = excerptOf(fromTerms(text, ['施工']), 50);
    expect(excerptText(excerpt)).not.toMatch(/[A-Z0-9][A-Z0-9]…$/);
  });

  it('keeps a match longer than the room left in full rather than ending before it (a whole sentence pasted as the query)', () => {
    const term = '小区北门外的路灯已经坏了两个多月了晚上出行很不方便请尽快派人来维修非常感谢各位同志你们';
    const text = `${'前面说明情况，'.repeat(6)}${term}。后面还有一些补充说明。`;
    const excerpt = excerptOf(fromTerms(text, [term]), 80);
    expect(excerpt.parts.filter((p) => p.mark).map((p) => p.text)).toEqual([term]);
  });

  it('always gives text from the page, at most a little longer than asked, with the matches it shows highlighted (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'路灯电梯小区不亮居民反映，。；、 ABC123-'.split('')), minLength: 0, maxLength: 300 }),
        fc.constantFrom('路灯', '电梯', 'ABC', '居民'),
        fc.integer({ min: 10, max: 120 }),
        (text, term, max) => {
          const marked = fromTerms(text, [term]);
          const excerpt = excerptOf(marked, max);
          const shown = excerpt.parts.map((p) => p.text).join('');
          expect(marked.text).toContain(shown);
          expect([...shown].length).toBeLessThanOrEqual(max + term.length);
          for (const p of excerpt.parts) if (p.mark) expect(p.text.toLowerCase()).toBe(term.toLowerCase().slice(0, p.text.length));
        },
      ),
    );
  });
});
