import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The built site, as `npm run build:test` leaves it. */
export const siteDir = join(import.meta.dirname, '..', '..', 'dist', 'client');

export interface ExportedTask {
  code: string;
  title: string;
  warning: string;
  status: string;
  leadUnit: string;
  parent: string | null;
  deadline: string;
}

/** The open-data file of the build under test: the tests take their expectations from it. */
export function exportedTasks(): { asOf: string; count: number; tasks: ExportedTask[] } {
  return JSON.parse(readFileSync(join(siteDir, 'data', 'tasks.json'), 'utf8'));
}
