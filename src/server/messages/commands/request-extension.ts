/**
 * 申请延期: the unit's handler asks the office for a later due day, with a reason and the day it
 * proposes. The request is an event on the timeline; the public sees only that the unit asked, the
 * day and the reason are for the office (docs/decisions/013). One request waits at a time
 * (extension-requests.ts); the office grants it (extend.ts, prefilled with the request) or declines it
 * (decline-extension.ts). The office's dispatchers are told by e-mail (notices.ts).
 */
import { chinaDate, isIsoDate } from '../../../lib/calendar/dates.ts';
import { pendingExtensionRequest, proposedDueProblem } from '../../../lib/messages/extension-requests.ts';
import { plainTextProblem } from '../../../lib/messages/submission.ts';
import type { MessageRecord } from '../../../lib/messages/types.ts';
import { action, text } from './perform.ts';

const noneWaiting = (record: MessageRecord) => pendingExtensionRequest(record) === null;

export const requestExtension = action<{ newDue: unknown; reason: unknown }>({
  event: 'request_extension',
  validate(input) {
    const newDue = text(input.newDue);
    if (!newDue || !isIsoDate(newDue)) return { ok: false, message: '请填写申请延至的日期（YYYY-MM-DD）' };
    const reason = text(input.reason);
    if (!reason) return { ok: false, message: '申请延期须说明理由' };
    const problem = plainTextProblem('延期理由', reason, { min: 1, max: 500, multiline: true });
    return problem ? { ok: false, message: problem } : { ok: true, facts: { newDue, internalNote: reason } };
  },
  offered: noneWaiting,
  check(record, facts, currentDue, at) {
    const waiting = pendingExtensionRequest(record);
    if (waiting) return `已有一项延期申请（申请延至 ${waiting.newDue}）等待督查室处理，处理后才能再次申请`;
    return proposedDueProblem(facts.newDue!, currentDue, chinaDate(at));
  },
});
