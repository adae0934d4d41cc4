import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSubmission, type SubmissionChoices } from './submission.ts';

const choices: SubmissionChoices = { types: ['consultation', 'complaint'], units: ['housing-bureau'], tasks: ['WL-2026-001'] };
const valid = { type: 'complaint', title: '小区电梯长期停运', content: '望澜小区 3 栋电梯停运已两周，老人上下楼困难。', phone: '13800000000', consent: true };

describe('parseSubmission', () => {
  it('accepts a complete message and normalises the phone number', () => {
    const result = parseSubmission({ ...valid, phone: '+86 138-0000-0000', name: ' 张三 ', email: '' }, choices);
    expect(result).toEqual({
      ok: true,
      value: { ...valid, phone: '13800000000', name: '张三', email: null, unit: null, task: null },
    });
  });

  it('accepts a landline with its area code and extension, stored in one form', () => {
    const result = parseSubmission({ ...valid, phone: '（０５７１）8765 4321 转 808' }, choices);
    expect(result.ok && result.value.phone).toBe('0571-87654321-808');
  });

  it('asks for the area code of a landline typed without one', () => {
    const result = parseSubmission({ ...valid, phone: '8765 4321' }, choices);
    expect(!result.ok && result.errors.phone).toMatch(/请加上区号/);
  });

  it('names each missing field in Chinese', () => {
    const result = parseSubmission({}, choices);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.type).toBe('请选择留言类型');
    expect(result.errors.title).toBe('请填写标题');
    expect(result.errors.content).toBe('请填写留言内容');
    expect(result.errors.phone).toMatch(/^请填写手机号码/);
  });

  it('refuses wrong types without throwing', () => {
    const result = parseSubmission({ ...valid, title: 42, content: ['x'], consent: 'yes', unit: {} }, choices);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['consent', 'content', 'title', 'unit']);
  });

  it('refuses control characters, bidi overrides and characters XML cannot carry, naming the field', () => {
    for (const [field, value, pattern] of [
      ['title', '电梯\u0007停运', /标题含有不可见的控制字符/],
      ['title', '电梯\n停运', /换行/],
      ['content', '内容\u202Eabc 反转显示的文字', /留言内容含有不可见的控制字符/],
      ['content', '小区路灯坏了很久\uFFFE', /留言内容含有无法保存的特殊字符/],
      ['title', '路灯\uFFFF不亮', /标题含有无法保存的特殊字符/],
      ['name', '张\u{1FFFE}', /姓名含有无法保存的特殊字符/],
      ['content', '小区路灯坏了很久\uFDD0', /无法保存的特殊字符/],
    ] as const) {
      const result = parseSubmission({ ...valid, [field]: value }, choices);
      expect(result.ok, value).toBe(false);
      if (!result.ok) expect(result.errors[field]).toMatch(pattern);
    }
  });

  it('keeps comparison signs, quotes and even markup as plain text (shown escaped)', () => {
    for (const content of ['水费 < 电费 & 燃气费 > 100 元，"为什么"？', 'a < b 且 c > d，这个说法对吗', '网页上显示 <script>alert(1)</script> 是怎么回事']) {
      const result = parseSubmission({ ...valid, content, name: '<b>张</b>' }, choices);
      expect(result.ok && result.value.content).toBe(content);
    }
  });

  it('counts length in characters, not bytes, and says how long the text is', () => {
    expect(parseSubmission({ ...valid, title: '电'.repeat(50) }, choices).ok).toBe(true);
    const result = parseSubmission({ ...valid, title: '电'.repeat(51) }, choices);
    expect(!result.ok && result.errors.title).toBe('标题最多 50 个字，现在是 51 个字');
  });

  it('refuses units, types and tasks that are not offered', () => {
    const result = parseSubmission({ ...valid, type: 'x', unit: 'nowhere', task: 'WL-9' }, choices);
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['task', 'type', 'unit']);
  });

  it('never throws and either accepts or names a known field, for any input', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.object());
    fc.assert(
      fc.property(
        fc.record({ type: value, unit: value, title: value, content: value, name: value, phone: value, email: value, consent: value }, { requiredKeys: [] }),
        (input) => {
          const result = parseSubmission(input, choices);
          if (!result.ok)
            for (const key of Object.keys(result.errors))
              expect(['type', 'unit', 'task', 'title', 'content', 'name', 'phone', 'email', 'consent']).toContain(key);
        },
      ),
    );
  });
});
