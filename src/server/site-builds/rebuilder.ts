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
 * for the requests still using it. A failure keeps the old build serving and is said in the log and in
 * the status /healthz shows until a rebuild succeeds.
 *
 * The parts that touch the world (pulling content, running the build, loading it) are passed in, so the
 * rules here are tested without building a site.
 */
import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { today } from '../../lib/calendar/dates.ts';
import { nextDailyRun, type TimeOfDay } from '../../lib/site/daily-rebuild.ts';
import { pruneRebuilds, rebuildFolderName } from './folders.ts';

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
  /** Starts serving the build in `dir`; throws when it cannot be loaded. Returns the day its board is computed for. */
  activate: (dir: string) => Promise<{ asOf: string }>;
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

export class Rebuilder {
  #parts: RebuilderParts;
  #now: () => Date;
  #serving: string;
  #running: { trigger: RebuildTrigger; startedAt: Date; done: Promise<void>; abort: AbortController } | null = null;
  #queued: RebuildTrigger | null = null;
  #lastSuccess: RebuildStatus['lastSuccess'] = null;
  #lastFailure: RebuildStatus['lastFailure'] = null;
  #daily: { at: TimeOfDay; text: string; next: Date; timer: NodeJS.Timeout } | null = null;
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
    const done = this.#run(trigger, startedAt, abort.signal).finally(() => {
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
    const next = nextDailyRun(this.#now(), at);
    const timer = setTimeout(
      () => {
        this.request('daily');
        this.startDaily(at, text);
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
    this.#running?.abort.abort();
    await this.idle();
  }

  #fail(trigger: RebuildTrigger, problem: string, output: readonly string[] = []): void {
    this.#lastFailure = { at: this.#now().toISOString(), trigger, problem };
    const warn = this.#parts.warn ?? console.error;
    if (output.length > 0) warn(`构建输出（最后 ${output.length} 行）：\n${output.join('\n')}`);
    warn(`重建网站失败（${TRIGGER_LABELS[trigger]}）：${problem}。继续提供原来的构建 ${basename(this.#serving)}。`);
  }

  async #run(trigger: RebuildTrigger, startedAt: Date, signal: AbortSignal): Promise<void> {
    const { buildsDir, pull, build, activate, log = console.log } = this.#parts;
    const day = today('Asia/Shanghai', startedAt);
    log(`开始重建网站（${TRIGGER_LABELS[trigger]}，${day}）`);
    if (pull) {
      const pulled = await pull(signal);
      if (signal.aborted) return;
      if (!pulled.ok) return this.#fail(trigger, `拉取内容失败：${pulled.problem}`, pulled.output);
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
      rmSync(dir, { recursive: true, force: true });
      return this.#fail(trigger, `新构建无法加载：${error instanceof Error ? error.message : String(error)}`);
    }
    const previous = this.#serving;
    this.#serving = dir;
    pruneRebuilds(buildsDir, [dir, previous]);
    const finished = this.#now();
    this.#lastSuccess = { at: finished.toISOString(), trigger, seconds: seconds(startedAt, finished), asOf };
    this.#lastFailure = null;
    log(`网站已换用新构建 ${basename(dir)}（数据截至 ${asOf}，用时 ${seconds(startedAt, finished)} 秒）`);
  }
}
