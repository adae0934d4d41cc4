/**
 * The words of the exposure board (曝光台). Files store the ids; pages and the CMS show the labels.
 * Keeping each list here means the schema, the filters and the editors' selects cannot drift apart.
 */
export interface Term<Id extends string = string> {
  id: Id;
  label: string;
}

const terms = <const T extends readonly Term[]>(list: T) => list;

/** 案例类型: an exposed case of poor work, or a positive example (先进典型, the red list). */
export const CASE_KINDS = terms([
  { id: 'exposure', label: '问题曝光' },
  { id: 'commendation', label: '先进典型' },
]);

/** 问题类型. */
export const PROBLEM_TYPES = terms([
  { id: 'inaction', label: '不作为' },
  { id: 'slow-action', label: '慢作为' },
  { id: 'misconduct', label: '乱作为' },
  { id: 'buck-passing', label: '推诿扯皮' },
  { id: 'falsification', label: '弄虚作假' },
  { id: 'formalism', label: '形式主义' },
  { id: 'bureaucratism', label: '官僚主义' },
]);

/** 发现方式: how the case came to light. */
export const DISCOVERY_METHODS = terms([
  { id: 'unannounced-visit', label: '暗访' },
  { id: 'special-inspection', label: '专项督查' },
  { id: 'public-report', label: '群众举报' },
  { id: 'online-message', label: '网民留言' },
  { id: 'routine-supervision', label: '日常督查' },
  { id: 'media', label: '媒体曝光' },
]);

/** 处理方式: what was done about the case. */
export const MEASURES = terms([
  { id: 'public-criticism', label: '通报批评' },
  { id: 'interview', label: '约谈' },
  { id: 'admonishment', label: '诫勉谈话' },
  { id: 'ordered-rectification', label: '责令整改' },
  { id: 'listed-rectification', label: '挂牌整改' },
  { id: 'score-deduction', label: '扣减考核分值' },
  { id: 'accountability', label: '问责' },
  { id: 'commendation', label: '通报表扬' },
]);

export type Id<T extends readonly Term[]> = T[number]['id'];
export const ids = <T extends readonly Term[]>(list: T) => list.map((t) => t.id) as [Id<T>, ...Id<T>[]];
export const labelOf = (list: readonly Term[], id: string): string => list.find((t) => t.id === id)?.label ?? id;

/** 整改状态. */
export type RectificationStatus = 'rectifying' | 'rectified' | 'overdue' | 'none';

export const RECTIFICATION_LABEL: Record<RectificationStatus, string> = {
  rectifying: '整改中',
  rectified: '已整改',
  overdue: '逾期未整改',
  none: '无需整改',
};

export const RECTIFICATION_ORDER: readonly RectificationStatus[] = ['overdue', 'rectifying', 'rectified', 'none'];
