/**
 * 通知: which events send a notice to whom, in words. A unit's handlers hear when a message is
 * assigned to them or urged, and the office's answer to their request for an extension (granted or
 * not); the office's dispatchers hear when a unit asks for an extension; the citizen, when their
 * message is closed or its deadline extended (if they left an e-mail address). Notices carry links,
 * never a citizen's contact details, the text of a message or a request's reason, so a forwarded
 * e-mail reveals little.
 */
import type { MessageEvent } from './state-machine.ts';

/** The unit's handlers, the supervision office's dispatchers, or the citizen. */
export type NoticeRecipient = 'unit' | 'office' | 'citizen';

export interface NoticeSpec {
  to: NoticeRecipient;
  subject: string;
  body: string;
}

export interface NoticeFacts {
  number: string;
  title: string;
  /** The due day after the event, where there is one. */
  due: string | null;
  /** On a request for an extension: the day asked for. */
  requestedDue?: string | null;
  siteUrl: string;
  siteName: string;
}

export function noticesFor(event: MessageEvent, m: NoticeFacts): NoticeSpec[] {
  const console = `${m.siteUrl}/console/messages/${m.number}`;
  const track = `${m.siteUrl}/messages/track`;
  switch (event) {
    case 'assign':
      return [
        {
          to: 'unit',
          subject: `【${m.siteName}】新交办留言 ${m.number}`,
          body: `一条网民留言已交由贵单位办理：\n\n${m.number}　${m.title}\n答复期限：${m.due ?? '见督办台'}\n\n请登录督办台查看和答复：${console}\n`,
        },
      ];
    case 'urge':
      return [
        {
          to: 'unit',
          subject: `【${m.siteName}】督办：留言 ${m.number}`,
          body: `督查室对以下留言进行督办，请尽快办理答复：\n\n${m.number}　${m.title}\n答复期限：${m.due ?? '见督办台'}\n\n${console}\n`,
        },
      ];
    case 'approve':
      return [
        {
          to: 'citizen',
          subject: `【${m.siteName}】您的留言 ${m.number} 已办结`,
          body: `您提交的留言 ${m.number} 已经办结，答复已经审核。\n请凭留言编号和查询码查看答复并评价：${track}\n\n（本邮件由系统发出，请勿回复。）\n`,
        },
      ];
    case 'request_extension':
      return [
        {
          to: 'office',
          subject: `【${m.siteName}】延期申请：留言 ${m.number}`,
          body: `承办单位申请延长以下留言的答复期限，请在督办台批准或不同意：\n\n${m.number}　${m.title}\n当前期限：${m.due ?? '见督办台'}\n申请延至：${m.requestedDue ?? '见督办台'}\n\n${console}\n`,
        },
      ];
    case 'decline_extension':
      return [
        {
          to: 'unit',
          subject: `【${m.siteName}】延期申请未获同意：留言 ${m.number}`,
          body: `督查室不同意延长以下留言的答复期限，请按原期限答复：\n\n${m.number}　${m.title}\n答复期限：${m.due ?? '见督办台'}\n\n理由见督办台：${console}\n`,
        },
      ];
    case 'extend':
      return [
        {
          to: 'unit',
          subject: `【${m.siteName}】答复期限已延长：留言 ${m.number}`,
          body: `督查室已批准延长以下留言的答复期限：\n\n${m.number}　${m.title}\n新的答复期限：${m.due ?? '见督办台'}\n\n${console}\n`,
        },
        {
          to: 'citizen',
          subject: `【${m.siteName}】您的留言 ${m.number} 办理期限已延长`,
          body: `您提交的留言 ${m.number} 经批准延期，新的答复期限为 ${m.due ?? '（见查询页）'}。\n延期理由和办理过程可凭留言编号和查询码查看：${track}\n\n（本邮件由系统发出，请勿回复。）\n`,
        },
      ];
    default:
      return [];
  }
}

/**
 * Where a new query code goes in a notice. The outbox keeps the notice with this slot and a seed, never
 * the code; the sender fills the slot as it sends (src/server/mail/outbox.ts, docs/decisions/015), so
 * staff reading the outbox, or a copy of the database, do not learn the citizen's code.
 */
export const QUERY_CODE_SLOT = '〔查询码〕';

/** The notice that carries a new query code, as an e-mail or as a text message (短信, kept short). */
export function queryCodeNotice(channel: 'email' | 'sms', m: Pick<NoticeFacts, 'number' | 'siteUrl' | 'siteName'>): { subject: string; body: string } {
  const subject = `【${m.siteName}】留言 ${m.number} 的新查询码`;
  if (channel === 'sms')
    return { subject, body: `【${m.siteName}】您的留言 ${m.number} 的新查询码为 ${QUERY_CODE_SLOT}，原查询码已失效。如非本人申请，请忽略。` };
  return {
    subject,
    body:
      `有人凭留言编号和联系电话申请重新发送留言 ${m.number} 的查询码。\n\n` +
      `新的查询码：${QUERY_CODE_SLOT}\n\n` +
      `原来的查询码已经失效。凭留言编号和新的查询码查看办理进度：${m.siteUrl}/messages/track\n\n` +
      `如果这不是您本人申请的，您的留言不受影响，以后请使用上面的新查询码。\n\n（本邮件由系统发出，请勿回复。）\n`,
  };
}
