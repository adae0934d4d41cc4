/**
 * Every action after submission by its event, for callers that replay a sequence (the demo data,
 * tests) or pick the action from a form (the console). Each action is its own file.
 */
import type { Actor } from '../../../lib/messages/permissions.ts';
import type { Runtime } from '../../runtime.ts';
import { accept } from './accept.ts';
import { approve } from './approve.ts';
import { assign } from './assign.ts';
import { declineExtension } from './decline-extension.ts';
import { extend } from './extend.ts';
import { markRepeat } from './mark-repeat.ts';
import type { ActionResult, PerformOptions } from './perform.ts';
import { publish } from './publish.ts';
import { redact } from './redact.ts';
import { rate } from './rate.ts';
import { reject } from './reject.ts';
import { reopen } from './reopen.ts';
import { reply } from './reply.ts';
import { requestExtension } from './request-extension.ts';
import { returnMessage } from './return.ts';
import { sendBack } from './send-back.ts';
import { unpublish } from './unpublish.ts';
import { urge } from './urge.ts';

export const ACTIONS = {
  accept,
  reject,
  mark_repeat: markRepeat,
  assign,
  return: returnMessage,
  extend,
  request_extension: requestExtension,
  decline_extension: declineExtension,
  urge,
  reply,
  send_back: sendBack,
  approve,
  rate,
  reopen,
  redact,
  publish,
  unpublish,
} as const;

export type ActionEvent = keyof typeof ACTIONS;
export type ActionInput<E extends ActionEvent> = Parameters<(typeof ACTIONS)[E]>[3];

/** Perform the action named by `event`. */
export function act<E extends ActionEvent>(
  runtime: Runtime,
  actor: Actor,
  number: string,
  event: E,
  input: ActionInput<E>,
  options?: PerformOptions,
): Promise<ActionResult> {
  const run = ACTIONS[event] as (runtime: Runtime, actor: Actor, number: string, input: ActionInput<E>, options?: PerformOptions) => Promise<ActionResult>;
  return run(runtime, actor, number, input, options);
}
