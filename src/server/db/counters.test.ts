import { describe, expect, it } from 'vitest';
import { mergeCounterChanges } from './counters.ts';

describe('counter changes', () => {
  it('add up by row, keeping the rows of different tables and keys apart', () => {
    const merged = mergeCounterChanges([
      { table: 'queue_counts', key: { queue: 'new', unit: '' }, delta: { count: 1 } },
      { table: 'message_tallies', key: { month: '2026-11', unit: '', type: 'complaint' }, delta: { received: 1, accepted: 0 } },
      { table: 'queue_counts', key: { queue: 'new', unit: '' }, delta: { count: 1 } },
      { table: 'queue_counts', key: { queue: 'new', unit: 'water' }, delta: { count: 1 } },
      { table: 'message_tallies', key: { month: '2026-11', unit: '', type: 'complaint' }, delta: { received: 1, accepted: 1 } },
    ]);
    expect(merged).toEqual([
      { table: 'queue_counts', key: { queue: 'new', unit: '' }, delta: { count: 2 } },
      { table: 'message_tallies', key: { month: '2026-11', unit: '', type: 'complaint' }, delta: { received: 2, accepted: 1 } },
      { table: 'queue_counts', key: { queue: 'new', unit: 'water' }, delta: { count: 1 } },
    ]);
  });
  it('leave out a row whose changes cancel out (a message moved away and back in one batch)', () => {
    expect(
      mergeCounterChanges([
        { table: 'queue_counts', key: { queue: 'assigned', unit: 'water' }, delta: { count: 1 } },
        { table: 'queue_counts', key: { queue: 'assigned', unit: 'water' }, delta: { count: -1 } },
      ]),
    ).toEqual([]);
  });
  it('do not confuse keys whose parts run together', () => {
    const merged = mergeCounterChanges([
      { table: 'queue_counts', key: { queue: 'a', unit: 'bc' }, delta: { count: 1 } },
      { table: 'queue_counts', key: { queue: 'ab', unit: 'c' }, delta: { count: 1 } },
    ]);
    expect(merged).toHaveLength(2);
  });
});
