/**
 * The console's queues (工作队列): which messages each holds, as data the store turns into one
 * indexed query. 临期 and 已超期 follow the due day as of today (the intake clocks, then the reply's); 不满意 follows the latest rating;
 * 待公开 holds closed messages whose authors consented and that are not yet published; 延期申请 holds
 * messages whose unit asked for an extension that the office has not yet granted or declined.
 */
import type { MessageState } from './state-machine.ts';

export interface QueueDefinition {
  id: string;
  label: string;
  /** What staff should do with what is in it, shown under the count. */
  hint: string;
  states: readonly MessageState[];
  due?: 'soon' | 'over';
  rating?: 'unsatisfied';
  toPublish?: boolean;
  /** Only messages with a request for an extension waiting (extension-requests.ts). */
  extensionRequested?: boolean;
  /** Oldest due first for work in hand; newest first for what is done. */
  order: 'due' | 'newest';
}

export const QUEUES: readonly QueueDefinition[] = [
  { id: 'submitted', label: '待受理', hint: '新留言，受理或不予受理', states: ['submitted'], order: 'due' },
  { id: 'accepted', label: '待交办', hint: '已受理，交给承办单位', states: ['accepted'], order: 'due' },
  { id: 'assigned', label: '办理中', hint: '承办单位正在办理，按期限排列', states: ['assigned'], order: 'due' },
  { id: 'due-soon', label: '临期', hint: '受理、交办或答复的期限将到', states: ['submitted', 'accepted', 'assigned'], due: 'soon', order: 'due' },
  { id: 'overdue', label: '已超期', hint: '受理、交办或答复的期限已过', states: ['submitted', 'accepted', 'assigned'], due: 'over', order: 'due' },
  { id: 'replied', label: '待审核', hint: '承办单位已答复，审核后办结或退回', states: ['replied'], order: 'due' },
  {
    id: 'extension-requests',
    label: '延期申请',
    hint: '承办单位已申请延期，等督查室批准或不同意',
    states: ['assigned'],
    extensionRequested: true,
    order: 'due',
  },
  { id: 'closed', label: '已办结', hint: '已审核通过', states: ['closed'], order: 'newest' },
  { id: 'unsatisfied', label: '不满意', hint: '群众评价不满意，可重新办理', states: ['closed'], rating: 'unsatisfied', order: 'newest' },
  { id: 'to-publish', label: '待公开', hint: '已办结、留言人同意公开，待审核公开', states: ['closed'], toPublish: true, order: 'newest' },
];

export function queueById(id: string): QueueDefinition | undefined {
  return QUEUES.find((q) => q.id === id);
}
