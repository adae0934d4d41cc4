/**
 * The server rebuilding its own site (src/server/site-builds/, decision 021), the way it runs for real:
 * content in a git repository that editors push to, the server's copy pulled before each rebuild, and a
 * clock that crosses midnight in China while the server runs (test/fixtures/clock-at.mjs).
 *
 * One server, one story: at midnight the daily rebuild turns a task due that day from yellow to red, with
 * no request failing during the switch; a pushed content file that does not validate leaves the old site
 * serving and /healthz saying why; the fix, pushed and announced by the webhook, is served.
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type TestServer } from './spawn-server';

test.setTimeout(240_000);

const root = join(import.meta.dirname, '..', '..');
// Inside the project: a build's server bundle finds its packages in node_modules from where it lies.
const work = join(root, 'node_modules', '.rebuild-e2e');
const SECRET = 'rebuild-e2e-secret-0123456789abcdef0123';
const DAY = '2026-12-15';
const NEXT_DAY = '2026-12-16';
const TASK = 'MS-2026-090';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=编辑甲', '-c', 'user.email=editor@example.invalid', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A task due on DAY, half done, reported recently: yellow on DAY, red from the day after. */
function taskFile(title: string, deadline: string): string {
  return `---
title: ${title}
ledger: livelihood-projects
category: livelihood
leadLeader:
  name: 唐慧敏
  title: 副区长
leadUnit: education
responsibleUnits: []
supportingUnits: []
goal: 年底前完成校园食堂改造。
start: 2026-09-01
deadline: ${deadline}
cadence: monthly
milestones: []
updates:
  - date: 2026-12-05
    progress: 60
    text: 完成后厨设备采购，开始安装。
---

用于测试每日重建的任务。
`;
}

/** The processes building into a folder under `builds` (from their environment, which the steps inherit). */
function buildProcesses(builds: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'utf8')
          .split('\0')
          .some((v) => v.startsWith(`DUBAN_OUT_DIR=${builds}/`));
      } catch {
        return false;
      }
    })
    .map(Number);
}

const taskPath = (repo: string) => join(repo, 'tasks', `${TASK}.md`);

function push(editor: string, message: string): void {
  git(editor, 'add', '-A');
  git(editor, 'commit', '-q', '-m', message);
  git(editor, 'push', '-q', 'origin', 'main');
}

async function hook(server: TestServer): Promise<Response> {
  const body = JSON.stringify({ ref: 'refs/heads/main', commits: [{ message: '更新任务' }] });
  const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
  return fetch(`${server.url}/hooks/rebuild`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signature }, body });
}

interface Health {
  build: { asOf: string; builtAt: string };
  rebuild: {
    running: unknown;
    queued: unknown;
    lastSuccess: { trigger: string; asOf: string; at: string } | null;
    lastFailure: { trigger: string; problem: string } | null;
    daily: { at: string; next: string };
  };
}
const health = async (server: TestServer) => (await (await fetch(`${server.url}/healthz`)).json()) as Health;

async function settled(server: TestServer, after: (h: Health) => boolean): Promise<Health> {
  let last: Health | undefined;
  await expect
    .poll(
      async () => {
        last = await health(server);
        return !last.rebuild.running && !last.rebuild.queued && after(last);
      },
      { timeout: 120_000, intervals: [500] },
    )
    .toBe(true);
  return last!;
}

const badgeOf = async (server: TestServer) => {
  const html = await (await fetch(`${server.url}/tasks/${TASK}/`)).text();
  return { html, red: html.includes('红色·逾期'), yellow: html.includes('黄色·临期') };
};

test('the site rebuilds itself at midnight, survives a broken push, and takes the fix from the webhook', async () => {
  rmSync(work, { recursive: true, force: true });
  const origin = join(work, 'origin.git');
  const editor = join(work, 'editor');
  const served = join(work, 'served-content');
  mkdirSync(work, { recursive: true });
  git(work, 'init', '-q', '--bare', origin);
  git(work, 'clone', '-q', origin, editor);
  cpSync(join(root, 'content'), editor, { recursive: true });
  writeFileSync(taskPath(editor), taskFile('望澜实验小学食堂改造', DAY));
  push(editor, '初始内容');
  git(work, 'clone', '-q', origin, served);

  const env: NodeJS.ProcessEnv = {
    DUBAN_CONTENT_DIR: served,
    DUBAN_OUT_DIR: join(work, 'dist'),
    DUBAN_BUILDS_DIR: join(work, 'builds'),
    DUBAN_CACHE_DIR: join(work, 'cache'),
    DUBAN_AS_OF: '',
    REBUILD_HOOK_SECRET: SECRET,
    REBUILD_PULL: '1',
    REBUILD_DAILY_AT: '00:00',
  };
  // The operator's first build, for DAY.
  execFileSync(process.execPath, [join(root, 'scripts', 'build.ts')], { cwd: root, env: { ...process.env, ...env, DUBAN_BUILD_DAY: DAY }, stdio: 'pipe' });

  // The server's clock starts 15 seconds before midnight in China (it takes a few to start).
  const server = await startServer(4691, {
    ...env,
    NODE_OPTIONS: `--import ${join(root, 'test', 'fixtures', 'clock-at.mjs')}`,
    DUBAN_TEST_CLOCK: `${DAY}T23:59:45+08:00`,
  });
  try {
    const before = await health(server);
    expect(before.build.asOf).toBe(DAY);
    expect(before.rebuild.daily).toEqual({ at: '00:00', next: `${DAY}T16:00:00.000Z` });
    expect(await badgeOf(server)).toMatchObject({ yellow: true, red: false });

    // Across midnight and the switch, every request is answered from one build or the other.
    const failures: string[] = [];
    let asked = 0;
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        for (const path of [`/tasks/${TASK}/`, '/', '/messages/', '/pagefind/pagefind.js', '/healthz']) {
          const response = await fetch(`${server.url}${path}`);
          asked += 1;
          if (response.status !== 200) failures.push(`${path} ${response.status}`);
          await response.arrayBuffer();
        }
      }
    })();
    const afterMidnight = await settled(server, (h) => h.rebuild.lastSuccess?.trigger === 'daily');
    watching = false;
    await watcher;
    expect(failures).toEqual([]);
    expect(asked).toBeGreaterThan(20);
    expect(afterMidnight.build.asOf).toBe(NEXT_DAY);
    expect(afterMidnight.rebuild.lastSuccess).toMatchObject({ trigger: 'daily', asOf: NEXT_DAY });
    expect(afterMidnight.rebuild.daily.next).toBe(`${NEXT_DAY}T16:00:00.000Z`);
    expect(await badgeOf(server)).toMatchObject({ yellow: false, red: true });

    // An editor pushes a deadline the schema refuses: the old build stays, and the reason is public in /healthz.
    writeFileSync(taskPath(editor), taskFile('望澜实验小学食堂改造', '十二月底'));
    push(editor, '改截止日期');
    const refused = await hook(server);
    expect(refused.status).toBe(202);
    expect(await refused.json()).toMatchObject({ status: 'started' });
    const failed = await settled(server, (h) => h.rebuild.lastFailure !== null);
    expect(failed.rebuild.lastFailure).toMatchObject({ trigger: 'hook' });
    expect(failed.rebuild.lastFailure!.problem).toContain(TASK);
    expect(failed.rebuild.lastFailure!.problem).toContain('十二月底');
    expect(failed.rebuild.lastFailure!.problem).not.toContain(root);
    expect(failed.build.builtAt).toBe(afterMidnight.build.builtAt);
    const stillServed = await badgeOf(server);
    expect(stillServed).toMatchObject({ red: true });
    expect(stillServed.html).toContain('望澜实验小学食堂改造');
    expect(server.output()).toMatch(/重建网站失败（内容更新通知）：.*十二月底.*继续提供原来的构建/);

    // The fix, with a new title, pushed and announced: served, and the failure forgotten.
    writeFileSync(taskPath(editor), taskFile('望澜实验小学食堂及配套改造', DAY));
    push(editor, '修正截止日期');
    expect((await hook(server)).status).toBe(202);
    const fixed = await settled(server, (h) => h.rebuild.lastFailure === null && h.rebuild.lastSuccess?.trigger === 'hook');
    expect(fixed.build.asOf).toBe(NEXT_DAY);
    const renamed = await badgeOf(server);
    expect(renamed.html).toContain('望澜实验小学食堂及配套改造');
    expect(renamed.red).toBe(true);

    // Only the build served and the one before it are kept.
    expect(readdirSync(join(work, 'builds'))).toHaveLength(2);
    expect(readFileSync(join(served, 'tasks', `${TASK}.md`), 'utf8')).toContain('望澜实验小学食堂及配套改造');
  } finally {
    await server.kill('SIGTERM');
  }
});

test('the webhook refuses wrong secrets but never the right one; SIGTERM stops a rebuild under way and leaves nothing behind', async () => {
  const secretless = await startServer(4692, {});
  try {
    const off = await fetch(`${secretless.url}/hooks/rebuild`, { method: 'POST', headers: { Authorization: `Bearer ${SECRET}` } });
    expect(off.status).toBe(404);
    expect(((await off.json()) as { error: string }).error).toContain('REBUILD_HOOK_SECRET');
  } finally {
    await secretless.kill('SIGTERM');
  }
  const builds = join(root, 'node_modules', '.rebuild-e2e-stopped', 'builds');
  rmSync(builds, { recursive: true, force: true });
  mkdirSync(builds, { recursive: true });
  const server = await startServer(4693, { REBUILD_HOOK_SECRET: SECRET, DUBAN_BUILDS_DIR: builds });
  try {
    const body = '{"ref":"refs/heads/main"}';
    const wrongs: Record<string, string>[] = [
      { 'X-Hub-Signature-256': `sha256=${createHmac('sha256', 'not-the-secret').update(body).digest('hex')}` },
      // Typed with a full-width digit (the header's bytes, as they arrive).
      { 'X-Gitlab-Token': Buffer.from(SECRET.replace('0', '０')).toString('latin1') },
      { Authorization: `Bearer ${SECRET.slice(0, -1)}` },
      {},
    ];
    for (let i = 0; i < 12; i++) {
      const headers = wrongs[i % wrongs.length]!;
      const response = await fetch(`${server.url}/hooks/rebuild`, { method: 'POST', headers, body });
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(((await response.json()) as { error: string }).error).toMatch(/^密钥不对/);
    }
    // Reading it, or any method but POST, is refused before the page.
    const read = await fetch(`${server.url}/hooks/rebuild`);
    expect(read.status).toBe(405);
    expect(read.headers.get('allow')).toBe('POST, OPTIONS');
    expect((await health(server)).rebuild.running).toBeNull();

    // After a dozen wrong ones, the git host's signed call still gets through.
    const signed = await fetch(`${server.url}/hooks/rebuild`, {
      method: 'POST',
      headers: { 'X-Hub-Signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` },
      body,
    });
    expect(signed.status).toBe(202);
    expect((await health(server)).rebuild.running).toMatchObject({ trigger: 'hook' });
    // scripts/build.ts and the step it runs (astro build), both told to build into the folder.
    await expect.poll(() => buildProcesses(builds).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);

    // SIGTERM mid-build: the server stops at once, with the build and every step it started, and its folder gone.
    const exited = new Promise<number | null>((resolve) => server.process.once('exit', resolve));
    server.process.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect.poll(() => buildProcesses(builds), { timeout: 3000 }).toEqual([]);
    expect(readdirSync(builds)).toEqual([]);
    expect(server.output()).not.toContain(SECRET);
  } finally {
    await server.kill('SIGTERM');
  }
});
