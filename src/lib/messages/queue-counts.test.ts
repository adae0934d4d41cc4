import { describe, expect, it } from 'vitest';
import { inQueue, queueCountChanges, STANDING_QUEUES, type QueuePlace } from './queue-counts.ts';
import { queueById } from './queues.ts';

const assigned: QueuePlace = { state: 'assigned', unit: 'water', rating: null, consent: true, published: false, extensionRequested: false };
const closed: QueuePlace = { ...assigned, state: 'closed' };

describe('queue counts', () => {
  it('keep only the queues that do not change with the date', () => {
    expect(STANDING_QUEUES.map((q) => q.id)).not.toContain('due-soon');
    expect(STANDING_QUEUES.map((q) => q.id)).not.toContain('overdue');
    expect(() => inQueue(queueById('overdue')!, assigned)).toThrow();
  });

  it('move a message between queues under its unit, and count a new one once', () => {
    expect(queueCountChanges(null, { ...assigned, state: 'submitted', unit: null })).toEqual([{ queue: 'submitted', unit: '', delta: 1 }]);
    expect(queueCountChanges(assigned, closed)).toEqual([
      { queue: 'assigned', unit: 'water', delta: -1 },
      { queue: 'closed', unit: 'water', delta: 1 },
      { queue: 'to-publish', unit: 'water', delta: 1 },
    ]);
  });

  it('follow a rating, publishing and a request for an extension without a change of state', () => {
    expect(queueCountChanges(closed, { ...closed, rating: 'unsatisfied' })).toEqual([{ queue: 'unsatisfied', unit: 'water', delta: 1 }]);
    expect(queueCountChanges(closed, { ...closed, published: true })).toEqual([
      { queue: 'to-publish', unit: 'water', delta: -1 },
      { queue: 'board', unit: 'water', delta: 1 },
    ]);
    expect(queueCountChanges({ ...closed, consent: false }, { ...closed, consent: false, published: false })).toEqual([]);
    expect(queueCountChanges(assigned, { ...assigned, extensionRequested: true })).toEqual([{ queue: 'extension-requests', unit: 'water', delta: 1 }]);
  });
});
