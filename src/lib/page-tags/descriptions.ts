/**
 * The meta description of each kind of page, in plain Chinese sentences, written from what the page
 * holds: a task's lead unit, status and deadline; a list's subject and how many it lists. Pages with
 * fixed text (search, the privacy statement, …) write theirs in place. `meta.ts` clips every one to
 * `DESCRIPTION_MAX` characters, so a long title cannot push a description past it.
 */
import { longDate, monthLabel, rateText } from '../format/numbers.ts';
import { chinaDate } from '../calendar/dates.ts';
import type { Counts } from '../tasks/board.ts';
import type { WarningCause, WarningColour, TaskStatus } from '../tasks/types.ts';
import { STATUS_LABEL, UNIT_KIND_LABEL } from '../tasks/vocabulary.ts';
import { warningBadgeText } from '../tasks/warning-label.ts';
import { listSummary, type ChosenFilter } from '../tasks/list-text.ts';
import type { SortKey } from '../tasks/filters.ts';
import { CASE_KINDS, labelOf, MEASURES, RECTIFICATION_LABEL, RECTIFICATION_ORDER, type RectificationStatus } from '../exposures/vocabulary.ts';
import { BULLETIN_KINDS } from '../bulletins/vocabulary.ts';
import type { BulletinFilter } from '../bulletins/filters.ts';
import { countLabel } from '../messages/board-filter.ts';
import { SUPERVISION_KINDS, SUPERVISION_STATUS_LABEL, SUPERVISION_STATUSES, type SupervisionStatus } from '../supervision/vocabulary.ts';
import { clip } from './meta.ts';

const pageWords = (page: number) => (page > 1 ? `；第 ${page} 页` : '');

/** 首页: the district's tasks by colour, and what else the page shows. */
export function homeDescription(district: string, total: number, warnings: Counts<WarningColour>): string {
  return `${district}重点工作任务推进情况公示，${listSummary(total, warnings)}。首页列出红色预警任务、最新推进动态、督查通报和本月红黑榜。`;
}

/** A task: its code and title, lead unit, status (with its colour while unfinished), deadline, then its goal as far as room allows. */
export function taskDescription(
  task: {
    code: string;
    title: string;
    goal: string;
    deadline: string;
    leadUnit: string;
    status: TaskStatus;
    warning: WarningColour;
    warningCause: WarningCause | undefined;
  },
  unitName: (id: string) => string,
): string {
  const colour = task.warning === 'done' ? '' : `（${warningBadgeText(task.warning, task.warningCause).label}）`;
  return clip(
    `${task.code}「${task.title}」由${unitName(task.leadUnit)}牵头，${STATUS_LABEL[task.status]}${colour}，截止日期${longDate(task.deadline)}。任务目标：${task.goal}`,
  );
}

/** A 公示栏 list: which tasks, how many by colour, the order and the page. */
export function taskListDescription(list: {
  chosen: readonly ChosenFilter[];
  total: number;
  warnings: Counts<WarningColour>;
  sort: SortKey;
  page: number;
}): string {
  const what = list.chosen.length ? `公示栏中${list.chosen.map((c) => `${c.dimension}为「${c.value}」`).join('、')}的重点任务` : '公示栏的全部重点任务';
  return `${what}，${listSummary(list.total, list.warnings)}${list.sort === 'deadline' ? '；按截止日期排列' : ''}${pageWords(list.page)}。`;
}

/** A dimension's own page (按牵头单位筛选): how many values, and in which order their lists are. */
export function dimensionPageDescription(label: string, count: number, sort: SortKey): string {
  return `公示栏按${label}筛选：${count} 个${label}及各自的任务数，每个链接到它的任务列表${sort === 'deadline' ? '（按截止日期排列）' : ''}。`;
}

/** 责任单位 list: how many units of each kind, and what is shown for each. */
export function unitsDescription(units: readonly { kind: keyof typeof UNIT_KIND_LABEL }[], rankingMonth: string | undefined): string {
  const kinds = (Object.keys(UNIT_KIND_LABEL) as (keyof typeof UNIT_KIND_LABEL)[])
    .map((k) => [UNIT_KIND_LABEL[k], units.filter((u) => u.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label} ${n} 个`);
  const rank = rankingMonth ? `${monthLabel(rankingMonth)}排位` : '月排位';
  return `${units.length} 个责任单位（${kinds.join('、')}）牵头和参与的重点任务数、预警情况、节点按期完成率和${rank}。`;
}

/**
 * One unit: the tasks it leads (with how many are red) and takes part in, its on-time rate this year and
 * its rank; `summary` is what the unit page shows (src/data/units.ts).
 */
export function unitDescription(
  name: string,
  summary: {
    led: readonly unknown[];
    warnings: Counts<WarningColour>;
    onTime: { onTime: number; counted: number };
    score: { rank: number | undefined } | undefined;
    rankedCount: number;
    headline: { month: string } | undefined;
  },
  others: number,
): string {
  const { led, warnings, onTime, score, rankedCount, headline } = summary;
  const red = warnings.red > 0 ? `，其中红色预警 ${warnings.red} 项` : '';
  const rank = headline && score?.rank !== undefined ? `；${monthLabel(headline.month)}排第 ${score.rank} 名（共 ${rankedCount} 个单位排名）` : '';
  return clip(`${name}牵头 ${led.length} 项重点任务${red}，另参与 ${others} 项；本年度节点按期完成 ${rateText(onTime.onTime, onTime.counted, '个')}${rank}。`);
}

/** One month's ranking: how many were ranked, how the score is made, and the red and black lists by name; the latest one on /ranking/, if there is one. */
export function rankingDescription(
  ranking:
    | {
        month: string;
        complete: boolean;
        evaluatedOn: string;
        scores: readonly { rank: number | undefined }[];
        redList: readonly { unit: string }[];
        blackList: readonly { unit: string }[];
      }
    | undefined,
  weights: { timelinessWeight: number; qualityWeight: number },
  unitName: (id: string) => string,
): string {
  const ratio = `${Math.round(weights.timelinessWeight * 10)} : ${Math.round(weights.qualityWeight * 10)}`;
  if (!ranking) return `各责任单位每月的时效分、质量分（按 ${ratio} 计）、加减分、排名和红黑榜；目前还没有可以排位的月份。`;
  const ranked = ranking.scores.filter((s) => s.rank !== undefined).length;
  const upTo = ranking.complete ? '' : `（统计至${longDate(ranking.evaluatedOn)}）`;
  const names = (list: readonly { unit: string }[]) => (list.length ? list.map((s) => unitName(s.unit)).join('、') : '无');
  return clip(
    `${monthLabel(ranking.month)}排位${upTo}：${ranked} 个单位排名，时效分与质量分按 ${ratio} 计，另计加减分。红榜：${names(ranking.redList)}；黑榜：${names(ranking.blackList)}。`,
  );
}

/** 曝光台 list: which cases, how many of each kind, the exposed ones by rectification status. */
export function caseListDescription(list: {
  filter: ChosenFilter | undefined;
  cases: readonly { kind: string; rectificationStatus: RectificationStatus }[];
  page: number;
}): string {
  const what = list.filter ? `曝光台中${list.filter.dimension}为「${list.filter.value}」的案例` : '曝光台的全部案例';
  const exposed = list.cases.filter((c) => c.kind === 'exposure');
  const statuses = RECTIFICATION_ORDER.filter((s) => s !== 'none')
    .map((s) => [RECTIFICATION_LABEL[s], exposed.filter((c) => c.rectificationStatus === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label} ${n} 个`);
  const commended = list.cases.length - exposed.length;
  const parts = [
    exposed.length > 0 && `问题曝光 ${exposed.length} 个${statuses.length ? `（${statuses.join('、')}）` : ''}`,
    commended > 0 && `先进典型 ${commended} 个`,
  ].filter(Boolean);
  return `${what}，共 ${list.cases.length} 个${parts.length ? `：${parts.join('，')}` : ''}${pageWords(list.page)}。`;
}

/** A case: its kind and title, the units concerned, its date, what was done and, for an exposed case, where the rectification stands. */
export function caseDescription(
  c: { kind: string; title: string; date: string; units: readonly string[]; measures: readonly string[]; rectificationStatus: RectificationStatus },
  unitName: (id: string) => string,
): string {
  const units = c.units.map(unitName).join('、');
  const measures = c.measures.map((m) => labelOf(MEASURES, m)).join('、');
  const state = c.rectificationStatus === 'none' ? '' : `；${RECTIFICATION_LABEL[c.rectificationStatus]}`;
  const done = c.kind === 'commendation' ? `表扬方式：${measures}` : `处理方式：${measures}${state}`;
  return clip(`${labelOf(CASE_KINDS, c.kind)}：${c.title}。涉及${units}，${longDate(c.date)}发布，${done}。`);
}

/** 督办记录 list: which records and how they stand. */
export function supervisionListDescription(list: {
  filter: ChosenFilter | undefined;
  records: readonly { status: SupervisionStatus }[];
  page: number;
}): string {
  const what = list.filter ? `${list.filter.dimension}为「${list.filter.value}」的督办记录` : '全部督办记录';
  const statuses = SUPERVISION_STATUSES.map((s) => [SUPERVISION_STATUS_LABEL[s], list.records.filter((r) => r.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label} ${n} 件`);
  return `${what}：工作提示、督办单、提级督办和回头看，共 ${list.records.length} 件${statuses.length ? `（${statuses.join('、')}）` : ''}${pageWords(list.page)}。`;
}

/** A supervision record: its kind, number and title, the units, when it was issued and how it stands. */
export function supervisionDescription(
  r: { kind: string; number: string; title: string; date: string; units: readonly string[]; status: SupervisionStatus },
  unitName: (id: string) => string,
): string {
  return clip(
    `${labelOf(SUPERVISION_KINDS, r.kind)}${r.number}：${r.title}。承办单位${r.units.map(unitName).join('、')}，${longDate(r.date)}下发，${SUPERVISION_STATUS_LABEL[r.status]}。`,
  );
}

/** 督查通报 list: which bulletins (of a kind or a year) and how many. */
export function bulletinListDescription(filter: BulletinFilter | undefined, total: number): string {
  const what = !filter
    ? '全部督查通报'
    : filter.key === 'kind'
      ? `类型为「${labelOf(BULLETIN_KINDS, filter.value)}」的督查通报`
      : `${filter.value}年发布的督查通报`;
  return `${what}，共 ${total} 期，按年份列出各期文号、标题和发布日期。`;
}

/** A bulletin: its number and title, who issued it and when. */
export function bulletinDescription(b: { number: string; title: string; issuer: string; date: string }): string {
  return clip(`${b.number}《${b.title}》，${b.issuer}于${longDate(b.date)}发布。`);
}

/** A published message: its type, title and number, the unit that answered and the day it did. */
export function messageDescription(m: { number: string; typeLabel: string; title: string; unitName: string | null; repliedAt: string | null }): string {
  const answered = m.unitName ? `，${m.unitName}${m.repliedAt ? `于${longDate(chinaDate(m.repliedAt))}` : ''}答复` : '';
  return clip(`${m.typeLabel}留言「${m.title}」（编号 ${m.number}）${answered}。留言人的个人信息已隐去。`);
}

/** The public message board: what is published there and how many match the page's filters. */
export function messageBoardDescription(board: { total: number; task: { code: string; title: string } | undefined; filtered: boolean }): string {
  const count = `共 ${countLabel(board.total)} 条`;
  if (board.task) return clip(`关于任务 ${board.task.code}「${board.task.title}」的公开网民留言和答复，${count}。`);
  if (board.filtered) return `按所选条件找到的公开网民留言和答复，${count}；留言人的个人信息已隐去。`;
  return `已办结、经留言人同意并经审核公开的网民留言和答复，${count}；可按承办单位、类型和月份筛选，也可搜索。`;
}
