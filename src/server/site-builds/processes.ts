/**
 * The two outside steps of a rebuild, as child processes of the server: `git pull --ff-only` in the
 * content's repository, and scripts/build.ts into a new folder. Builds run at a lower priority, so pages and
 * messages keep being answered while one runs, and with the day they are for (`DUBAN_BUILD_DAY`), so the day
 * comes from the server's clock. Their output is kept (the last lines) for the log when a step fails.
 */
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { StepOutcome } from './rebuilder.ts';
import { failureSummary } from './failure-summary.ts';

const KEPT_LINES = 60;

interface Run {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  timeoutMs: number;
  /** Lower priority (nice 10). */
  background?: boolean;
}

function runProcess({ command, args, cwd, env, signal, timeoutMs, background }: Run): Promise<{ code: number | null; output: string[]; error?: Error }> {
  return new Promise((resolve) => {
    const output: string[] = [];
    const keep = (chunk: Buffer) => {
      for (const line of stripVTControlCharacters(chunk.toString('utf8')).split(/\r?\n/)) if (line.trim()) output.push(line);
      if (output.length > KEPT_LINES * 2) output.splice(0, output.length - KEPT_LINES);
    };
    const child = spawn(command, args, { cwd, env, signal, timeout: timeoutMs, killSignal: 'SIGTERM', stdio: ['ignore', 'pipe', 'pipe'] });
    if (background && child.pid) {
      try {
        setPriority(child.pid, 10);
      } catch {
        // Not allowed here (some containers): the build runs at normal priority.
      }
    }
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => resolve({ code: null, output: output.slice(-KEPT_LINES), error }));
    child.on('close', (code) => resolve({ code, output: output.slice(-KEPT_LINES) }));
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
  const started = Date.now();
  const childEnv: NodeJS.ProcessEnv = { ...env, DUBAN_OUT_DIR: dir, DUBAN_BUILD_DAY: day, FORCE_COLOR: '0', NO_COLOR: '1' };
  if (env.DUBAN_TEST_CLOCK && now) childEnv.DUBAN_TEST_CLOCK = now().toISOString();
  const { code, output, error } = await runProcess({
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
  if (error && (error as NodeJS.ErrnoException).code !== 'ABORT_ERR') return { ok: false, problem: `无法运行构建：${error.message}`, output };
  if (code === null && Date.now() - started >= timeoutMs)
    return { ok: false, problem: `构建超过 ${Math.round(timeoutMs / 60_000)} 分钟没有完成，已停止`, output };
  return { ok: false, problem: failureSummary(output, root), output };
}

/** `git pull --ff-only` in `dir` (the content folder, inside its repository). */
export async function pullContent(dir: string, signal: AbortSignal, env: NodeJS.ProcessEnv = process.env): Promise<StepOutcome> {
  const { code, output, error } = await runProcess({
    command: 'git',
    args: ['pull', '--ff-only', '--quiet'],
    cwd: dir,
    env: { ...env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    signal,
    timeoutMs: 2 * 60_000,
  });
  if (code === 0) return { ok: true };
  if (error) return { ok: false, problem: `无法运行 git：${error.message}` };
  return { ok: false, problem: output.at(-1) ?? `git pull 退出码 ${code}`, output };
}
