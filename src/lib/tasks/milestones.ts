/** How a milestone (路线图节点) reads on a task page as of a day. */
import { daysBetween, type IsoDate } from '../calendar/dates.ts';

export interface MilestoneState {
  className: 'is-done' | 'is-late' | 'is-open';
  text: string;
}

export function milestoneState(m: { due: IsoDate; done?: IsoDate | undefined }, asOf: IsoDate): MilestoneState {
  if (m.done) {
    const late = daysBetween(m.due, m.done);
    return { className: 'is-done', text: late > 0 ? `${m.done} 完成（逾期 ${late} 天）` : `${m.done} 按期完成` };
  }
  const left = daysBetween(asOf, m.due);
  if (left < 0) return { className: 'is-late', text: `已过期 ${-left} 天，未完成` };
  return { className: 'is-open', text: left === 0 ? '今天到期' : `还有 ${left} 天` };
}
