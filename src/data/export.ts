import type { Board } from './board';
import { exportRecord } from '../lib/tasks/export';

export function exportRecords(board: Board) {
  const names = {
    unit: (id: string) => board.unitById.get(id)?.name ?? id,
    ledger: (id: string) => board.ledgerById.get(id)?.name ?? id,
    category: (id: string) => board.categoryById.get(id)?.name ?? id,
  };
  return board.tasks.map((t) => exportRecord(t, names));
}
