/**
 * The message queue's state machine (网民留言办理流程): one table of (state, event) → state. Who may
 * cause each event, and on which unit's messages, is permissions.ts; every command asks both.
 *
 *   submitted 待受理 ─accept→ accepted 已受理 ─assign→ assigned 办理中 ─reply→ replied 待审核 ─approve→ closed 已办结
 *   submitted ─reject→ rejected 不予受理;  submitted / accepted ─mark_repeat→ rejected (重复件, pointing to the earlier message);  replied ─send_back→ assigned;  assigned ─return→ accepted (wrong unit)
 *   assigned ─extend→ assigned (延期, approved by a dispatcher);  submitted / accepted / assigned ─urge→ the same (督办, an event, not a state)
 *   assigned ─request_extension→ assigned (申请延期, the unit's handler asks) ─extend / decline_extension→ assigned (the office grants or declines it)
 *   closed ─rate→ closed (the citizen's 满意度);  closed ─reopen→ assigned (only after 不满意)
 *   closed ─redact→ closed (公开前审核: the reviewer hides what masking cannot know) ─publish / unpublish→ closed
 *   any open state ─recompute_deadline→ same state (the holiday calendar changed)
 *   any state ─resend_code→ same state (查询码重新发送: the citizen's new query code replaces the old; docs/decisions/015)
 */

/** Where a message is in its handling. */
export type MessageState = 'submitted' | 'accepted' | 'assigned' | 'replied' | 'closed' | 'rejected';

/** Something that happens to a message; every one is recorded as an event on its timeline. */
export type MessageEvent =
  | 'submit'
  | 'accept'
  | 'reject'
  | 'mark_repeat'
  | 'assign'
  | 'return'
  | 'extend'
  | 'request_extension'
  | 'decline_extension'
  | 'urge'
  | 'reply'
  | 'send_back'
  | 'approve'
  | 'rate'
  | 'reopen'
  | 'redact'
  | 'publish'
  | 'unpublish'
  | 'recompute_deadline'
  | 'resend_code';

export const MESSAGE_STATES: readonly MessageState[] = ['submitted', 'accepted', 'assigned', 'replied', 'closed', 'rejected'];
export const MESSAGE_EVENTS: readonly MessageEvent[] = [
  'submit',
  'accept',
  'reject',
  'mark_repeat',
  'assign',
  'return',
  'extend',
  'request_extension',
  'decline_extension',
  'urge',
  'reply',
  'send_back',
  'approve',
  'rate',
  'reopen',
  'redact',
  'publish',
  'unpublish',
  'recompute_deadline',
  'resend_code',
];

/** The one transition table. A pair that is absent is not allowed. `submit` creates a message, so it has no source state. */
const TRANSITIONS: Readonly<Record<MessageState, Partial<Record<MessageEvent, MessageState>>>> = {
  submitted: {
    accept: 'accepted',
    reject: 'rejected',
    mark_repeat: 'rejected',
    urge: 'submitted',
    recompute_deadline: 'submitted',
    resend_code: 'submitted',
  },
  accepted: { assign: 'assigned', mark_repeat: 'rejected', urge: 'accepted', recompute_deadline: 'accepted', resend_code: 'accepted' },
  assigned: {
    reply: 'replied',
    return: 'accepted',
    extend: 'assigned',
    request_extension: 'assigned',
    decline_extension: 'assigned',
    urge: 'assigned',
    recompute_deadline: 'assigned',
    resend_code: 'assigned',
  },
  replied: { approve: 'closed', send_back: 'assigned', recompute_deadline: 'replied', resend_code: 'replied' },
  closed: { rate: 'closed', reopen: 'assigned', redact: 'closed', publish: 'closed', unpublish: 'closed', resend_code: 'closed' },
  rejected: { resend_code: 'rejected' },
};

/** The state after `event`, or undefined when the event cannot happen in `state`. */
export function nextState(state: MessageState, event: MessageEvent): MessageState | undefined {
  return TRANSITIONS[state][event];
}

/** States in which the message is still being handled and its clock runs. */
export function isOpen(state: MessageState): boolean {
  return state === 'submitted' || state === 'accepted' || state === 'assigned' || state === 'replied';
}
