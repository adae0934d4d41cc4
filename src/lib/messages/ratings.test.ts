import { describe, expect, it } from 'vitest';
import { mayRate, ratingSinceClosed, ratingsOf } from './ratings.ts';
import type { EventRecord } from './types.ts';

const event = (kind: EventRecord['event'], at: string, extra: Partial<EventRecord> = {}): EventRecord => ({
  event: kind,
  at,
  role: 'dispatcher',
  actor: null,
  from: null,
  to: 'closed',
  note: null,
  internalNote: null,
  ...extra,
});

const firstRound = [event('submit', '2026-11-01T00:00:00Z'), event('approve', '2026-11-05T00:00:00Z')];
const unhappy = event('rate', '2026-11-06T00:00:00Z', { role: 'citizen', rating: 'unsatisfied', note: '没有解决' });
const reopened = [...firstRound, unhappy, event('reopen', '2026-11-07T00:00:00Z', { to: 'assigned' }), event('approve', '2026-11-10T00:00:00Z')];

describe('ratings as history', () => {
  it('a closed message may be rated once per closing', () => {
    expect(mayRate({ state: 'closed', events: firstRound })).toBe(true);
    expect(mayRate({ state: 'closed', events: [...firstRound, unhappy] })).toBe(false);
    expect(mayRate({ state: 'closed', events: reopened })).toBe(true);
    expect(mayRate({ state: 'assigned', events: [...firstRound, unhappy, event('reopen', '2026-11-07T00:00:00Z')] })).toBe(false);
  });

  it('keeps every rating, and knows which one answers the latest closing', () => {
    const happy = event('rate', '2026-11-11T00:00:00Z', { role: 'citizen', rating: 'satisfied' });
    expect(ratingsOf([...reopened, happy]).map((r) => r.rating)).toEqual(['unsatisfied', 'satisfied']);
    expect(ratingSinceClosed([...firstRound, unhappy])?.rating).toBe('unsatisfied');
    expect(ratingSinceClosed(reopened)).toBeNull();
    expect(ratingSinceClosed([...reopened, happy])?.rating).toBe('satisfied');
  });
});
