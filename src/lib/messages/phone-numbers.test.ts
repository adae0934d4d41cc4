import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canReceiveTexts, parsePhone, phoneToFind } from './phone-numbers.ts';

const stored = (input: string) => {
  const parsed = parsePhone(input);
  return parsed.ok ? parsed.value : parsed.problem;
};

describe('parsePhone: mobiles', () => {
  it('keeps the 11 digits, whatever the spelling and country code', () => {
    for (const typed of [
      '13800000000',
      '138 0000 0000',
      '138-0000-0000',
      '+86 138 0000 0000',
      '0086 13800000000',
      '８６１３８００００００００',
      '１３８－００００－００００',
    ])
      expect(stored(typed), typed).toBe('13800000000');
    expect(parsePhone('13800000000')).toEqual({ ok: true, kind: 'mobile', value: '13800000000' });
  });
});

describe('parsePhone: landlines', () => {
  const cases: [string, string][] = [
    ['0571-8765 4321 转 808', '0571-87654321-808'],
    ['(0571)87654321-808', '0571-87654321-808'],
    ['（０５７１）８７６５４３２１－８０８', '0571-87654321-808'],
    ['010 1234 5678', '010-12345678'],
    ['010—12345678', '010-12345678'],
    ['０５７１－８７６５４３２１', '0571-87654321'],
    ['0571 87654321 分机 12', '0571-87654321-12'],
    ['0571-87654321 ext. 808', '0571-87654321-808'],
    ['0571-87654321#808', '0571-87654321-808'],
    ['+86 571 8765 4321', '0571-87654321'],
    ['+86 10 1234 5678', '010-12345678'],
    ['0086-571-87654321', '0571-87654321'],
    ['0871-6512345', '0871-6512345'],
    ['020.8765.4321', '020-87654321'],
    ['0571/87654321', '0571-87654321'],
  ];
  for (const [typed, expected] of cases) it(`reads «${typed}»`, () => expect(stored(typed)).toBe(expected));

  it('says so when the area code is missing', () => {
    expect(stored('8765 4321')).toBe('no_area_code');
    expect(stored('6512345')).toBe('no_area_code');
  });

  it('refuses what cannot be a mainland number', () => {
    for (const typed of [
      '12345',
      '0000-00000000',
      '010-1234567',
      '0571-876543210',
      '400-123-4567',
      '电话 13800000000',
      '1380000000',
      '013800000000',
      '0571-87654321 转 1234567',
    ])
      expect(parsePhone(typed).ok, typed).toBe(false);
    expect(stored('   ')).toBe('empty');
  });

  it('stores every spelling of one number the same way', () => {
    const separators = fc.constantFrom('', ' ', '-', '－', '—', '.', ' - ', '　');
    fc.assert(
      fc.property(
        fc.constantFrom('010', '021', '0571', '0871', '0931'),
        fc.stringMatching(/^[2-9]\d{7}$/),
        fc.option(fc.stringMatching(/^\d{1,5}$/), { nil: undefined }),
        separators,
        separators,
        fc.boolean(),
        fc.constantFrom(' 转 ', '转', ' 分机 ', ' ext ', '#'),
        (area, local, extension, sep1, sep2, bracket, marker) => {
          const head = bracket ? `（${area}）` : `${area}${sep1}`;
          const typed = `${head}${local.slice(0, 4)}${sep2}${local.slice(4)}${extension ? `${marker}${extension}` : ''}`;
          expect(stored(typed)).toBe(`${area}-${local}${extension ? `-${extension}` : ''}`);
        },
      ),
    );
  });
});

describe('phoneToFind', () => {
  it('finds a landline also with its extension, a mobile only as itself', () => {
    expect(phoneToFind('0571 8765 4321')).toEqual({ value: '0571-87654321', prefix: true });
    expect(phoneToFind('0571-87654321 转 808')).toEqual({ value: '0571-87654321-808', prefix: false });
    expect(phoneToFind('139 2001 0008')).toEqual({ value: '13920010008', prefix: false });
    expect(phoneToFind('路灯')).toBeNull();
  });
});

describe('canReceiveTexts', () => {
  it('is true only for mobiles', () => {
    expect(canReceiveTexts('13800000000')).toBe(true);
    expect(canReceiveTexts('0571-87654321')).toBe(false);
  });
});
