import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isOpen, MESSAGE_EVENTS, MESSAGE_STATES, nextState, type MessageEvent, type MessageState } from './state-machine.ts';

/** Every allowed (state, event) pair, written out independently of the table. Who may cause each is permissions.test.ts. */
const EXPECTED: [MessageState, MessageEvent, MessageState][] = [
  ['submitted', 'accept', 'accepted'],
  ['submitted', 'reject', 'rejected'],
  ['submitted', 'mark_repeat', 'rejected'],
  ['submitted', 'urge', 'submitted'],
  ['submitted', 'recompute_deadline', 'submitted'],
  ['accepted', 'assign', 'assigned'],
  ['accepted', 'mark_repeat', 'rejected'],
  ['accepted', 'urge', 'accepted'],
  ['accepted', 'recompute_deadline', 'accepted'],
  ['assigned', 'reply', 'replied'],
  ['assigned', 'return', 'accepted'],
  ['assigned', 'extend', 'assigned'],
  ['assigned', 'request_extension', 'assigned'],
  ['assigned', 'decline_extension', 'assigned'],
  ['assigned', 'urge', 'assigned'],
  ['assigned', 'recompute_deadline', 'assigned'],
  ['replied', 'approve', 'closed'],
  ['replied', 'send_back', 'assigned'],
  ['replied', 'recompute_deadline', 'replied'],
  ['closed', 'rate', 'closed'],
  ['closed', 'reopen', 'assigned'],
  ['closed', 'redact', 'closed'],
  ['closed', 'publish', 'closed'],
  ['closed', 'unpublish', 'closed'],
  // A new query code (查询码重新发送) changes no state, in any state: the citizen may need the code to read a rejection's reason.
  ...MESSAGE_STATES.map((state): [MessageState, MessageEvent, MessageState] => [state, 'resend_code', state]),
];

describe('message state machine', () => {
  it('allows exactly the listed transitions, to the listed states (every pair checked)', () => {
    for (const state of MESSAGE_STATES) {
      for (const event of MESSAGE_EVENTS) {
        const row = EXPECTED.find(([s, e]) => s === state && e === event);
        expect(nextState(state, event), `${state} + ${event}`).toBe(row?.[2]);
      }
    }
  });

  it('a rejected message is final: only its query code may still be replaced', () => {
    for (const event of MESSAGE_EVENTS) expect(nextState('rejected', event)).toBe(event === 'resend_code' ? 'rejected' : undefined);
  });

  it('any sequence of allowed events keeps the message in a known state, and only closing or rejecting ends its clock', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MESSAGE_EVENTS), { maxLength: 40 }), (steps) => {
        let state: MessageState = 'submitted';
        for (const event of steps) {
          if (nextState(state, event) === undefined) continue;
          const next = nextState(state, event);
          expect(next).toBeDefined();
          if (next === 'closed' || next === 'rejected') expect(isOpen(next)).toBe(false);
          if (state === 'rejected' && next !== 'rejected') throw new Error('left a final state');
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
