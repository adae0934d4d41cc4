/** Kinds of page in the search index, as their type filter shows them; published messages come from the board, not the index. */
export const SEARCH_TYPE = {
  task: '重点任务',
  unit: '责任单位',
  exposure: '曝光台案例',
  bulletin: '督查通报',
  supervision: '督办记录',
  message: '网民留言',
} as const;
export const SEARCH_TYPES = Object.values(SEARCH_TYPE);

/** The date a search result shows, with what it is the date of. */
export interface SearchDate {
  label: string;
  date: string;
}

/** A task's date in the results: its latest progress update as of the board's day, else its start. */
export function taskSearchDate(task: { start: string; visibleUpdates: readonly { date: string }[] }): SearchDate {
  const latest = task.visibleUpdates.reduce<string | null>((last, u) => (last === null || u.date > last ? u.date : last), null);
  return latest ? { label: '更新', date: latest } : { label: '开始', date: task.start };
}
