/**
 * The server's running state: the machine's settings, the district's rules, the open store, the
 * secret and the rate limiter, created once per process. `scripts/serve.ts` opens it before the
 * HTTP server listens, so a store that would lose data stops the server at start, and then starts
 * the housekeeping timers; pages reach the same instance through `getRuntime()` (kept on
 * globalThis because the built server bundle and the start script load separate copies of this
 * module). Tests and scripts open a runtime of their own, which does nothing on its own.
 */
import { loadServerConfig, type ServerConfig } from './config.ts';
import { contentDirectory, loadDistrictRules, type DistrictRules } from '../data/district-rules.ts';
import { openStore, type Store } from './db/open.ts';
import { RateLimiter } from './anti-abuse/rate-limit.ts';
import { loadSecret } from './secret.ts';
import { syncCalendar } from './messages/calendar-sync.ts';
import { urgeOverdue } from './messages/auto-urge.ts';
import { forgetExpiredChallenges } from './messages/repository.ts';
import { buildTalliesOnce } from './messages/tallies.ts';
import { indexBoardOnce } from './messages/board.ts';
import { buildQueueCountsOnce } from './messages/queue-counts.ts';
import { deliverDue, deliverDueTexts, smtpTransport, webhookGateway } from './mail/sender.ts';

export interface Runtime {
  config: ServerConfig;
  rules: DistrictRules;
  store: Store;
  secret: string;
  limiter: RateLimiter;
  stop(): Promise<void>;
}

const KEY = Symbol.for('duban.runtime');
const HOUR = 3_600_000;
type Holder = { [KEY]?: Promise<Runtime> };

/**
 * A runtime over the store: migrations applied (messages stored before limits were recorded get the
 * limits in force now; events stored before the audit chain are chained), open deadlines recomputed if
 * a holiday calendar changed, running totals and search text filled once. No timers: see `startHousekeeping`.
 */
export async function createRuntime(env: NodeJS.ProcessEnv = process.env): Promise<Runtime> {
  const config = loadServerConfig(env);
  const rules = loadDistrictRules(contentDirectory(env));
  const secret = loadSecret(config.dataDir, config.secret);
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    sqliteSynchronous: config.sqliteSynchronous,
    migration: { secret, limits: rules.deadlines.limits },
  });
  const runtime: Runtime = { config, rules, store, secret, limiter: new RateLimiter(), stop: () => store.close() };
  await syncCalendar(runtime);
  await store.db.transaction().execute((trx) => buildTalliesOnce(trx, rules));
  await store.db.transaction().execute((trx) => indexBoardOnce(trx, store.dialect));
  await store.db.transaction().execute((trx) => buildQueueCountsOnce(trx, runtime));
  return runtime;
}

/**
 * The background work of a running server: every hour, urge overdue messages and forget expired
 * challenges; every MAIL_SEND_EVERY_SECONDS (30), deliver due notices: e-mail when SMTP is set, text
 * messages when SMS_WEBHOOK_URL is. Runs once now; returns what stops it, which resolves once a run
 * under way has ended (so the store can be closed after it, on SIGTERM).
 */
export async function startHousekeeping(runtime: Runtime): Promise<() => Promise<void>> {
  const running = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    running.add(work);
    void work.finally(() => running.delete(work));
  };
  const housekeeping = async () => {
    await urgeOverdue(runtime);
    await forgetExpiredChallenges(runtime.store.db, new Date().toISOString());
  };
  await housekeeping();
  const timer = setInterval(() => track(housekeeping().catch((error: unknown) => console.error('定时督办失败：', error))), HOUR);
  timer.unref();
  const timers = [timer];
  const closers: (() => void)[] = [];
  const every = (send: () => Promise<unknown>, what: string) => {
    const run = () => track(send().catch((error: unknown) => console.error(`${what}失败：`, error)));
    run();
    const sendTimer = setInterval(run, runtime.config.mail.sendEveryMs);
    sendTimer.unref();
    timers.push(sendTimer);
  };
  const smtp = runtime.config.mail.smtpUrl;
  if (smtp) {
    const transport = smtpTransport(smtp);
    every(() => deliverDue(runtime, transport), '发送通知');
    closers.push(() => transport.close());
  }
  const sms = runtime.config.sms.webhookUrl;
  if (sms) {
    const gateway = webhookGateway(sms);
    every(() => deliverDueTexts(runtime, gateway), '发送短信');
  }
  return async () => {
    for (const t of timers) clearInterval(t);
    await Promise.allSettled([...running]);
    for (const close of closers) close();
  };
}

/** The process's runtime, opened on first use. */
export function getRuntime(env: NodeJS.ProcessEnv = process.env): Promise<Runtime> {
  const holder = globalThis as Holder;
  holder[KEY] ??= createRuntime(env).catch((error: unknown) => {
    Reflect.deleteProperty(holder, KEY);
    throw error;
  });
  return holder[KEY];
}
