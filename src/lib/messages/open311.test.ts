import { describe, expect, it } from 'vitest';
import { errorsOf, fieldsFromOpen311, w3cChinaDateTime } from './open311.ts';

describe('Open311 mapping', () => {
  it('reads our fields from GeoReport parameters, joining the name as Chinese names are written', () => {
    expect(
      fieldsFromOpen311({
        service_code: 'complaint',
        description: '内容',
        last_name: '欧阳',
        first_name: '娜娜',
        'attribute[title]': '标题',
        'attribute[consent]': 'yes',
        phone: '138',
      }),
    ).toEqual({
      type: 'complaint',
      unit: undefined,
      task: undefined,
      title: '标题',
      content: '内容',
      name: '欧阳娜娜',
      phone: '138',
      email: undefined,
      consent: true,
    });
  });

  it('accepts consent as yes/no words or booleans, and passes anything else on to be refused', () => {
    expect(fieldsFromOpen311({ 'attribute[consent]': 'no' }).consent).toBe(false);
    expect(fieldsFromOpen311({ attribute: { consent: true } }).consent).toBe(true);
    expect(fieldsFromOpen311({}).consent).toBe(false);
    expect(fieldsFromOpen311({ 'attribute[consent]': 'maybe' }).consent).toBe('maybe');
  });

  it('names the GeoReport parameter in errors', () => {
    expect(errorsOf({ title: '请填写标题', content: '请填写留言内容' })).toEqual([
      { code: 400, description: 'attribute[title]：请填写标题' },
      { code: 400, description: 'description：请填写留言内容' },
    ]);
  });

  it('writes instants in China Standard Time', () => {
    expect(w3cChinaDateTime('2026-11-23T16:30:00.000Z')).toBe('2026-11-24T00:30:00+08:00');
  });
});
