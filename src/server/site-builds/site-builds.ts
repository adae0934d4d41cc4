/**
 * The built sites of a running server, put together for scripts/serve.ts: the build served at start (the
 * newest whole one that loads), the rebuilder that replaces it (rebuilder.ts, with the real steps from
 * processes.ts), and what the pages may see of them (control.ts).
 *
 * After a switch, a page delivered just before it may still ask for the previous build's hashed files (a
 * stylesheet, Pagefind's index chunks while someone searches): those are sent from the previous build, which
 * is kept on disk until the next switch. Pages themselves always come from the current build.
 */
import type { IncomingMessage } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { today } from '../../lib/calendar/dates.ts';
import { contentDirectory, loadDistrictRules } from '../../data/district-rules.ts';
import { syncCalendar } from '../messages/calendar-sync.ts';
import type { Runtime } from '../runtime.ts';
import type { CurrentSite } from '../http/front-door.ts';
import { isHashedAsset } from '../http/static-rules.ts';
import { setSiteBuildsControl } from './control.ts';
import { buildsDirProblem, servableBuilds } from './folders.ts';
import { pullContent, runBuild } from './processes.ts';
import { Rebuilder } from './rebuilder.ts';
import { loadServedSite, type ServedSite } from './served-site.ts';

export interface SiteBuilds {
  /** The site answering now, for the front door (asked once per request). */
  current(): CurrentSite;
  served(): ServedSite;
  rebuilder: Rebuilder;
}

function pathOf(request: IncomingMessage): string {
  return (request.url ?? '/').split('?')[0]!;
}

/** The current build's handler and files, with the previous build's hashed files behind them. */
function answering(site: ServedSite, previous: ServedSite | null): CurrentSite {
  if (!previous) return site;
  return {
    handler: site.handler,
    serving: {
      ...site.serving,
      serveFile: (request, response, next) =>
        site.serving.serveFile(request, response, () => (isHashedAsset(pathOf(request)) ? previous.serving.serveFile(request, response, next) : next())),
    },
  };
}

export async function openSiteBuilds(runtime: Runtime, { root, operatorDir }: { root: string; operatorDir: string }): Promise<SiteBuilds> {
  const { siteUrl, rebuild, dataDir } = runtime.config;
  const buildsDir = rebuild.buildsDir ? resolve(root, rebuild.buildsDir) : join(dirname(operatorDir), 'builds');
  const problem = buildsDirProblem(buildsDir, { root, operatorDir, dataDir: resolve(root, dataDir) });
  if (problem?.refuse) throw new Error(problem.message);
  if (problem) console.warn(`注意：${problem.message}，服务器将无法自行重建网站`);

  let site: ServedSite | null = null;
  for (const candidate of servableBuilds(operatorDir, buildsDir)) {
    try {
      site = await loadServedSite(candidate.dir, { siteUrl });
      break;
    } catch (error) {
      console.error(`构建 ${candidate.dir} 无法加载，改用更早的构建：${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (!site) throw new Error(`找不到构建好的网站（${operatorDir}）：请先运行 npm run build。`);
  console.log(`网站构建：${site.dir}${site.stamp ? `（${site.stamp.builtAt} 构建，数据截至 ${site.stamp.asOf}）` : ''}`);

  let previous: ServedSite | null = null;
  let current = answering(site, null);
  const contentDir = resolve(root, contentDirectory());
  const rebuilder = new Rebuilder({
    buildsDir,
    serving: site.dir,
    privateDirs: [root, contentDir, buildsDir],
    pull: rebuild.pull ? (signal) => pullContent(contentDir, signal) : undefined,
    build: (dir, day, signal) => runBuild(dir, day, signal, { root, now: () => new Date() }),
    // Everything that can fail comes first; the switch itself is three assignments. The content's rules are read
    // again with the build made from them; open deadlines then follow a changed holiday calendar.
    activate: async (dir) => {
      const rules = loadDistrictRules(contentDir);
      const next = await loadServedSite(dir, { siteUrl });
      previous = site;
      site = next;
      current = answering(next, previous);
      runtime.rules = rules;
      syncCalendar(runtime).catch((error: unknown) => console.error('新构建已启用，但按新的节假日安排重算办理期限失败（下次启动时会再算）：', error));
      return { asOf: next.stamp?.asOf ?? '（未知）' };
    },
  });
  setSiteBuildsControl({
    served: () => site!.stamp,
    rebuilds: () => rebuilder.status(),
    hookSecret: rebuild.hookSecret,
    request: (trigger) => rebuilder.request(trigger),
  });
  if (rebuild.daily) {
    rebuilder.startDaily(rebuild.daily.at, rebuild.daily.text);
    console.log(`每日重建：北京时间 ${rebuild.daily.text}`);
    // A build computed from the clock for an earlier day (the server was down at midnight) is made again now.
    if (site.stamp && !site.stamp.asOfFixed && site.stamp.asOf < today()) rebuilder.request('start');
  }
  if (rebuild.hookSecret) console.log('内容更新通知：POST /hooks/rebuild 已启用');
  return { current: () => current, served: () => site!, rebuilder };
}
