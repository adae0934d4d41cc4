import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pullContent, runBuild } from './processes.ts';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'duban-processes-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=编辑乙', '-c', 'user.email=editor@example.invalid', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/** A project repository with content/ inside, pushed to a bare origin; the server's checkout and an editor's. */
function projectWithContent() {
  const origin = join(work, 'origin.git');
  git(work, 'init', '-q', '--bare', origin);
  const editor = join(work, 'editor');
  git(work, 'clone', '-q', origin, editor);
  mkdirSync(join(editor, 'content', 'tasks'), { recursive: true });
  mkdirSync(join(editor, 'src'));
  writeFileSync(join(editor, 'content', 'tasks', 'MS-2026-001.md'), 'title: 稳就业\n');
  writeFileSync(join(editor, 'src', 'page.ts'), 'export const a = 1;\n');
  git(editor, 'add', '-A');
  git(editor, 'commit', '-q', '-m', '初始');
  git(editor, 'push', '-q', 'origin', 'main');
  const server = join(work, 'server');
  git(work, 'clone', '-q', origin, server);
  const commit = (file: string, text: string) => {
    writeFileSync(join(editor, file), text);
    git(editor, 'commit', '-q', '-am', `改 ${file}`);
    git(editor, 'push', '-q', 'origin', 'main');
  };
  return { editor, server, commit, head: () => git(server, 'rev-parse', 'HEAD').trim() };
}

const live = () => new AbortController().signal;

describe('pulling content before a rebuild', () => {
  it('fast-forwards when only the content changed', async () => {
    const { server, commit } = projectWithContent();
    commit('content/tasks/MS-2026-001.md', 'title: 稳就业促增收\n');
    expect(await pullContent(join(server, 'content'), live())).toEqual({ ok: true });
    expect(readFileSync(join(server, 'content', 'tasks', 'MS-2026-001.md'), 'utf8')).toBe('title: 稳就业促增收\n');
  });

  it('refuses, and leaves the checkout as it was, when the upstream also changed code', async () => {
    const { server, commit, head } = projectWithContent();
    const before = head();
    commit('content/tasks/MS-2026-001.md', 'title: 稳就业促增收\n');
    commit('src/page.ts', 'export const a = 2;\n');
    const pulled = await pullContent(join(server, 'content'), live());
    expect(pulled.ok).toBe(false);
    expect(!pulled.ok && pulled.problem).toBe(
      '上游除内容外还改了 1 个文件（如 src/page.ts），没有拉取：代码更新请按升级步骤（git pull、npm install、npm run build、重启服务器）',
    );
    expect(head()).toBe(before);
    expect(readFileSync(join(server, 'src', 'page.ts'), 'utf8')).toBe('export const a = 1;\n');
  });

  it('takes anything when the content is a repository of its own', async () => {
    const { server, commit } = projectWithContent();
    commit('src/page.ts', 'export const a = 3;\n');
    expect(await pullContent(server, live())).toEqual({ ok: true });
  });

  it('reports a branch that cannot fast-forward, in git’s words', async () => {
    const { server, commit } = projectWithContent();
    commit('content/tasks/MS-2026-001.md', 'title: 上游\n');
    writeFileSync(join(server, 'content', 'tasks', 'MS-2026-001.md'), 'title: 本机\n');
    git(server, 'commit', '-q', '-am', '本机改动');
    const pulled = await pullContent(join(server, 'content'), live());
    expect(pulled.ok).toBe(false);
    expect(!pulled.ok && pulled.problem).toMatch(/fast-forward/i);
  });

  it('says so when the folder is not in a repository', async () => {
    const pulled = await pullContent(work, live());
    expect(pulled.ok).toBe(false);
    expect(!pulled.ok && pulled.problem).toMatch(/not a git repository/);
  });
});

describe('running a build', () => {
  /** A project whose scripts/build.ts runs a step (sleep) that never ends, like a hung astro build. */
  function hangingProject() {
    const root = join(work, 'project');
    mkdirSync(join(root, 'scripts'), { recursive: true });
    writeFileSync(
      join(root, 'scripts', 'build.ts'),
      "import { spawnSync } from 'node:child_process';\nconsole.log('开始');\nspawnSync('sleep', ['300'], { stdio: 'inherit' });\n",
    );
    return root;
  }
  const sleepers = (marker: string) =>
    readdirSync('/proc')
      .filter((pid) => /^\d+$/.test(pid))
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`DUBAN_OUT_DIR=${marker}`);
        } catch {
          return false;
        }
      });

  it('stops a build that runs too long, with the steps it started, and says so', async () => {
    const root = hangingProject();
    const dir = join(root, 'builds', 'timed-out');
    const outcome = await runBuild(dir, '2026-11-30', live(), { root, timeoutMs: 1500 });
    expect(outcome).toMatchObject({ ok: false, problem: '构建超过 2 秒没有完成，已停止' });
    expect(sleepers(dir)).toEqual([]);
  });

  it('stops a build when the server stops, with the steps it started', async () => {
    const root = hangingProject();
    const dir = join(root, 'builds', 'aborted');
    const abort = new AbortController();
    const running = runBuild(dir, '2026-11-30', abort.signal, { root });
    await expect.poll(() => sleepers(dir).length).toBe(2);
    abort.abort();
    expect(await running).toEqual({ ok: false, problem: '构建被中止' });
    expect(sleepers(dir)).toEqual([]);
  });

  it('keeps the webhook secret and the mail settings from the build', async () => {
    const root = join(work, 'project');
    mkdirSync(join(root, 'scripts'), { recursive: true });
    writeFileSync(join(root, 'scripts', 'build.ts'), 'console.log(JSON.stringify(process.env)); process.exit(1);\n');
    const env = {
      PATH: process.env.PATH,
      REBUILD_HOOK_SECRET: 's'.repeat(40),
      SMTP_URL: 'smtp://u:p@mail',
      SMS_WEBHOOK_URL: 'https://sms',
      DATA_DIR: '/var/lib/duban',
    };
    const outcome = await runBuild(join(root, 'builds', 'x'), '2026-11-30', live(), { root, env });
    expect(outcome.ok).toBe(false);
    const seen = JSON.parse((!outcome.ok && outcome.output?.[0]) || '{}') as Record<string, string>;
    expect(seen).toMatchObject({ DATA_DIR: '/var/lib/duban', DUBAN_BUILD_DAY: '2026-11-30', DUBAN_OUT_DIR: join(root, 'builds', 'x') });
    expect(seen.REBUILD_HOOK_SECRET).toBeUndefined();
    expect(seen.SMTP_URL).toBeUndefined();
    expect(seen.SMS_WEBHOOK_URL).toBeUndefined();
  });
});
