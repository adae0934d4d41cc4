/**
 * 保存草稿: the unit's handler saves the answer without submitting it, comes back to it, edits it, and
 * submits it for review with the reply action (reply.ts), which clears it. Authorised exactly like the
 * reply — the same predicate (permissions.ts `mayDraftReply`: the handler of the message's unit, while
 * 办理中), asked inside the transaction with the message as it is then — and validated like it.
 *
 * A draft is not an event: it changes nothing the citizen or the office acts on, so it is neither on
 * the timeline nor in the staff log (docs/decisions/013). The row keeps its text and who saved it last
 * and when; saving does not touch the message's time of change, which the public sees.
 */
import { mayDraftReply, refusal, type Actor } from '../../../lib/messages/permissions.ts';
import type { MessageState } from '../../../lib/messages/state-machine.ts';
import { STATE_LABELS } from '../../../lib/messages/vocabulary.ts';
import type { Runtime } from '../../runtime.ts';
import { draftConflict, readDraft, type Draft } from '../drafts.ts';
import { readAnswer } from './reply.ts';

export type DraftResult = { ok: true; draft: Draft } | { ok: false; status: 400 | 403 | 404 | 409; message: string };

const REFUSED = {
  role: '只有承办单位的承办员才能保存答复草稿',
  unit: '这条留言不由您所在的单位办理，无权操作',
} as const;

/**
 * Save `input.reply` as the draft of message `number`. `input.basedOn`, when given, is the saved time
 * of the draft the form showed ('' for none): a draft saved by a colleague since is not replaced unseen.
 */
export async function saveDraft(
  runtime: Runtime,
  actor: Actor,
  number: string,
  input: { reply: unknown; basedOn?: unknown },
  at = new Date().toISOString(),
): Promise<DraftResult> {
  const read = readAnswer(input.reply);
  if (!read.ok) return { ok: false, status: 400, message: read.message };
  return runtime.store.db.transaction().execute(async (trx): Promise<DraftResult> => {
    const scope = await trx.selectFrom('messages').select(['id', 'state', 'unit']).where('number', '=', number).executeTakeFirst();
    if (!scope) return { ok: false, status: 404, message: `没有编号为 ${number} 的留言` };
    const state = scope.state as MessageState;
    // mayDraftReply, with the reason when not.
    const refused = refusal(actor, 'reply', { state, unit: scope.unit });
    if (refused === 'state') return { ok: false, status: 409, message: `留言当前状态为「${STATE_LABELS[state]}」，不能保存答复草稿` };
    if (refused) return { ok: false, status: 403, message: REFUSED[refused] };
    if (typeof input.basedOn === 'string') {
      const conflict = await draftConflict(trx, number, input.basedOn, 'save');
      if (conflict) return { ok: false, status: 409, message: conflict };
    }
    const by = actor.kind === 'staff' ? actor.accountId : null;
    await trx.updateTable('messages').set({ draft_reply: read.answer, draft_saved_at: at, draft_saved_by: by }).where('id', '=', scope.id).execute();
    return { ok: true, draft: (await readDraft(trx, number))! };
  });
}

/** The draft of message `number` for `actor`: only whoever may reply to it now sees it; everyone else gets null. */
export async function draftFor(runtime: Runtime, actor: Actor, scope: { number: string; state: MessageState; unit: string | null }): Promise<Draft | null> {
  return mayDraftReply(actor, scope) ? readDraft(runtime.store.db, scope.number) : null;
}
