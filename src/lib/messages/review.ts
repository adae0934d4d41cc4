/**
 * 审核后公开: what a reviewer must look at before a message is published. Automatic masking removes
 * phone numbers, ID numbers and e-mail addresses and shortens the author's own name; it cannot know
 * other people's names, street addresses, licence plates or a person described by their workplace.
 * This finds the spans that look like those, for the reviewer to judge; it decides nothing itself.
 * The reviewer hides what must not be shown: each hidden span becomes 【已隐去】.
 */

export const REDACTED = '【已隐去】';

export type Suspicion = 'name' | 'address' | 'plate' | 'workplace';
export const SUSPICION_LABELS: Readonly<Record<Suspicion, string>> = {
  name: '可能是他人姓名',
  address: '可能是具体地址',
  plate: '可能是车牌号',
  workplace: '可能指向具体的人',
};

export interface SuspiciousSpan {
  text: string;
  reason: Suspicion;
}

const HAN = '[\\u4e00-\\u9fa5]';
/** A character of a place name: Han, but not the words that usually come before one (住在…, 老家是…). */
const PLACE = '[\\p{Script=Han}--[在是的住于到从家里和与我他她你们就也都还]]';
const NUM = '[0-9０-９一二三四五六七八九十百零〇]';
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文欧';
const ADDRESSEE = '先生|女士|师傅|老师|经理|主任|书记|局长|科长|所长|站长|同志|阿姨|大爷|大妈|村民|老人';

const PATTERNS: readonly [Suspicion, RegExp][] = [
  // After 我是 / 我叫 / 叫 / 姓 / 联系人 / 找: the name that follows.
  ['name', new RegExp(`(?<=我是|我叫|名叫|叫做|姓名[:：]?|联系人[:：]?|找)${HAN}{2,3}?(?=[，。、；：！？,.;:!?\\s（(]|$)`, 'gu')],
  ['name', new RegExp(`[${SURNAMES}]${HAN}{0,2}?(?:某某|某)`, 'gu')],
  ['name', new RegExp(`[${SURNAMES}]${HAN}{1,2}(?=${ADDRESSEE})`, 'gu')],
  ['name', new RegExp(`[${SURNAMES}](?:${ADDRESSEE})`, 'gu')],
  [
    'address',
    new RegExp(`${PLACE}{1,8}(?:路|街|巷|大道)\\s*${NUM}+\\s*号(?:\\s*${NUM}+\\s*(?:栋|幢|号楼))?(?:\\s*${NUM}+\\s*单元)?(?:\\s*${NUM}+\\s*(?:室|号))?`, 'gv'),
  ],
  ['address', new RegExp(`${NUM}+\\s*(?:栋|幢|号楼)\\s*(?:${NUM}+\\s*单元)?\\s*(?:${NUM}+\\s*(?:室|号|户))?`, 'gu')],
  ['address', new RegExp(`${PLACE}{1,8}村\\s*${NUM}+\\s*(?:组|社|号)`, 'gv')],
  ['plate', /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][·・\s]?[A-Z0-9]{5,6}/gu],
  [
    'workplace',
    new RegExp(
      `${HAN}{2,12}(?:局|公司|医院|学校|派出所|中心|站|所)的?${HAN}{0,3}(?:局长|科长|经理|主任|所长|站长|院长|校长|书记|工作人员|保安|医生|老师)`,
      'gu',
    ),
  ],
];

/** The spans of `text` a reviewer should look at, each once, in the order they appear; a span inside a longer one is left out. */
export function suspiciousSpans(text: string): SuspiciousSpan[] {
  const found: { start: number; end: number; span: SuspiciousSpan }[] = [];
  for (const [reason, pattern] of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const span = match[0].trim();
      if ([...span].length >= 2) found.push({ start: match.index, end: match.index + match[0].length, span: { text: span, reason } });
    }
  }
  const inside = (a: (typeof found)[number]) => found.some((b) => b !== a && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start);
  const seen = new Set<string>();
  return found
    .filter((f) => !inside(f))
    .sort((a, b) => a.start - b.start)
    .filter((f) => !seen.has(f.span.text) && seen.add(f.span.text))
    .map((f) => f.span);
}

/** The text with every occurrence of each chosen span hidden, longest first (so 王小明 is hidden whole, not as 王小 + 明). */
export function redact(text: string, spans: readonly string[]): string {
  const words = [...new Set(spans.map((s) => s.trim()).filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  return words.reduce((out, word) => out.split(word).join(REDACTED), text);
}
