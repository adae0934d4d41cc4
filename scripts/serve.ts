/**
 * npm run serve: start the message store first (migrations, durability check, calendar sync),
 * then the built site's handler behind the front door (src/server/http/front-door.ts) on HOST:PORT.
 * A store that could lose acknowledged messages stops the server here, before it listens, with the reason.
 *
 * The site served is the newest whole build: dist/ (or DUBAN_OUT_DIR) or one of the server's own rebuilds
 * (src/server/site-builds/, decision 021), which run daily, on the webhook, on SIGHUP, and at start when the
 * build is for an earlier day.
 */
import { today } from '../src/lib/calendar/dates.ts';
import { calendarReminder } from '../src/lib/calendar/readiness.ts';
import { join, resolve } from 'node:path';
import { getRuntime, startHousekeeping } from '../src/server/runtime.ts';
import { createFrontDoor } from '../src/server/http/front-door.ts';
import { openSiteBuilds, type SiteBuilds } from '../src/server/site-builds/site-builds.ts';
import { drainable, shutDown } from '../src/server/http/shutdown.ts';
import { trustedProxiesLine } from '../src/server/http/client-address.ts';
import { countAdmins } from '../src/server/auth/accounts.ts';

const root = join(import.meta.dirname, '..');
const operatorDir = resolve(root, process.env.DUBAN_OUT_DIR ?? 'dist'); // DUBAN_OUT_DIR may be absolute (the CMS test)

let runtime: Awaited<ReturnType<typeof getRuntime>>;
let stopHousekeeping: () => Promise<void>;
try {
  runtime = await getRuntime();
  console.log(`留言存储：${runtime.store.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}（${runtime.store.location}）`);
  const proxies = trustedProxiesLine(runtime.config);
  if (proxies) console.log(proxies);
  const calendarMissing = calendarReminder(
    today(),
    runtime.rules.calendarYears.map((c) => c.year),
  );
  if (calendarMissing) console.warn(`注意：${calendarMissing}`);
  stopHousekeeping = await startHousekeeping(runtime);
  if ((await countAdmins(runtime.store.db)) === 0)
    console.log(
      '\n督办台（/console/）还没有管理员账号。创建第一个管理员：\n  npm run user -- add --role admin --name 姓名 --login 登录名\n它会显示一次性密码，首次登录时须改为自己的密码。\n',
    );
} catch (error) {
  console.error(`\n无法启动：${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

const { host, port, requestTimeoutMs, accessLog, shutdownGraceMs } = runtime.config;
let builds: SiteBuilds;
try {
  builds = await openSiteBuilds(runtime, { root, operatorDir });
} catch (error) {
  console.error(`\n无法启动：${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
const { rebuilder } = builds;
// Security headers on every response; the built files sent precompressed, with their cache rules; one build per request.
const server = createFrontDoor(builds.current, { requestTimeoutMs, accessLog: accessLog ? (line) => process.stdout.write(line) : undefined });
process.on('SIGHUP', () => {
  console.log('收到 SIGHUP：重建网站');
  if (rebuilder.request('signal') === 'queued') console.log('正在重建：这次结束后再重建一次');
});

const drain = drainable(server);
server.listen(port, host, () => console.log(`网站已启动：http://${host.includes(':') ? `[${host}]` : host}:${port}/`));
server.on('error', (error) => {
  console.error(`\n无法监听 ${host}:${port}：${error.message}\n`);
  process.exit(1);
});

// SIGTERM and Ctrl-C: finish what is in flight, then stop (src/server/http/shutdown.ts); a second signal stops at once.
let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) process.exit(1);
  stopping = true;
  shutDown(
    {
      drain,
      graceMs: shutdownGraceMs,
      stopHousekeeping: async () => {
        const stopped = await Promise.allSettled([rebuilder.stop(), stopHousekeeping()]);
        for (const outcome of stopped) if (outcome.status === 'rejected') console.error('停止后台工作时出错：', outcome.reason);
      },
      closeStore: () => runtime.stop(),
    },
    signal,
  ).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('停止时出错：', error);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
