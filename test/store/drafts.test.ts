/**
 * 答复草稿 on both databases: a unit's handler saves the answer without submitting it, finds it again,
 * and submits it; the draft is theirs alone (not another unit's, not the office's, not the public's),
 * is not an event, does not change the message's time of change, and goes when the answer is
 * submitted or the message returned. After a send-back the answer that went back is where the form
 * starts. A colleague's later draft is not overwritten unseen.
 */
import { expect } from 'vitest';
import { act } from '../../src/server/messages/commands/index.ts';
import { draftFor, saveDraft } from '../../src/server/messages/commands/save-draft.ts';
import { trackMessage } from '../../src/server/messages/commands/track.ts';
import { loadMessage } from '../../src/server/messages/repository.ts';
import { replyStart } from '../../src/lib/messages/drafts.ts';
import { createAccount } from '../../src/server/auth/accounts.ts';
import type { Actor } from '../../src/lib/messages/permissions.ts';
import { DISPATCHER, handlerOf } from './harness.ts';
import { describeOnBackends, submitted } from './backends.ts';

describeOnBackends('reply drafts', (runtime, run) => {
  const assigned = async (unit = 'water') => {
    const message = await submitted(runtime(), { title: '小区二次供水水箱脏', content: '水箱多年没有清洗，水里有沉淀。' });
    expect((await act(runtime(), DISPATCHER, message.number, 'accept', {})).ok).toBe(true);
    expect((await act(runtime(), DISPATCHER, message.number, 'assign', { unit })).ok).toBe(true);
    return message;
  };
  const draftColumns = (number: string) =>
    runtime()
      .store.db.selectFrom('messages')
      .select(['draft_reply', 'draft_saved_at', 'draft_saved_by'])
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
  const scopeOf = async (number: string) => (await loadMessage(runtime().store.db, number))!.record;

  run('a handler saves a draft, finds it again with who saved it and when, edits it and submits it; submitting clears it', async () => {
    const created = await createAccount(runtime(), { login: 'draft-li', name: '李承办', role: 'handler', unit: 'water' });
    if (!created.ok) throw new Error(created.message);
    const li: Actor = { kind: 'staff', role: 'handler', accountId: created.account.id, unitCode: 'water' };
    const { number, queryCode } = await assigned();
    const before = (await loadMessage(runtime().store.db, number))!;
    const staffLog = await runtime().store.db.selectFrom('audit_log').select('id').execute();

    const saved = await saveDraft(runtime(), li, number, { reply: '  已联系物业，\r\n计划本周清洗水箱。  ', basedOn: '' }, '2026-11-30T02:03:00.000Z');
    expect(saved).toEqual({
      ok: true,
      draft: { text: '已联系物业，\n计划本周清洗水箱。', savedAt: '2026-11-30T02:03:00.000Z', savedBy: created.account.id, savedByName: '李承办' },
    });
    // Found again later, by the handler and by another handler of the same unit.
    expect((await draftFor(runtime(), li, await scopeOf(number)))?.text).toBe('已联系物业，\n计划本周清洗水箱。');
    expect((await draftFor(runtime(), handlerOf('water'), await scopeOf(number)))?.savedByName).toBe('李承办');
    // Not an event, not in the staff log, not a change the public sees.
    const after = (await loadMessage(runtime().store.db, number))!;
    expect(after.record.events).toEqual(before.record.events);
    expect(after.row.updated_at).toBe(before.row.updated_at);
    expect(await runtime().store.db.selectFrom('audit_log').select('id').execute()).toEqual(staffLog);

    const edited = await saveDraft(runtime(), li, number, { reply: '已清洗水箱并消毒，水质检测合格。', basedOn: '2026-11-30T02:03:00.000Z' });
    expect(edited.ok && edited.draft.text).toBe('已清洗水箱并消毒，水质检测合格。');
    const answered = await act(runtime(), li, number, 'reply', {
      reply: '已清洗水箱并消毒，水质检测合格。',
      basedOnDraft: edited.ok ? edited.draft.savedAt : '',
    });
    expect(answered.ok && answered.record.state).toBe('replied');
    expect(await draftColumns(number)).toEqual({ draft_reply: null, draft_saved_at: null, draft_saved_by: null });

    // The citizen never saw the draft: their page has no answer until the office approves it.
    const tracked = await trackMessage(runtime(), '203.0.113.5', number, queryCode);
    expect(tracked.kind === 'found' && JSON.stringify(tracked.record)).not.toContain('计划本周清洗水箱');
  });

  run('nobody but the handlers of the message’s unit may save or read its draft, and only while it is 办理中', async () => {
    const { number } = await assigned();
    expect((await saveDraft(runtime(), handlerOf('water'), number, { reply: '草稿：已派人查看。' })).ok).toBe(true);
    const record = await scopeOf(number);
    for (const outsider of [handlerOf('housing'), DISPATCHER, { kind: 'citizen' } as const]) {
      expect(await draftFor(runtime(), outsider, record)).toBeNull();
      expect(await saveDraft(runtime(), outsider, number, { reply: '越权草稿' })).toMatchObject({ ok: false, status: 403 });
    }
    expect(await saveDraft(runtime(), handlerOf('housing'), number, { reply: '越权草稿' })).toMatchObject({
      message: '这条留言不由您所在的单位办理，无权操作',
    });
    expect((await draftColumns(number)).draft_reply).toBe('草稿：已派人查看。');
    expect(await saveDraft(runtime(), handlerOf('water'), 'LY20990101-0001', { reply: '草稿' })).toMatchObject({ ok: false, status: 404 });

    // Validated like the answer itself.
    expect(await saveDraft(runtime(), handlerOf('water'), number, { reply: '   ' })).toEqual({ ok: false, status: 400, message: '答复内容不能为空' });
    expect(await saveDraft(runtime(), handlerOf('water'), number, { reply: '长'.repeat(5001) })).toEqual({
      ok: false,
      status: 400,
      message: '答复内容最多 5000 个字，现在是 5001 个字',
    });
    expect(await saveDraft(runtime(), handlerOf('water'), number, { reply: '含控制字符\u0007' })).toMatchObject({ ok: false, status: 400 });

    // Once the answer is with the office (待审核), there is nothing to draft.
    expect((await act(runtime(), handlerOf('water'), number, 'reply', { reply: '已派人查看，水箱已清洗。' })).ok).toBe(true);
    expect(await saveDraft(runtime(), handlerOf('water'), number, { reply: '再改改' })).toEqual({
      ok: false,
      status: 409,
      message: '留言当前状态为「待审核」，不能保存答复草稿',
    });
  });

  run('after the office sends an answer back, the form starts from that answer; a draft saved then wins', async () => {
    const { number } = await assigned();
    await act(runtime(), handlerOf('water'), number, 'reply', { reply: '已安排清洗。' });
    await act(runtime(), DISPATCHER, number, 'send_back', { note: '请写明清洗日期和检测结果' });
    const record = await scopeOf(number);
    expect(await draftFor(runtime(), handlerOf('water'), record)).toBeNull();
    expect(replyStart(null, record.events)).toEqual({ text: '已安排清洗。', from: 'sent_back' });
    const saved = await saveDraft(runtime(), handlerOf('water'), number, { reply: '已于 11 月 30 日清洗，' });
    expect(saved.ok).toBe(true);
    const draft = await draftFor(runtime(), handlerOf('water'), await scopeOf(number));
    expect(replyStart(draft!.text, record.events)).toEqual({ text: '已于 11 月 30 日清洗，', from: 'draft' });
  });

  run('a returned message takes no draft to the next unit', async () => {
    const { number } = await assigned();
    expect((await saveDraft(runtime(), handlerOf('water'), number, { reply: '水务局的半句话' })).ok).toBe(true);
    expect((await act(runtime(), handlerOf('water'), number, 'return', { reason: '二次供水归住建部门' })).ok).toBe(true);
    expect(await draftColumns(number)).toEqual({ draft_reply: null, draft_saved_at: null, draft_saved_by: null });
    expect((await act(runtime(), DISPATCHER, number, 'assign', { unit: 'housing' })).ok).toBe(true);
    const record = await scopeOf(number);
    expect(await draftFor(runtime(), handlerOf('housing'), record)).toBeNull();
    expect(replyStart(null, record.events)).toBeNull();
  });

  run('a draft saved by a colleague since the page was opened is neither overwritten nor discarded unseen', async () => {
    const { number } = await assigned();
    const first = await saveDraft(runtime(), handlerOf('water'), number, { reply: '甲的草稿', basedOn: '' }, '2026-11-30T01:00:00.000Z');
    expect(first.ok).toBe(true);
    // A colleague who opened the page before that save.
    const colleague: Actor = { kind: 'staff', role: 'handler', accountId: 'colleague', unitCode: 'water' };
    const stale = await saveDraft(runtime(), colleague, number, { reply: '乙的草稿', basedOn: '' });
    expect(stale).toMatchObject({ ok: false, status: 409 });
    expect(!stale.ok && stale.message).toContain('另行保存了答复草稿');
    expect(await act(runtime(), handlerOf('water'), number, 'reply', { reply: '乙的答复', basedOnDraft: '' })).toMatchObject({ ok: false, status: 400 });
    expect((await draftColumns(number)).draft_reply).toBe('甲的草稿');
    // Having seen it, they may replace it.
    expect((await saveDraft(runtime(), handlerOf('water'), number, { reply: '乙的草稿', basedOn: '2026-11-30T01:00:00.000Z' })).ok).toBe(true);
  });
});
