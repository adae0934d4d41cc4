/** Kinds of page in the search index, as their type filter shows them. */
export const SEARCH_TYPE = { task: '重点任务', unit: '责任单位', exposure: '曝光台案例', bulletin: '督查通报' } as const;
export const SEARCH_TYPES = Object.values(SEARCH_TYPE);
