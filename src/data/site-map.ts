/**
 * 网站地图: every part of the site a person can reach, grouped as the menu groups them, for the HTML
 * site map (/sitemap/; crawlers have /sitemap.xml). Filter pages are listed only for values that have
 * something on them, since only those pages are built.
 */
import { supervisionDimensions, supervisionPath } from '../lib/supervision/filters';
import { loadBoard } from './board.ts';
import { loadRankings, rankingPath } from './rankings.ts';
import { dimensions, listPath } from '../lib/tasks/filters.ts';
import { caseDimensions, casesPath } from '../lib/exposures/filters.ts';
import { BULLETIN_KINDS } from '../lib/bulletins/vocabulary.ts';
import { bulletinsPath, bulletinYears } from '../lib/bulletins/filters.ts';
import { monthLabel } from '../lib/format/numbers.ts';
import { COLUMNS, type Column } from '../lib/site/columns.ts';

export interface SiteMapLink {
  href: string;
  label: string;
}

export interface SiteMapSection {
  heading: string;
  href: string;
  /** What is there, in a few words. */
  about: string;
  groups: { label: string; links: SiteMapLink[] }[];
}

/** A column's section head: its name, first page and description, as the menu and its page tags give them. */
function columnHead(id: Column['id']): Pick<SiteMapSection, 'heading' | 'href' | 'about'> {
  const column = COLUMNS.find((c) => c.id === id)!;
  return { heading: column.name, href: column.path, about: column.description };
}

export async function siteMapSections(): Promise<SiteMapSection[]> {
  const board = await loadBoard();
  const rankings = await loadRankings();
  const named = (list: readonly { id: string; data: { name: string } }[]) => list.map((x) => ({ id: x.id, label: x.data.name }));
  const taskDims = dimensions({ ledgers: named(board.ledgers), categories: named(board.categories), units: named(board.units) });
  const taskGroups = taskDims.map((d) => ({
    label: `按${d.label}`,
    links: d.values
      .filter((v) => board.tasks.some((t) => d.valueOf(t) === v.id))
      .map((v) => ({ href: listPath({ key: d.key, value: v.id }, 'code'), label: v.label })),
  }));
  const caseDims = caseDimensions(named(board.units)).filter((d) => d.key !== 'unit');
  const caseGroups = caseDims.map((d) => ({
    label: `按${d.label}`,
    links: d.values
      .filter((v) => board.cases.some((c) => d.valuesOf(c).includes(v.id)))
      .map((v) => ({ href: casesPath({ key: d.key, value: v.id }), label: v.label })),
  }));
  return [
    { heading: '首页', href: '/', about: '任务总览、红色预警任务、最新推进动态和通报、本月红黑榜', groups: [] },
    {
      ...columnHead('tasks'),
      groups: [...taskGroups, { label: '排序', links: [{ href: listPath(undefined, 'deadline'), label: '按截止日期排序' }] }],
    },
    {
      ...columnHead('supervision'),
      groups: [
        ...supervisionDimensions(named(board.units), board.supervision)
          .filter((d) => d.key === 'kind' || d.key === 'status')
          .map((d) => ({
            label: `按${d.label}`,
            links: d.values
              .filter((v) => board.supervision.some((r) => d.valuesOf(r).includes(v.id)))
              .map((v) => ({ href: supervisionPath({ key: d.key, value: v.id }), label: v.label })),
          })),
        { label: '提示', links: [{ href: '/supervision/reminders/', label: '应发工作提示' }] },
      ],
    },
    {
      ...columnHead('units'),
      groups: [{ label: '单位', links: board.units.map((u) => ({ href: `/units/${u.id}/`, label: u.data.name })) }],
    },
    { ...columnHead('exposures'), groups: caseGroups },
    {
      ...columnHead('bulletins'),
      groups: [
        {
          label: '按类型',
          links: BULLETIN_KINDS.filter((k) => board.bulletins.some((b) => b.kind === k.id)).map((k) => ({
            href: bulletinsPath({ key: 'kind', value: k.id }),
            label: k.label,
          })),
        },
        { label: '按年份', links: bulletinYears(board.bulletins).map((y) => ({ href: bulletinsPath({ key: 'year', value: y }), label: `${y}年` })) },
      ],
    },
    {
      ...columnHead('ranking'),
      groups: [{ label: '月份', links: rankings.map((r) => ({ href: rankingPath(r.month), label: monthLabel(r.month) })) }],
    },
    {
      ...columnHead('messages'),
      groups: [
        {
          label: '办事',
          links: [
            { href: '/messages/new', label: '我要留言' },
            { href: '/messages/track', label: '查询办理进度' },
            { href: '/messages/resend-code', label: '找回查询码' },
            { href: '/messages/new?type=site-error', label: '我为网站找错' },
            { href: '/messages/stats', label: '办理统计' },
          ],
        },
      ],
    },
    { heading: '搜索', href: '/search/', about: '在任务、单位、督办记录、曝光台、通报和公开留言中搜索', groups: [] },
    {
      heading: '关于本站',
      href: '/about/',
      about: '计算规则、个人信息保护和开放数据',
      groups: [
        {
          label: '说明',
          links: [
            { href: '/about/', label: '数据说明和计算规则' },
            { href: '/privacy/', label: '个人信息保护说明' },
          ],
        },
        {
          label: '开放数据和订阅',
          links: [
            { href: '/data/tasks.csv', label: '全部任务（CSV）' },
            { href: '/data/tasks.json', label: '全部任务（JSON）' },
            { href: '/data/supervision.csv', label: '全部督办记录（CSV）' },
            { href: '/data/supervision.json', label: '全部督办记录（JSON）' },
            { href: '/open311/v2/services.json', label: '网民留言 Open311 接口' },
            { href: '/bulletins/feed.rss', label: '督查通报订阅（RSS）' },
            { href: '/exposures/feed.rss', label: '曝光台订阅（RSS）' },
            { href: '/supervision/feed.rss', label: '督办记录订阅（RSS）' },
            { href: '/calendar.ics', label: '任务截止日期日历（ics）' },
            { href: '/sitemap.xml', label: '网站地图（XML，供搜索引擎使用）' },
          ],
        },
      ],
    },
  ];
}
