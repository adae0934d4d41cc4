/**
 * 公开前审核: the reviewer reads the text as the public will see it and hides what masking cannot
 * know (other people's names, addresses, plates, people described by their workplace). Each chosen
 * span becomes 【已隐去】 in the public versions of the title, content and reply; the originals are
 * kept, and the hidden words are written only in the event's internal note. Publishing requires this
 * step since the message was last closed (publish.ts), even when nothing needed hiding.
 */
import { redact as hide } from '../../../lib/messages/review.ts';
import { reviewedTexts } from '../../../lib/messages/public-view.ts';
import { action } from './perform.ts';

/** The spans chosen: ticked suggestions and words typed one per line (or separated by 、 or ，). */
function spansOf(input: { hide?: unknown; more?: unknown }): string[] {
  const ticked = Array.isArray(input.hide) ? input.hide : input.hide === undefined ? [] : [input.hide];
  const typed = typeof input.more === 'string' ? input.more.split(/[\n、，,]+/) : [];
  return [
    ...new Set(
      [...ticked, ...typed]
        .filter((s): s is string => typeof s === 'string')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export const redact = action<{ hide?: unknown; more?: unknown }>({
  event: 'redact',
  validate(input) {
    const spans = spansOf(input);
    if (spans.some((s) => [...s].length > 100)) return { ok: false, message: '每处要隐去的文字不超过 100 个字' };
    return { ok: true, facts: { internalNote: spans.length ? `隐去：${spans.join('、')}` : '已审核，无需隐去', hidden: spans } };
  },
  update(facts, _at, record) {
    const texts = reviewedTexts(record);
    const spans = facts.hidden ?? [];
    return {
      public_title: hide(texts.title, spans),
      public_content: hide(texts.content, spans),
      public_reply: texts.reply === null ? null : hide(texts.reply, spans),
    };
  },
});
