import { describe, expect, it } from 'vitest';
import { milestoneState } from './milestones.ts';

describe('milestone state', () => {
  it('says a late completion was late', () => {
    expect(milestoneState({ due: '2026-05-22', done: '2026-05-27' }, '2026-11-23').text).toBe('2026-05-27 完成（逾期 5 天）');
    expect(milestoneState({ due: '2026-05-22', done: '2026-05-22' }, '2026-11-23').text).toBe('2026-05-22 按期完成');
  });
  it('counts down to an open milestone and up from a missed one', () => {
    expect(milestoneState({ due: '2026-11-23' }, '2026-11-23').text).toBe('今天到期');
    expect(milestoneState({ due: '2026-11-30' }, '2026-11-23').text).toBe('还有 7 天');
    expect(milestoneState({ due: '2026-11-04' }, '2026-11-23')).toEqual({ className: 'is-late', text: '已过期 19 天，未完成' });
  });
});
