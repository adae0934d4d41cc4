/**
 * The server's running state: settings, the open store, the secret and the rate limiter, created
 * once per process. `scripts/serve.ts` starts it before the HTTP server listens, so a store that
 * would lose data stops the server at start; pages reach the same instance through `getRuntime()`
 * (kept on globalThis because the built server bundle and the start script load separate copies
 * of this module).
 */
import { loadServerConfig, type ServerConfig } from './config.ts';
import { openStore, type Store } from './db/open.ts';
import { RateLimiter } from './anti-abuse/rate-limit.ts';
import { loadSecret } from './secret.ts';
import { syncCalendar } from './messages/calendar-sync.ts';
import { urgeOverdue } from './messages/auto-urge.ts';
import { forgetExpiredChallenges } from './messages/repository.ts';

export interface Runtime {
  config: ServerConfig;
  store: Store;
  secret: string;
  limiter: RateLimiter;
  stop(): Promise<void>;
}

const KEY = Symbol.for('duban.runtime');
const HOUR = 3_600_000;
type Holder = { [KEY]?: Promise<Runtime> };

/** A new runtime; tests and tools make their own, the server uses `getRuntime`. */
export async function createRuntime(env: NodeJS.ProcessEnv = process.env): Promise<Runtime> {
  const config = loadServerConfig(env);
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, sqliteSynchronous: config.sqliteSynchronous });
  const runtime: Runtime = {
    config,
    store,
    secret: loadSecret(config.dataDir, config.secret),
    limiter: new RateLimiter(),
    async stop() {
      clearInterval(timer);
      await store.close();
    },
  };
  await syncCalendar(runtime);
  const housekeeping = async () => {
    await urgeOverdue(runtime);
    await forgetExpiredChallenges(store.db, new Date().toISOString());
  };
  await housekeeping();
  const timer = setInterval(() => void housekeeping().catch((error: unknown) => console.error('定时督办失败：', error)), HOUR);
  timer.unref();
  return runtime;
}

/** The process's runtime, started on first use. */
export function getRuntime(env: NodeJS.ProcessEnv = process.env): Promise<Runtime> {
  const holder = globalThis as Holder;
  holder[KEY] ??= createRuntime(env).catch((error: unknown) => {
    Reflect.deleteProperty(holder, KEY);
    throw error;
  });
  return holder[KEY];
}
