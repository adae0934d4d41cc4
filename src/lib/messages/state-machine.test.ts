import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { can, eventsFor, isOpen, MESSAGE_EVENTS, MESSAGE_STATES, nextState, ROLES, type MessageEvent, type MessageState, type Role } from './state-machine.ts';

/** Every allowed (state, event) pair and who may cause it, written out independently of the table. */
const EXPECTED: [MessageState, MessageEvent, MessageState, Role[]][] = [
  ['submitted', 'accept', 'accepted', ['dispatcher', 'admin']],
  ['submitted', 'reject', 'rejected', ['dispatcher', 'admin']],
  ['submitted', 'recompute_deadline', 'submitted', ['system']],
  ['accepted', 'assign', 'assigned', ['dispatcher', 'admin']],
  ['accepted', 'recompute_deadline', 'accepted', ['system']],
  ['assigned', 'reply', 'replied', ['handler', 'dispatcher']],
  ['assigned', 'return', 'accepted', ['handler']],
  ['assigned', 'extend', 'assigned', ['dispatcher', 'admin']],
  ['assigned', 'urge', 'assigned', ['dispatcher', 'admin', 'system']],
  ['assigned', 'recompute_deadline', 'assigned', ['system']],
  ['replied', 'approve', 'closed', ['dispatcher', 'admin']],
  ['replied', 'send_back', 'assigned', ['dispatcher', 'admin']],
  ['replied', 'recompute_deadline', 'replied', ['system']],
  ['closed', 'rate', 'closed', ['citizen']],
  ['closed', 'reopen', 'assigned', ['dispatcher', 'admin']],
  ['closed', 'publish', 'closed', ['dispatcher', 'admin']],
  ['closed', 'unpublish', 'closed', ['dispatcher', 'admin']],
];

describe('message state machine', () => {
  it('allows exactly the listed transitions, to the listed states, for the listed roles (every pair checked)', () => {
    for (const state of MESSAGE_STATES) {
      for (const event of MESSAGE_EVENTS) {
        const row = EXPECTED.find(([s, e]) => s === state && e === event);
        expect(nextState(state, event), `${state} + ${event}`).toBe(row?.[2]);
        for (const role of ROLES) expect(can(role, state, event), `${role}: ${state} + ${event}`).toBe(row?.[3].includes(role) ?? false);
      }
    }
  });

  it('a rejected message is final', () => {
    for (const role of ROLES) expect(eventsFor(role, 'rejected')).toEqual([]);
  });

  it('a citizen can only rate, and only a closed message', () => {
    for (const state of MESSAGE_STATES) expect(eventsFor('citizen', state)).toEqual(state === 'closed' ? ['rate'] : []);
  });

  it('any sequence of allowed events keeps the message in a known state, and only closing or rejecting ends its clock', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...ROLES), fc.constantFrom(...MESSAGE_EVENTS)), { maxLength: 40 }), (steps) => {
        let state: MessageState = 'submitted';
        for (const [role, event] of steps) {
          if (!can(role, state, event)) continue;
          const next = nextState(state, event);
          expect(next).toBeDefined();
          if (next === 'closed' || next === 'rejected') expect(isOpen(next)).toBe(false);
          if (state === 'rejected') throw new Error('left a final state');
          state = next!;
          expect(MESSAGE_STATES).toContain(state);
        }
      }),
    );
  });

  it('every state but rejected can still reach closed', () => {
    const reachable = (from: MessageState): Set<MessageState> => {
      const seen = new Set<MessageState>([from]);
      const queue = [from];
      while (queue.length) {
        const s = queue.shift()!;
        for (const e of MESSAGE_EVENTS) {
          const n = nextState(s, e);
          if (n && !seen.has(n)) {
            seen.add(n);
            queue.push(n);
          }
        }
      }
      return seen;
    };
    for (const state of MESSAGE_STATES) expect(reachable(state).has('closed')).toBe(state !== 'rejected');
  });
});
