import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskName, maskText } from './masking.ts';
import { digitOf } from './digit-runs.ts';

describe('maskName', () => {
  it('keeps the first character only', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('')).toBe('匿名');
    expect(maskName(null)).toBe('匿名');
    expect(maskName('李')).toBe('李*');
  });
});

describe('maskText', () => {
  const cases: [string, string][] = [
    ['请回电13812345678谢谢', '请回电[电话已隐去]谢谢'],
    ['电话 138 1234 5678。', '电话 [电话已隐去]。'],
    ['电话+86-138-1234-5678', '电话[电话已隐去]'],
    ['全角１３８１２３４５６７８', '全角[电话已隐去]'],
    ['座机0871-65123456', '座机[电话已隐去]'],
    ['座机（0871）6512 3456', '座机（[电话已隐去]'],
    ['座机0571-8765 4321 转 808，上班时间打', '座机[电话已隐去]，上班时间打'],
    ['电话(0571)87654321-808', '电话([电话已隐去]'],
    ['打 +86 571 8765 4321 或分机 12', '打 [电话已隐去] 或分机 12'],
    ['区号0571，电话87654321', '区号0571，电话[号码已隐去]'],
    ['身份证530102199001011234', '身份证[证件号已隐去]'],
    ['身份证 53010219900101123X 号', '身份证 [证件号已隐去] 号'],
    ['邮箱 zhang.san@example.com 联系', '邮箱 [邮箱已隐去] 联系'],
    ['银行卡6222021234567890123', '银行卡[号码已隐去]'],
    // The spellings an independent probe found unmasked.
    ['手机142  8186  6201', '手机[电话已隐去]'],
    ['手机 139 - 2001 - 0008 找我', '手机 [电话已隐去] 找我'],
    ['142.8186.6201', '[电话已隐去]'],
    ['142/8186/6201', '[电话已隐去]'],
    ['142_8186_6201', '[电话已隐去]'],
    ['139,2001,0016', '[电话已隐去]'],
    ['1392-10-01012', '[电话已隐去]'],
    ['电话一四二八一八六六二零一', '电话[电话已隐去]'],
    ['打幺三八幺二三四五六七八', '打[电话已隐去]'],
    ['cit0213 @ example.cn', '[邮箱已隐去]'],
    ['probe27(at)example.cn', '[邮箱已隐去]'],
    ['probe28@example. cn 联系', '[邮箱已隐去] 联系'],
    ['邮箱cit0213＠example．cn。', '邮箱[邮箱已隐去]。'],
    ['写信到 wang【at】example【dot】com 吧', '写信到 [邮箱已隐去] 吧'],
    // What must stay: dates (also beside a number), codes, years, amounts, short numbers, times.
    ['2026-11-23 报修，2026年3月5日再次反映', '2026-11-23 报修，2026年3月5日再次反映'],
    ['2026-11-23 13812345678', '2026-11-23 [电话已隐去]'],
    ['1961 - 3-6 00620', '[电话已隐去]'],
    ['2026/3/5 与 2026.03.05', '2026/3/5 与 2026.03.05'],
    ['门牌 12 号，3 栋 2 单元', '门牌 12 号，3 栋 2 单元'],
    ['留言 LY20261123-0007 和任务 MS-2026-001', '留言 LY20261123-0007 和任务 MS-2026-001'],
    ['2024, 2025, 2026 这三年', '2024, 2025, 2026 这三年'],
    ['补助 1,200,000 元', '补助 1,200,000 元'],
    ['上午 10:30 到 11:45', '上午 10:30 到 11:45'],
    ['一二三，木头人', '一二三，木头人'],
    ['a < b 且 c > d', 'a < b 且 c > d'],
  ];
  for (const [input, expected] of cases) it(`masks «${input}»`, () => expect(maskText(input)).toBe(expected));

  it("masks the author's own name inside the text", () => {
    expect(maskText('我是王小明，住在望澜小区', '王小明')).toBe('我是王**，住在望澜小区');
  });
});

/* Generators for the ways people write the things that must not be shown. */
const FULL_WIDTH = (d: string) => String.fromCharCode(0xff10 + Number(d));
const CHINESE = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CHINESE_ALT = ['〇', '幺', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const digitForm = fc.constantFrom<(d: string) => string>(
  (d) => d,
  FULL_WIDTH,
  (d) => CHINESE[Number(d)]!,
  (d) => CHINESE_ALT[Number(d)]!,
);
const SEPARATORS = [' ', '  ', '\u3000', '-', ' - ', '－', '—', '.', '．', '/', '_', ',', '，', '·', ' . '];
/** Fills around the secret: Chinese text with the punctuation an IME types, never touching a digit. */
const filler = fc.string({ unit: fc.constantFrom(...'请联系我电话是的号码谢谢，。：；！？“”（）【】 abcXY你好邮箱手机'.split('')), maxLength: 12 });

/** A digit string written as a person might: per-digit forms, split into groups with separators. */
function spelled(digits: string) {
  return fc
    .tuple(
      fc.array(digitForm, { minLength: digits.length, maxLength: digits.length }),
      fc.uniqueArray(fc.integer({ min: 1, max: digits.length - 1 }), { maxLength: 4 }),
      fc.array(fc.constantFrom(...SEPARATORS), { minLength: 4, maxLength: 4 }),
    )
    .map(([forms, cuts, seps]) => {
      const sorted = [...cuts].sort((a, b) => a - b);
      let out = '';
      for (let i = 0; i < digits.length; i += 1) {
        const cut = sorted.indexOf(i);
        if (cut >= 0) out += seps[cut]!;
        out += forms[i]!(digits[i]!);
      }
      return out;
    });
}

const chineseFiller = fc.string({ unit: fc.constantFrom(...'请联系我的邮箱是谢谢，。：（）【】 '.split('')), maxLength: 12 });

/** The digits a text shows once every way of writing a digit is read as ASCII and everything else dropped. */
const shownDigits = (text: string) => [...text].map((c) => digitOf(c) ?? '').join('');

const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/)).map(([second, rest]) => `1${second}${rest}`);
const prefix = fc.constantFrom('', '+86 ', '+86-', '86', '＋８６ ', '0086 ');

describe('maskText: properties', () => {
  it('no mobile number survives, however it is spelled or embedded', () => {
    fc.assert(
      fc.property(
        filler,
        prefix,
        mobile.chain((m) => spelled(m).map((s) => [m, s] as const)),
        filler,
        (before, pre, [phone, written], after) => {
          const out = maskText(`${before}${pre}${written}${after}`);
          expect(shownDigits(out)).not.toContain(phone);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('no landline with its area code survives', () => {
    const landline = fc.tuple(fc.stringMatching(/^0[1-9]\d{1,2}$/), fc.stringMatching(/^[2-8]\d{6,7}$/)).map(([area, local]) => `${area}${local}`);
    fc.assert(
      fc.property(
        filler,
        landline.chain((l) => spelled(l).map((s) => [l, s] as const)),
        filler,
        (before, [number, written], after) => {
          expect(shownDigits(maskText(`${before}${written}${after}`))).not.toContain(number);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('no landline survives in the forms the message form accepts: brackets, +86, an extension after 转, 分机, # or a hyphen', () => {
    const area = fc.constantFrom('010', '021', '0571', '0871', '0931');
    const local = fc.stringMatching(/^[2-9]\d{6,7}$/);
    const extension = fc.option(fc.stringMatching(/^\d{2,5}$/), { nil: undefined });
    const marker = fc.constantFrom(' 转 ', '转', '分机', ' ext ', '#', '-', '－', ' x');
    const head = fc.constantFrom<(a: string) => string>(
      (a) => a,
      (a) => `(${a})`,
      (a) => `（${a}）`,
      (a) => `+86 ${a.slice(1)} `,
      (a) => `${a}-`,
      (a) => `${a} `,
    );
    fc.assert(
      fc.property(
        chineseFiller,
        area,
        head,
        local.chain((l) => spelled(l).map((written) => [l, written] as const)),
        extension,
        marker,
        chineseFiller,
        (before, code, spellHead, [number, writtenLocal], ext, mark, after) => {
          const written = `${before}${spellHead(code)}${writtenLocal}${ext ? `${mark}${ext}` : ''}${after}`;
          const out = maskText(written);
          expect(shownDigits(out), written).not.toContain(number);
          expect(out, written).toContain('[电话已隐去]');
          if (ext) expect(out.normalize('NFKC'), written).not.toMatch(new RegExp(`(?:转|分机|ext|#|x)\\s*${ext}`));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('no ID number survives, with a digit or an X at the end', () => {
    const id = fc
      .tuple(
        fc.stringMatching(/^[1-6]\d{5}$/),
        fc.integer({ min: 1940, max: 2020 }),
        fc.stringMatching(/^(0[1-9]|1[0-2])(0[1-9]|[12]\d)\d{3}$/),
        fc.constantFrom('0', '7', 'X', 'x', 'Ｘ'),
      )
      .map(([area, year, rest, check]) => ({ digits: `${area}${year}${rest}`, check }));
    fc.assert(
      fc.property(
        filler,
        id.chain((i) => spelled(i.digits).map((s) => [i, s] as const)),
        filler,
        (before, [{ digits, check }, spelledDigits], after) => {
          const written = `${before}${spelledDigits}${check}${after}`;
          expect(shownDigits(maskText(written))).not.toContain(digits.slice(0, 14));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('no e-mail address survives, in any of the spellings people use to hide it from harvesters', () => {
    const local = fc.stringMatching(/^[a-z][a-z0-9._]{1,10}[a-z0-9]$/);
    const domain = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/);
    const tld = fc.constantFrom('cn', 'com', 'net', 'org', 'gov.cn', 'com.cn');
    const at = fc.constantFrom('@', ' @ ', '＠', '(at)', ' (at) ', '（at）', '[at]', '【at】', '(AT)');
    const dot = fc.constantFrom('.', '．', '. ', ' . ', '(dot)', '[dot]', '。');
    const widen = fc.boolean();
    fc.assert(
      fc.property(chineseFiller, local, at, domain, dot, tld, widen, chineseFiller, (before, user, a, host, d, top, wide, after) => {
        const toWide = (s: string) => (wide ? [...s].map((c) => (/[a-z0-9]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('') : s);
        const written = `${before}${toWide(user)}${a}${toWide(host)}${d}${top.replace('.', d)}${after}`;
        const out = maskText(written);
        expect(out, written).toContain('[邮箱已隐去]');
        expect(out.normalize('NFKC')).not.toContain(user);
        expect(out.normalize('NFKC')).not.toContain(host);
      }),
      { numRuns: 1000 },
    );
  });

  it('dates survive beside any of these, written the usual ways', () => {
    const date = fc.date({ min: new Date('1950-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).chain((day) =>
      fc.constantFrom('-', '/', '.').map((sep) => {
        const [y, m, d] = day.toISOString().slice(0, 10).split('-');
        return `${y}${sep}${m}${sep}${d}`;
      }),
    );
    fc.assert(
      fc.property(
        date,
        filler.filter((s) => s.trim() !== '' && !/^[\s.,，·/_-]/.test(s)),
        mobile,
        (written, between, phone) => {
          const out = maskText(`${written}${between}${phone}`);
          expect(out.startsWith(written)).toBe(true);
          expect(shownDigits(out)).not.toContain(phone);
        },
      ),
      { numRuns: 500 },
    );
  });
});
