import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { can, eventsFor, mayDraftReply, mayReadContact, maySee, refusal, type Actor } from './permissions.ts';
import { MESSAGE_EVENTS, MESSAGE_STATES, nextState, type MessageEvent } from './state-machine.ts';

const ACTORS = {
  citizen: { kind: 'citizen' },
  system: { kind: 'system' },
  dispatcher: { kind: 'staff', role: 'dispatcher', accountId: 'd1' },
  admin: { kind: 'staff', role: 'admin', accountId: 'a1' },
  ownHandler: { kind: 'staff', role: 'handler', accountId: 'h1', unitCode: 'water' },
  otherHandler: { kind: 'staff', role: 'handler', accountId: 'h2', unitCode: 'housing' },
  unboundHandler: { kind: 'staff', role: 'handler', accountId: 'h3', unitCode: null },
} satisfies Record<string, Actor>;
type Who = keyof typeof ACTORS;

/** Who may cause each event on a message of unit `water`, written out from the domain guide, independently of the table. */
const WHO: Record<MessageEvent, Who[]> = {
  submit: ['citizen'],
  accept: ['dispatcher', 'admin'],
  reject: ['dispatcher', 'admin'],
  mark_repeat: ['dispatcher', 'admin'],
  assign: ['dispatcher', 'admin'],
  return: ['ownHandler'],
  extend: ['dispatcher', 'admin'],
  request_extension: ['ownHandler'],
  decline_extension: ['dispatcher', 'admin'],
  urge: ['dispatcher', 'admin', 'system'],
  reply: ['ownHandler'],
  send_back: ['dispatcher', 'admin'],
  approve: ['dispatcher', 'admin'],
  rate: ['citizen'],
  reopen: ['dispatcher', 'admin'],
  redact: ['dispatcher', 'admin'],
  publish: ['dispatcher', 'admin'],
  unpublish: ['dispatcher', 'admin'],
  recompute_deadline: ['system'],
  resend_code: ['citizen'],
};

describe('permissions', () => {
  it('allow exactly who the domain names, in exactly the states the table allows (every role, state and event)', () => {
    for (const state of MESSAGE_STATES) {
      for (const event of MESSAGE_EVENTS) {
        for (const [who, actor] of Object.entries(ACTORS) as [Who, Actor][]) {
          const allowedByTable = event === 'submit' || nextState(state, event) !== undefined;
          const expected = allowedByTable && WHO[event].includes(who);
          expect(can(actor, event, { state, unit: 'water' }), `${who}: ${state} + ${event}`).toBe(expected);
        }
      }
    }
  });

  it('let only whoever may reply keep a draft of the answer: the own unit’s handler while 办理中 (every role and state)', () => {
    for (const state of MESSAGE_STATES) {
      for (const [who, actor] of Object.entries(ACTORS) as [Who, Actor][]) {
        expect(mayDraftReply(actor, { state, unit: 'water' }), `${who}: ${state}`).toBe(who === 'ownHandler' && state === 'assigned');
        // otherHandler works for housing: on a housing message the roles turn round.
        expect(mayDraftReply(actor, { state, unit: 'housing' }), `${who}: ${state}, housing`).toBe(who === 'otherHandler' && state === 'assigned');
      }
    }
  });

  it('let a handler ask for an extension of its own unit’s message only, and the office alone grant or decline it', () => {
    const assigned = { state: 'assigned', unit: 'water' } as const;
    expect(refusal(ACTORS.otherHandler, 'request_extension', assigned)).toBe('unit');
    expect(refusal(ACTORS.dispatcher, 'request_extension', assigned)).toBe('role');
    expect(refusal(ACTORS.ownHandler, 'decline_extension', assigned)).toBe('role');
    expect(refusal(ACTORS.ownHandler, 'extend', assigned)).toBe('role');
    expect(refusal(ACTORS.ownHandler, 'request_extension', { state: 'replied', unit: 'water' })).toBe('state');
    expect(eventsFor(ACTORS.ownHandler, assigned)).toEqual(['return', 'request_extension', 'reply']);
    expect(eventsFor(ACTORS.dispatcher, assigned)).toEqual(['extend', 'decline_extension', 'urge']);
  });

  it('say why: another unit, a role that may never, or a state that does not allow it', () => {
    expect(refusal(ACTORS.otherHandler, 'reply', { state: 'assigned', unit: 'water' })).toBe('unit');
    expect(refusal(ACTORS.unboundHandler, 'reply', { state: 'assigned', unit: 'water' })).toBe('unit');
    expect(refusal(ACTORS.ownHandler, 'approve', { state: 'replied', unit: 'water' })).toBe('role');
    expect(refusal(ACTORS.ownHandler, 'reply', { state: 'replied', unit: 'water' })).toBe('state');
    expect(refusal(ACTORS.dispatcher, 'reply', { state: 'assigned', unit: 'water' })).toBe('role');
    expect(refusal(ACTORS.ownHandler, 'reply', { state: 'assigned', unit: 'water' })).toBeNull();
  });

  it('a handler sees, and reads the contact details of, its own unit’s messages only; supervisors every one', () => {
    for (const state of MESSAGE_STATES) {
      expect(maySee(ACTORS.ownHandler, { state, unit: 'water' })).toBe(true);
      expect(maySee(ACTORS.otherHandler, { state, unit: 'water' })).toBe(false);
      expect(maySee(ACTORS.ownHandler, { state, unit: null })).toBe(false);
      expect(mayReadContact(ACTORS.otherHandler, { state, unit: 'water' })).toBe(false);
      expect(mayReadContact(ACTORS.dispatcher, { state, unit: null })).toBe(true);
      expect(mayReadContact(ACTORS.citizen, { state, unit: 'water' })).toBe(false);
    }
  });

  it('offers a citizen the rating only on a closed message, and a new query code always; a rejected one nothing else', () => {
    for (const state of MESSAGE_STATES)
      expect(eventsFor(ACTORS.citizen, { state, unit: 'water' })).toEqual(state === 'closed' ? ['rate', 'resend_code'] : ['resend_code']);
    for (const actor of Object.values(ACTORS))
      expect(eventsFor(actor, { state: 'rejected', unit: 'water' })).toEqual(actor === ACTORS.citizen ? ['resend_code'] : []);
  });

  it('no sequence of actions by a handler changes a message of another unit', () => {
    const handler: Actor = { kind: 'staff', role: 'handler', accountId: 'h', unitCode: 'water' };
    const message = fc.record({ state: fc.constantFrom(...MESSAGE_STATES), unit: fc.constantFrom('water', 'housing', null) });
    fc.assert(
      fc.property(
        fc.array(message, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...MESSAGE_EVENTS)), { maxLength: 40 }),
        (messages, steps) => {
          const before = messages.map((m) => ({ ...m }));
          for (const [index, event] of steps) {
            const target = messages[index % messages.length]!;
            if (!can(handler, event, target)) continue;
            target.state = nextState(target.state, event)!;
            // A return hands the message back to the office: it leaves the unit, but only its own unit's.
            if (event === 'return') target.unit = null;
          }
          messages.forEach((m, i) => {
            if (before[i]!.unit !== 'water') expect(m).toEqual(before[i]);
          });
        },
      ),
    );
  });
});
