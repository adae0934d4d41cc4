import { describe, expect, it } from 'vitest';
import { findOf, readQueueFilter } from './queue-filter.ts';

describe('the console’s find box', () => {
  it('reads a tracking number however it is typed', () => {
    expect(findOf(' ly20261123-0007 ')).toEqual({ kind: 'number', number: 'LY20261123-0007' });
  });
  it('reads a mobile number in full-width, with spaces, hyphens or +86', () => {
    for (const typed of ['13920010008', '139 2001 0008', '１３９－２００１－０００８', '+86 139-2001-0008'])
      expect(findOf(typed), typed).toEqual({ kind: 'phone', phone: '13920010008', withExtensions: false });
  });
  it('reads a landline as the form stores it, with or without its extension', () => {
    expect(findOf('（0571）8765 4321')).toEqual({ kind: 'phone', phone: '0571-87654321', withExtensions: true });
    expect(findOf('0571-87654321 转 808')).toEqual({ kind: 'phone', phone: '0571-87654321-808', withExtensions: false });
  });
  it('otherwise looks for words', () => {
    expect(findOf('路灯\u3000不亮')).toEqual({ kind: 'words', words: ['路灯', '不亮'] });
    expect(findOf('  ')).toEqual({ kind: 'none' });
  });
  it('keeps a month only in its YYYY-MM form', () => {
    expect(readQueueFilter(new URLSearchParams('month=2026-11&unit=water')).month).toBe('2026-11');
    expect(readQueueFilter(new URLSearchParams('month=11月')).month).toBe('');
  });
});
