/**
 * 不同意延期: the office declines the unit's pending request for an extension, saying why; the due day
 * stays. The reason is for the unit (an internal note); the public timeline says only that the
 * request was not granted. Granting is the existing 延期 (extend.ts), which settles the request too.
 */
import { pendingExtensionRequest } from '../../../lib/messages/extension-requests.ts';
import { plainTextProblem } from '../../../lib/messages/submission.ts';
import type { MessageRecord } from '../../../lib/messages/types.ts';
import { action, text } from './perform.ts';

const waiting = (record: MessageRecord) => pendingExtensionRequest(record) !== null;

export const declineExtension = action<{ reason: unknown }>({
  event: 'decline_extension',
  validate(input) {
    const reason = text(input.reason);
    if (!reason) return { ok: false, message: '不同意延期须说明理由（承办单位会看到）' };
    const problem = plainTextProblem('不同意延期的理由', reason, { min: 1, max: 500, multiline: true });
    return problem ? { ok: false, message: problem } : { ok: true, facts: { internalNote: reason } };
  },
  offered: waiting,
  check: (record) => (waiting(record) ? null : '这条留言没有等待处理的延期申请'),
});
