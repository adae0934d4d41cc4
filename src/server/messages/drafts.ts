/**
 * The store side of 答复草稿 (a unit's answer saved but not submitted): the only module that reads the
 * draft columns. Callers authorise first (commands/save-draft.ts: whoever may reply now), so a draft
 * never reaches the public, another unit or the office.
 */
import { beijingMinute } from '../../lib/format/beijing-time.ts';
import type { Db } from './repository.ts';

export interface Draft {
  text: string;
  savedAt: string;
  /** The account that saved it last, and its name. */
  savedBy: string | null;
  savedByName: string | null;
}

/** The draft saved on message `number`, or null. */
export async function readDraft(db: Db, number: string): Promise<Draft | null> {
  const row = await db
    .selectFrom('messages')
    .leftJoin('staff_accounts', 'staff_accounts.id', 'messages.draft_saved_by')
    .select(['messages.draft_reply', 'messages.draft_saved_at', 'messages.draft_saved_by', 'staff_accounts.name'])
    .where('messages.number', '=', number)
    .executeTakeFirst();
  if (!row?.draft_reply || !row.draft_saved_at) return null;
  return { text: row.draft_reply, savedAt: row.draft_saved_at, savedBy: row.draft_saved_by, savedByName: row.name };
}

/** "李某 于 2026-11-29 10:03", for the page and for a conflict. */
export function savedWords(draft: Pick<Draft, 'savedAt' | 'savedByName'>): string {
  return `${draft.savedByName ?? '本单位承办员'} 于 ${beijingMinute(draft.savedAt)}`;
}

/**
 * Whether the draft changed since the form was shown: `basedOn` is the saved time of the draft it
 * showed ('' for none). Two handlers of one unit may work on one message; the later one is told, with
 * their own words kept on the form, rather than silently replacing or discarding the other's draft.
 */
export async function draftConflict(db: Db, number: string, basedOn: string, doing: 'save' | 'reply'): Promise<string | null> {
  const draft = await readDraft(db, number);
  // No draft now: none was saved since, or it left with the message (the state check refuses that first).
  if (!draft || draft.savedAt === basedOn) return null;
  const again = doing === 'save' ? '再次保存将替换它' : '再次提交将以您的答复为准，并清除这份草稿';
  return `在您打开这一页之后，${savedWords(draft)} 另行保存了答复草稿。您填写的内容仍在下面：${again}；也可以先刷新页面查看对方的草稿。`;
}
