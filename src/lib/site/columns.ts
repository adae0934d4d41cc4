/**
 * 栏目: the site's sections, defined once. The main menu (Base.astro) lists them, and the page tags of
 * 政府网站发展指引 (ColumnName, ColumnDescription, ColumnKeywords, ColumnType) are read from the same
 * entries, so a column renamed in the menu is renamed in its tags too. Every page whose address starts
 * with a column's path belongs to that column: its list pages and its content pages alike.
 */

/**
 * ColumnType: the national category a column falls under. The lists, figures and bulletins the
 * government publishes are 政务公开; the citizens' messages and their answers are 互动交流.
 */
export type ColumnType = '政务公开' | '互动交流';

export interface Column {
  id: 'tasks' | 'supervision' | 'units' | 'exposures' | 'bulletins' | 'ranking' | 'messages';
  /** The column's first page; every address under it belongs to the column. Starts and ends with "/". */
  path: string;
  /** As the menu says it, and ColumnName. */
  name: string;
  /** ColumnDescription: what is in the column, one plain sentence. */
  description: string;
  /** ColumnKeywords, joined with commas in the tag. */
  keywords: readonly string[];
  type: ColumnType;
}

export const COLUMNS: readonly Column[] = [
  {
    id: 'tasks',
    path: '/tasks/',
    name: '公示栏',
    description: '重点工作任务的牵头领导、牵头单位、责任单位、截止日期、推进动态和预警颜色，预警颜色由日期自动计算。',
    keywords: ['重点工作', '督办', '公示栏', '预警', '台账'],
    type: '政务公开',
  },
  {
    id: 'supervision',
    path: '/supervision/',
    name: '督办记录',
    description: '督查室对重点任务发出的工作提示、督办单、提级督办和回头看，承办单位的反馈和办理状态，反馈期限按工作日计算。',
    keywords: ['督办', '督办单', '工作提示', '提级督办', '回头看'],
    type: '政务公开',
  },
  {
    id: 'units',
    path: '/units/',
    name: '责任单位',
    description: '各部门、街镇和园区牵头和参与的重点任务、按期完成率和月排位。',
    keywords: ['责任单位', '牵头单位', '按期完成率'],
    type: '政务公开',
  },
  {
    id: 'exposures',
    path: '/exposures/',
    name: '曝光台',
    description: '作风问题案例的处理方式和整改情况，以及受到表扬的先进典型。',
    keywords: ['曝光台', '问题曝光', '整改', '先进典型'],
    type: '政务公开',
  },
  {
    id: 'bulletins',
    path: '/bulletins/',
    name: '督查通报',
    description: '按期编号发布的月度通报、专项督查、排名通报、表扬通报、批评通报和工作提示。',
    keywords: ['督查通报', '表扬通报', '批评通报', '督查'],
    type: '政务公开',
  },
  {
    id: 'ranking',
    path: '/ranking/',
    name: '月排位',
    description: '各责任单位每月的时效分、质量分、加减分、总分排名和红黑榜。',
    keywords: ['月排位', '红黑榜', '时效分', '质量分'],
    type: '政务公开',
  },
  {
    id: 'messages',
    path: '/messages/',
    name: '网民留言',
    description: '提交网民留言、查询办理进度，查看经同意公开的答复和留言办理统计。',
    keywords: ['网民留言', '留言办理', '答复', '办理统计'],
    type: '互动交流',
  },
];

/** The main menu: the home page, the columns in order, then search and the rules of the site. */
export const MENU: readonly { href: string; label: string }[] = [
  { href: '/', label: '首页' },
  ...COLUMNS.map((c) => ({ href: c.path, label: c.name })),
  { href: '/search/', label: '搜索' },
  { href: '/about/', label: '数据说明' },
];

/** The column a page belongs to, by its address (`/tasks/WL-2026-014/` → 公示栏); undefined outside every column. */
export function columnOfPath(pathname: string): Column | undefined {
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`;
  return COLUMNS.find((c) => path.startsWith(c.path));
}
