import type { Term } from '../exposures/vocabulary.ts';

/** 通报类型. */
export const BULLETIN_KINDS = [
  { id: 'monthly', label: '月度通报' },
  { id: 'special-inspection', label: '专项督查' },
  { id: 'ranking', label: '排名通报' },
  { id: 'commendation', label: '表扬通报' },
  { id: 'criticism', label: '批评通报' },
  { id: 'work-notice', label: '工作提示' },
] as const satisfies readonly Term[];
