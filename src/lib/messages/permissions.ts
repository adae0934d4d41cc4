/**
 * Who may do what to which message: one predicate per action. The state table
 * (state-machine.ts) says what may follow what; these say who may do it and on which unit's
 * messages. Every command asks `refusal` inside its transaction, with the message as it is then,
 * so no screen, script or endpoint can act without the same check.
 *
 * An actor (操作人) is who acts: a citizen proving ownership with the query code (or, to have a new
 * code sent, with the phone number given with the message), a member of staff
 * signed in to the console (督办员 dispatcher, 承办员 handler bound to one unit, 管理员 admin), or
 * the system's own clock (automatic urging, calendar corrections).
 */
import { MESSAGE_EVENTS, nextState, type MessageEvent, type MessageState } from './state-machine.ts';

export type StaffRole = 'dispatcher' | 'handler' | 'admin';

export type Actor =
  | { kind: 'citizen' }
  | { kind: 'system' }
  | {
      kind: 'staff';
      role: StaffRole;
      accountId: string;
      /** The unit a handler works for; dispatchers and admins have none. */
      unitCode?: string | null;
      /** The name shown to other staff on the internal timeline. */
      name?: string | null;
    };

/** Who acted, as recorded on an event. */
export type Role = 'citizen' | StaffRole | 'system';

export function roleOf(actor: Actor): Role {
  return actor.kind === 'staff' ? actor.role : actor.kind;
}

/** What the predicates need to know of a message. */
export interface MessageScope {
  state: MessageState;
  /** The unit handling it, once assigned. */
  unit: string | null;
}

type Predicate = (actor: Actor, message: MessageScope) => boolean;

const supervisor: Predicate = (actor) => actor.kind === 'staff' && (actor.role === 'dispatcher' || actor.role === 'admin');
/** A handler of the unit the message is assigned to. */
const handlerOfUnit: Predicate = (actor, message) =>
  actor.kind === 'staff' && actor.role === 'handler' && !!actor.unitCode && message.unit !== null && actor.unitCode === message.unit;
const citizen: Predicate = (actor) => actor.kind === 'citizen';
const system: Predicate = (actor) => actor.kind === 'system';
const either =
  (...predicates: Predicate[]): Predicate =>
  (actor, message) =>
    predicates.some((p) => p(actor, message));

/** The one table of who may cause each event. */
const MAY: Readonly<Record<MessageEvent, Predicate>> = {
  submit: citizen,
  accept: supervisor,
  reject: supervisor,
  mark_repeat: supervisor,
  assign: supervisor,
  return: handlerOfUnit,
  extend: supervisor,
  request_extension: handlerOfUnit,
  decline_extension: supervisor,
  urge: either(supervisor, system),
  reply: handlerOfUnit,
  send_back: supervisor,
  approve: supervisor,
  rate: citizen,
  reopen: supervisor,
  redact: supervisor,
  publish: supervisor,
  unpublish: supervisor,
  recompute_deadline: system,
  // Whoever knows the tracking number and the phone number given with it (commands/resend-code.ts).
  resend_code: citizen,
};

/**
 * Whether the actor may keep a draft of the answer (答复草稿): exactly whoever may reply now (the
 * handler of the message's unit, while it is 办理中). A draft is the reply not yet submitted, so no
 * one else may write or read it: not the public, not another unit, not the office before review.
 */
export function mayDraftReply(actor: Actor, message: MessageScope): boolean {
  return can(actor, 'reply', message);
}

/** Whether the actor may read the citizen's contact details of this message (to reply, call back or transfer it). */
export const mayReadContact: Predicate = either(supervisor, handlerOfUnit);

/** Whether the actor may see the message at all in the console: supervisors every one, a handler its own unit's. */
export const maySee: Predicate = either(supervisor, handlerOfUnit);

export type Refusal = 'role' | 'unit' | 'state';

/**
 * Why `actor` may not cause `event` on `message` now, or null when it may: `unit` when a handler
 * reaches for another unit's message, `role` when the actor's role may never do this, `state` when
 * the state table does not allow the event now.
 */
export function refusal(actor: Actor, event: MessageEvent, message: MessageScope): Refusal | null {
  if (!MAY[event](actor, message))
    return actor.kind === 'staff' && actor.role === 'handler' && MAY[event]({ ...actor, unitCode: message.unit }, message) ? 'unit' : 'role';
  if (event !== 'submit' && nextState(message.state, event) === undefined) return 'state';
  return null;
}

/** Whether `actor` may cause `event` on `message` now (both the state table and the predicate). */
export function can(actor: Actor, event: MessageEvent, message: MessageScope): boolean {
  return refusal(actor, event, message) === null;
}

/** The events `actor` may cause on `message` now: what the console offers as actions. */
export function eventsFor(actor: Actor, message: MessageScope): MessageEvent[] {
  return MESSAGE_EVENTS.filter((event) => event !== 'submit' && can(actor, event, message));
}
