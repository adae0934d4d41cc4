import { describe, expect, it } from 'vitest';
import { taskSearchDate } from './search.ts';

describe('taskSearchDate', () => {
  it('is the latest progress update, whatever order the updates are in', () => {
    expect(taskSearchDate({ start: '2026-01-05', visibleUpdates: [{ date: '2026-03-01' }, { date: '2026-05-02' }, { date: '2026-04-01' }] })).toEqual({
      label: '更新',
      date: '2026-05-02',
    });
  });
  it('is the start for a task without updates yet', () => {
    expect(taskSearchDate({ start: '2026-01-05', visibleUpdates: [] })).toEqual({ label: '开始', date: '2026-01-05' });
  });
});
