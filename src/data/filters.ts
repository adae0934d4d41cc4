/** The board's filter dimensions with this build's ledgers, categories and units, and their counts. */
import { loadBoard, type Board } from './board';
import { dimensions, hasOwnPage, type Dimension, type DimensionKey } from '../lib/tasks/filters';

let cached: { board: Board; dims: Dimension[]; counts: Map<string, number> } | undefined;

/** Dimensions and how many tasks each value has; computed once per build. */
export function boardFilters(board: Board): { dims: Dimension[]; count: (key: DimensionKey, value: string) => number } {
  if (cached?.board !== board) {
    const dims = dimensions({
      ledgers: board.ledgers.map((l) => ({ id: l.id, label: l.data.name })),
      categories: board.categories.map((c) => ({ id: c.id, label: c.data.name })),
      units: board.units.map((u) => ({ id: u.id, label: u.data.name })),
    });
    const counts = new Map<string, number>();
    for (const task of board.tasks) {
      for (const d of dims) {
        const key = `${d.key}:${d.valueOf(task)}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    cached = { board, dims, counts };
  }
  const { dims, counts } = cached;
  return { dims, count: (key, value) => counts.get(`${key}:${value}`) ?? 0 };
}

/** The dimensions with a page of their own (lib/tasks/filters.ts `hasOwnPage`), as the static paths of src/pages/tasks/[dimension]/. */
export async function dimensionPagePaths(): Promise<{ params: { dimension: DimensionKey } }[]> {
  const own = boardFilters(await loadBoard()).dims.filter(hasOwnPage);
  // /tasks/unit/by-deadline/ is the page itself in deadline order: a value of that name would have no list of its own.
  for (const d of own)
    if (d.values.some((v) => v.id === 'by-deadline'))
      throw new Error(`${d.label}的编号不能是「by-deadline」：它与公示栏“按${d.label}筛选”页的地址相同。请给这个内容文件改名。`);
  return own.map((d) => ({ params: { dimension: d.key } }));
}
