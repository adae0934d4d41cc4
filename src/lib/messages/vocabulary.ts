/**
 * The words of the message queue (网民留言) for states, events, ratings, the urgency ladder and the
 * clock's start. Labels live here once; pages, the console and the Open311 interface read them.
 */
import type { MessageEvent, MessageState } from './state-machine.ts';
import type { ClockStart, Urgency } from './deadlines.ts';

export const STATE_LABELS: Readonly<Record<MessageState, string>> = {
  submitted: '待受理',
  accepted: '已受理',
  assigned: '办理中',
  replied: '待审核',
  closed: '已办结',
  rejected: '不予受理',
};

export const EVENT_LABELS: Readonly<Record<MessageEvent, string>> = {
  submit: '提交留言',
  accept: '受理',
  reject: '不予受理',
  mark_repeat: '作为重复件办结',
  assign: '交办',
  return: '退回（非本单位职责）',
  extend: '批准延期',
  request_extension: '承办单位申请延期',
  decline_extension: '不同意延期',
  urge: '督办',
  reply: '承办单位答复',
  send_back: '答复退回重办',
  approve: '审核通过，办结',
  rate: '群众评价',
  reopen: '重新办理',
  redact: '公开前审核',
  publish: '公开答复',
  unpublish: '撤回公开',
  recompute_deadline: '节假日安排调整，重算期限',
  resend_code: '重新发送查询码',
};

/** 满意度: the citizen's rating of a closed message. */
export type Rating = 'satisfied' | 'basically_satisfied' | 'unsatisfied';
export const RATINGS: readonly Rating[] = ['satisfied', 'basically_satisfied', 'unsatisfied'];
export const RATING_LABELS: Readonly<Record<Rating, string>> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};

/** The event that starts a message's clock, as the pages name it. */
export const CLOCK_START_LABELS: Readonly<Record<ClockStart, string>> = { submitted: '提交留言', accepted: '受理', assigned: '交办' };

/** 正常 / 临期 / 逾期: where an open message stands against its due day. */
export const URGENCY_LABELS: Readonly<Record<Urgency, string>> = { on_track: '正常', due_soon: '临期', overdue: '逾期' };
