/** The board's filter dimensions with this build's ledgers, categories and units. */
import type { Board } from './board';
import { dimensions, type Dimension } from '../lib/tasks/filters';

export function boardDimensions(board: Board): Dimension[] {
  return dimensions({
    ledgers: board.ledgers.map((l) => ({ id: l.id, label: l.data.name })),
    categories: board.categories.map((c) => ({ id: c.id, label: c.data.name })),
    units: board.units.map((u) => ({ id: u.id, label: u.data.name })),
  });
}
