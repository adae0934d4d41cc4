import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskName, maskText } from './masking.ts';

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
    ['身份证530102199001011234', '身份证[证件号已隐去]'],
    ['身份证 53010219900101123X 号', '身份证 [证件号已隐去] 号'],
    ['邮箱 zhang.san@example.com 联系', '邮箱 [邮箱已隐去] 联系'],
    ['银行卡6222021234567890123', '银行卡[号码已隐去]'],
    ['2026-11-23 报修，2026年3月5日再次反映', '2026-11-23 报修，2026年3月5日再次反映'],
    ['门牌 12 号，3 栋 2 单元', '门牌 12 号，3 栋 2 单元'],
  ];
  for (const [input, expected] of cases) it(`masks «${input}»`, () => expect(maskText(input)).toBe(expected));

  it("masks the author's own name inside the text", () => {
    expect(maskText('我是王小明，住在望澜小区', '王小明')).toBe('我是王**，住在望澜小区');
  });

  it('no 11-digit mobile number survives, however it is embedded', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/), fc.string(), (before, second, rest, after) => {
        const phone = `1${second}${rest}`;
        const out = maskText(`${before}${phone}${after}`);
        expect(out.replace(/\D/g, '')).not.toContain(phone);
      }),
    );
  });
});
