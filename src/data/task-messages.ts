/**
 * How many messages concern each task, read at build time from the message store when one exists
 * (the SQLite file in DATA_DIR, or DATABASE_URL), so the static task page can say so with the date
 * of the count. The live list is one link away on the on-demand board. A build without a store
 * (a CDN build machine, CI) simply has no counts and says nothing about them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../server/db/open.ts';
import { countsByTask } from '../server/messages/queries.ts';

export interface TaskMessageCounts {
  countedAt: string;
  byTask: Map<string, { total: number; published: number }>;
}

let cached: Promise<TaskMessageCounts | null> | undefined;

export function loadTaskMessageCounts(): Promise<TaskMessageCounts | null> {
  cached ??= (async () => {
    const dataDir = process.env.DATA_DIR ?? './data';
    const databaseUrl = process.env.DATABASE_URL || undefined;
    if (!databaseUrl && !existsSync(join(dataDir, 'duban.sqlite'))) return null;
    const store = await openStore({ databaseUrl, dataDir, migrate: false });
    try {
      return { countedAt: new Date().toISOString(), byTask: await countsByTask(store.db) };
    } finally {
      await store.close();
    }
  })();
  return cached;
}
