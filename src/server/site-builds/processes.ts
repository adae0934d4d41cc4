/**
 * The two outside steps of a rebuild, as child processes of the server: bringing the content up to date
 * from its repository, and scripts/build.ts into a new folder. Builds run at a lower priority, so pages and
 * messages keep being answered while one runs, with the day they are for (`DUBAN_BUILD_DAY`, so the day comes
 * from the server's clock), and without the settings a build has no use for (the webhook secret, the mail and
 * text-message gateways). A build runs in a process group of its own: stopping it (shutdown, time-out) stops
 * the steps it started too. Output is kept (the last lines) for the log when a step fails.
 */
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { StepOutcome } from './rebuilder.ts';
import { failureSummary } from './failure-summary.ts';

const KEPT_LINES = 60;

/** How long a stopped step has to end after SIGTERM before it gets SIGKILL. */
const KILL_GRACE_MS = 5000;
/** Settings a build does not need and should not see. */
const NOT_FOR_BUILDS = ['REBUILD_HOOK_SECRET', 'SMTP_URL', 'SMS_WEBHOOK_URL'];

interface Run {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  timeoutMs: number;
  /** A process group of its own, at a lower priority (nice 10): a build and the steps it starts. */
  background?: boolean;
}

interface Ran {
  code: number | null;
  output: string[];
  timedOut: boolean;
  error?: Error;
}

function runProcess({ command, args, cwd, env, signal, timeoutMs, background = false }: Run): Promise<Ran> {
  return new Promise((resolve) => {
    const output: string[] = [];
    const keep = (chunk: Buffer) => {
      for (const line of stripVTControlCharacters(chunk.toString('utf8')).split(/\r?\n/)) if (line.trim()) output.push(line);
      if (output.length > KEPT_LINES * 2) output.splice(0, output.length - KEPT_LINES);
    };
    const child = spawn(command, args, { cwd, env, detached: background, stdio: ['ignore', 'pipe', 'pipe'] });
    const signalAll = (name: NodeJS.Signals) => {
      try {
        if (background && child.pid) process.kill(-child.pid, name);
        else child.kill(name);
      } catch {
        // Already gone.
      }
    };
    let timedOut = false;
    const stop = () => {
      signalAll('SIGTERM');
      setTimeout(() => signalAll('SIGKILL'), KILL_GRACE_MS).unref();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, timeoutMs);
    signal.addEventListener('abort', stop, { once: true });
    if (signal.aborted) stop();
    if (background && child.pid) {
      try {
        setPriority(child.pid, 10);
      } catch {
        // Not allowed here (some containers): the build runs at normal priority.
      }
    }
    let settled = false;
    const finish = (ran: Omit<Ran, 'output' | 'timedOut'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
      resolve({ ...ran, output: output.slice(-KEPT_LINES), timedOut });
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => finish({ code: null, error }));
    child.on('close', (code) => finish({ code }));
  });
}

export interface BuildProcessOptions {
  /** The project folder (scripts/build.ts, node_modules). */
  root: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** The server's clock: a test clock (test/fixtures/clock-at.mjs) is carried on into the build. */
  now?: () => Date;
}

/** Runs scripts/build.ts into `dir` for `day`. */
export async function runBuild(
  dir: string,
  day: string,
  signal: AbortSignal,
  { root, env = process.env, timeoutMs = 20 * 60_000, now }: BuildProcessOptions,
): Promise<StepOutcome> {
  const kept = Object.entries(env).filter(([name]) => !NOT_FOR_BUILDS.includes(name));
  const childEnv: NodeJS.ProcessEnv = { ...Object.fromEntries(kept), DUBAN_OUT_DIR: dir, DUBAN_BUILD_DAY: day, FORCE_COLOR: '0', NO_COLOR: '1' };
  if (env.DUBAN_TEST_CLOCK && now) childEnv.DUBAN_TEST_CLOCK = now().toISOString();
  const { code, output, error, timedOut } = await runProcess({
    command: process.execPath,
    args: [join(root, 'scripts', 'build.ts')],
    cwd: root,
    env: childEnv,
    signal,
    timeoutMs,
    background: true,
  });
  if (code === 0) return { ok: true };
  if (signal.aborted) return { ok: false, problem: '构建被中止' };
  if (error) return { ok: false, problem: `无法运行构建：${error.message}`, output };
  const limit = timeoutMs >= 60_000 ? `${Math.round(timeoutMs / 60_000)} 分钟` : `${Math.round(timeoutMs / 1000)} 秒`;
  if (timedOut) return { ok: false, problem: `构建超过 ${limit}没有完成，已停止`, output };
  return { ok: false, problem: failureSummary(output), output };
}

/**
 * Brings the content folder `dir` up to date from its repository's upstream, by fast-forward only, and only
 * when nothing outside the content folder changed: when the content lives inside the project's own checkout,
 * new code must come with `npm install`, a build and a restart (the upgrade steps), never by a webhook. The
 * checkout is left as it was when anything fails. `GIT_*` settings of the server are not passed on.
 */
export async function pullContent(dir: string, signal: AbortSignal, env: NodeJS.ProcessEnv = process.env): Promise<StepOutcome> {
  const gitEnv: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('GIT_')));
  Object.assign(gitEnv, { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' });
  const git = (...args: string[]) => runProcess({ command: 'git', args, cwd: dir, env: gitEnv, signal, timeoutMs: 2 * 60_000 });
  const failed = (ran: Ran, what: string): StepOutcome =>
    ran.error
      ? { ok: false, problem: `无法运行 git：${ran.error.message}` }
      : { ok: false, problem: ran.output.at(-1) ?? `${what}退出码 ${ran.code}`, output: ran.output };

  const prefix = await git('rev-parse', '--show-prefix');
  if (prefix.code !== 0) return failed(prefix, 'git rev-parse ');
  const fetched = await git('fetch', '--quiet');
  if (fetched.code !== 0) return failed(fetched, 'git fetch ');
  const contentPath = prefix.output[0]?.trim() ?? '';
  if (contentPath) {
    const outside = await git('diff', '--name-only', 'HEAD', '@{upstream}', '--', ':(top)', `:(top,exclude)${contentPath}`);
    if (outside.code !== 0) return failed(outside, 'git diff ');
    if (outside.output.length > 0)
      return {
        ok: false,
        problem: `上游除内容外还改了 ${outside.output.length} 个文件（如 ${outside.output[0]}），没有拉取：代码更新请按升级步骤（git pull、npm install、npm run build、重启服务器）`,
        output: outside.output,
      };
  }
  const merged = await git('merge', '--ff-only', '--quiet', '@{upstream}');
  return merged.code === 0 ? { ok: true } : failed(merged, 'git merge ');
}
