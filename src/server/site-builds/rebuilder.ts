/**
 * The server rebuilding its own site (重建网站, decision 021). Statuses and warning colours are computed
 * for a day (decision 001), so the built pages go stale at midnight; and editors change content through
 * the CMS, which commits to the content repository. A rebuild is asked for by the daily timer (just after
 * midnight, China Standard Time), by the git host's webhook (`POST /hooks/rebuild`), by the operator
 * (SIGHUP), or at start when the build on disk is for an earlier day.
 *
 * One rebuild runs at a time; asking during one queues a single further rebuild (content may have changed
 * after the running one read it). Each writes a new folder; only a build that finished and loads is
 * switched to, at once, for the requests that start after it; the old folder stays until the next switch,
 * for the requests still using it. A failure keeps the old build serving and is said in the log (in full)
 * and in the status /healthz shows (one line, without the machine's paths) until a rebuild succeeds.
 *
 * The day matters more than the newest content: a daily (or start-up) rebuild whose pull fails builds from
 * the content already here, and one that fails is tried again, 15 minutes later, then 30, up to every 2 hours.
 *
 * The parts that touch the world (pulling content, running the build, loading it) are passed in, so the
 * rules here are tested without building a site.
 */
import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { today } from '../../lib/calendar/dates.ts';
import { nextDailyRun, type TimeOfDay } from '../../lib/site/daily-rebuild.ts';
import { pruneRebuilds, rebuildFolderName } from './folders.ts';
import { withoutPaths } from './failure-summary.ts';

export type RebuildTrigger = 'daily' | 'hook' | 'signal' | 'start';

export const TRIGGER_LABELS: Record<RebuildTrigger, string> = {
  daily: '每日定时',
  hook: '内容更新通知',
  signal: '运维指令',
  start: '启动时补建',
};

export type StepOutcome = { ok: true } | { ok: false; problem: string; output?: readonly string[] };

export interface RebuilderParts {
  /** Where rebuild folders are written (DUBAN_BUILDS_DIR). */
  buildsDir: string;
  /** The folder served when the rebuilder starts. */
  serving: string;
  /** Brings the content up to date before a build (`git pull`); absent when content is not pulled. */
  pull?: ((signal: AbortSignal) => Promise<StepOutcome>) | undefined;
  /** Builds the site into `dir` for the day `day`. */
  build: (dir: string, day: string, signal: AbortSignal) => Promise<StepOutcome>;
  /**
   * Starts serving the build in `dir`, returning the day its board is computed for. It throws only before it has
   * switched anything (a build that cannot be loaded); once it returns, the folder is in use.
   */
  activate: (dir: string) => Promise<{ asOf: string }>;
  /** Folders whose paths are taken out of the reasons /healthz shows (the project, the content folder). */
  privateDirs?: readonly string[];
  /** The first wait before a failed daily rebuild is tried again (doubling to 2 hours); 15 minutes. */
  retryAfterMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
  warn?: (line: string) => void;
}

export interface RebuildStatus {
  running: { trigger: RebuildTrigger; startedAt: string } | null;
  queued: RebuildTrigger | null;
  lastSuccess: { at: string; trigger: RebuildTrigger; seconds: number; asOf: string } | null;
  /** The last attempt's failure; cleared by the next success. */
  lastFailure: { at: string; trigger: RebuildTrigger; problem: string } | null;
  daily: { at: string; next: string } | null;
}

const seconds = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / 100) / 10;
const MAX_RETRY_MS = 2 * 3_600_000;
/** Rebuilds that are about the day: the board must move on even if new content cannot be had. */
const forTheDay = (trigger: RebuildTrigger) => trigger === 'daily' || trigger === 'start';

export class Rebuilder {
  #parts: RebuilderParts;
  #now: () => Date;
  #serving: string;
  #running: { trigger: RebuildTrigger; startedAt: Date; done: Promise<void>; abort: AbortController } | null = null;
  #queued: RebuildTrigger | null = null;
  #lastSuccess: RebuildStatus['lastSuccess'] = null;
  #lastFailure: RebuildStatus['lastFailure'] = null;
  #daily: { at: TimeOfDay; text: string; next: Date; timer: NodeJS.Timeout } | null = null;
  #retry: { waitMs: number; timer: NodeJS.Timeout } | null = null;
  #stopped = false;

  constructor(parts: RebuilderParts) {
    this.#parts = parts;
    this.#now = parts.now ?? (() => new Date());
    this.#serving = parts.serving;
  }

  /** Asks for a rebuild: it starts now, or is queued behind the one running (one queued at most). */
  request(trigger: RebuildTrigger): 'started' | 'queued' | 'stopped' {
    if (this.#stopped) return 'stopped';
    if (this.#running) {
      this.#queued ??= trigger;
      return 'queued';
    }
    const abort = new AbortController();
    const startedAt = this.#now();
    const done = this.#run(trigger, startedAt, abort.signal)
      .catch((error: unknown) => this.#fail(trigger, '重建时出错（详见服务器日志）', [error instanceof Error ? (error.stack ?? error.message) : String(error)]))
      .finally(() => {
        this.#running = null;
        const next = this.#queued;
        this.#queued = null;
        if (next) this.request(next);
      });
    this.#running = { trigger, startedAt, done, abort };
    return 'started';
  }

  /** Resolves once no rebuild is running or queued. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running.done;
  }

  /** Rebuilds every day when the clock in China reads `at` (HH:MM). */
  startDaily(at: TimeOfDay, text: string): void {
    if (this.#stopped) return;
    if (this.#daily) clearTimeout(this.#daily.timer);
    this.#scheduleDaily(at, text, nextDailyRun(this.#now(), at));
  }

  #scheduleDaily(at: TimeOfDay, text: string, next: Date): void {
    const timer = setTimeout(
      () => {
        // A timer may fire a little early (the clock was slewed): wait out the rest, so the build is for the new day.
        if (this.#now() < next) return this.#scheduleDaily(at, text, next);
        this.request('daily');
        this.#scheduleDaily(at, text, nextDailyRun(next, at));
      },
      Math.max(0, next.getTime() - this.#now().getTime()),
    );
    timer.unref();
    this.#daily = { at, text, next, timer };
  }

  status(): RebuildStatus {
    const running = this.#running;
    return {
      running: running && { trigger: running.trigger, startedAt: running.startedAt.toISOString() },
      queued: this.#queued,
      lastSuccess: this.#lastSuccess,
      lastFailure: this.#lastFailure,
      daily: this.#daily && { at: this.#daily.text, next: this.#daily.next.toISOString() },
    };
  }

  /** Stops the timer and any rebuild under way (its folder is removed); resolves when it has ended. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#queued = null;
    if (this.#daily) clearTimeout(this.#daily.timer);
    this.#daily = null;
    if (this.#retry) clearTimeout(this.#retry.timer);
    this.#retry = null;
    this.#running?.abort.abort();
    await this.idle();
  }

  #fail(trigger: RebuildTrigger, problem: string, output: readonly string[] = []): void {
    this.#lastFailure = { at: this.#now().toISOString(), trigger, problem: withoutPaths(problem, this.#parts.privateDirs ?? []) };
    const warn = this.#parts.warn ?? console.error;
    if (output.length > 0) warn(`构建输出（最后 ${output.length} 行）：\n${output.join('\n')}`);
    warn(`重建网站失败（${TRIGGER_LABELS[trigger]}）：${problem}。继续提供原来的构建 ${basename(this.#serving)}。`);
    if (forTheDay(trigger) && !this.#stopped) this.#retryLater();
  }

  /** Tries a failed daily rebuild again later, waiting twice as long each time (up to 2 hours), until one succeeds. */
  #retryLater(): void {
    const waitMs = this.#retry ? Math.min(this.#retry.waitMs * 2, MAX_RETRY_MS) : (this.#parts.retryAfterMs ?? 15 * 60_000);
    if (this.#retry) clearTimeout(this.#retry.timer);
    const timer = setTimeout(() => this.request('daily'), waitMs);
    timer.unref();
    this.#retry = { waitMs, timer };
    (this.#parts.log ?? console.log)(`将在 ${Math.round(waitMs / 60_000)} 分钟后再试`);
  }

  async #run(trigger: RebuildTrigger, startedAt: Date, signal: AbortSignal): Promise<void> {
    const { buildsDir, pull, build, activate, log = console.log, warn = console.error } = this.#parts;
    const day = today('Asia/Shanghai', startedAt);
    log(`开始重建网站（${TRIGGER_LABELS[trigger]}，${day}）`);
    let pullProblem: string | null = null;
    if (pull) {
      const pulled = await pull(signal);
      if (signal.aborted) return;
      if (!pulled.ok) {
        if (!forTheDay(trigger)) return this.#fail(trigger, `拉取内容失败：${pulled.problem}`, pulled.output);
        pullProblem = `拉取内容失败，已用本机现有内容重建：${pulled.problem}`;
        warn(`${pullProblem}${pulled.output?.length ? `\n${pulled.output.join('\n')}` : ''}`);
      }
    }
    const dir = join(buildsDir, rebuildFolderName(startedAt, trigger));
    const built = await build(dir, day, signal);
    if (signal.aborted || !built.ok) {
      rmSync(dir, { recursive: true, force: true });
      if (!signal.aborted && !built.ok) this.#fail(trigger, built.problem, built.output);
      return;
    }
    let asOf: string;
    try {
      ({ asOf } = await activate(dir));
    } catch (error) {
      // `activate` switches nothing until it can no longer fail, so the folder is not in use.
      rmSync(dir, { recursive: true, force: true });
      return this.#fail(trigger, '新构建无法加载（详见服务器日志）', [error instanceof Error ? (error.stack ?? error.message) : String(error)]);
    }
    const previous = this.#serving;
    this.#serving = dir;
    if (this.#retry) clearTimeout(this.#retry.timer);
    this.#retry = null;
    const finished = this.#now();
    this.#lastSuccess = { at: finished.toISOString(), trigger, seconds: seconds(startedAt, finished), asOf };
    this.#lastFailure = pullProblem ? { at: finished.toISOString(), trigger, problem: withoutPaths(pullProblem, this.#parts.privateDirs ?? []) } : null;
    log(`网站已换用新构建 ${basename(dir)}（数据截至 ${asOf}，用时 ${seconds(startedAt, finished)} 秒）`);
    try {
      pruneRebuilds(buildsDir, [dir, previous]);
    } catch (error) {
      warn(`删除旧构建时出错：${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
