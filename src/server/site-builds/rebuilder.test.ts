import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Rebuilder, type RebuilderParts, type StepOutcome } from './rebuilder.ts';
import { buildsDirProblem } from './folders.ts';

let buildsDir: string;
beforeEach(() => {
  buildsDir = mkdtempSync(join(tmpdir(), 'duban-rebuilds-'));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(buildsDir, { recursive: true, force: true });
});

/** A build that writes its folder and waits until `finish` is called (or finishes at once). */
function fakeParts(overrides: Partial<RebuilderParts> = {}) {
  const built: { dir: string; day: string }[] = [];
  const activated: string[] = [];
  const lines: string[] = [];
  let release: (() => void) | null = null;
  let hold = false;
  const parts: RebuilderParts = {
    buildsDir,
    serving: '/srv/duban/dist',
    build: async (dir, day, signal) => {
      mkdirSync(dir, { recursive: true });
      built.push({ dir, day });
      if (hold)
        await new Promise<void>((resolve) => {
          release = resolve;
          signal.addEventListener('abort', () => resolve());
        });
      return { ok: true };
    },
    activate: async (dir) => {
      activated.push(dir);
      return { asOf: '2026-11-29' };
    },
    log: (line) => lines.push(line),
    warn: (line) => lines.push(line),
    ...overrides,
  };
  return {
    parts,
    built,
    activated,
    lines,
    holdBuilds: () => (hold = true),
    finishBuild: () => release?.(),
  };
}

describe('the server rebuilding its site', () => {
  it('builds into a new folder named by the time and the trigger, then switches to it', async () => {
    const now = new Date('2026-11-29T16:01:05Z'); // 00:01:05 on 30 November in China
    const { parts, built, activated, lines } = fakeParts({ now: () => now });
    const rebuilder = new Rebuilder(parts);
    expect(rebuilder.request('daily')).toBe('started');
    await rebuilder.idle();
    expect(built).toEqual([{ dir: join(buildsDir, '20261130-000105-daily'), day: '2026-11-30' }]);
    expect(activated).toEqual([join(buildsDir, '20261130-000105-daily')]);
    expect(rebuilder.status()).toMatchObject({ running: null, queued: null, lastFailure: null, lastSuccess: { trigger: 'daily', asOf: '2026-11-29' } });
    expect(lines.at(-1)).toMatch(/^网站已换用新构建 20261130-000105-daily（数据截至 2026-11-29，用时 0 秒）$/);
  });

  it('runs one rebuild at a time and queues one more, however many are asked for', async () => {
    let clock = Date.parse('2026-11-29T02:00:00Z');
    const { parts, built, holdBuilds, finishBuild } = fakeParts({ now: () => new Date((clock += 1000)) });
    holdBuilds();
    const rebuilder = new Rebuilder(parts);
    expect(rebuilder.request('hook')).toBe('started');
    expect(rebuilder.request('hook')).toBe('queued');
    expect(rebuilder.request('signal')).toBe('queued');
    expect(rebuilder.status()).toMatchObject({ running: { trigger: 'hook' }, queued: 'hook' });
    await vi.waitFor(() => expect(built).toHaveLength(1));
    finishBuild();
    await vi.waitFor(() => expect(built).toHaveLength(2));
    finishBuild();
    await rebuilder.idle();
    expect(built).toHaveLength(2);
    expect(rebuilder.status().queued).toBeNull();
  });

  it('keeps the build being served and the one before it, and removes older rebuilds', async () => {
    let clock = Date.parse('2026-11-29T02:00:00Z');
    const { parts } = fakeParts({ now: () => new Date((clock += 60_000)) });
    const rebuilder = new Rebuilder(parts);
    for (let i = 0; i < 4; i++) {
      rebuilder.request('hook');
      await rebuilder.idle();
    }
    // The clock is read at the start and the end of each: the four rebuilds started at 10:01, 10:03, 10:05 and 10:07.
    expect(readdirSync(buildsDir)).toEqual(['20261129-100500-hook', '20261129-100700-hook']);
  });

  it('keeps serving the old build when the build fails, says why, and forgets the failure after a success', async () => {
    const failing: StepOutcome = { ok: false, problem: '内容文件有 1 处错误', output: ['字段 leadUnit：找不到单位「nosuchunit」'] };
    let outcome: StepOutcome = failing;
    const { parts, activated, lines } = fakeParts();
    const build = parts.build;
    parts.build = async (dir, day, signal) => {
      await build(dir, day, signal);
      return outcome;
    };
    const rebuilder = new Rebuilder(parts);
    rebuilder.request('hook');
    await rebuilder.idle();
    expect(activated).toEqual([]);
    expect(readdirSync(buildsDir)).toEqual([]);
    expect(rebuilder.status().lastFailure).toMatchObject({ trigger: 'hook', problem: '内容文件有 1 处错误' });
    expect(lines).toContain('构建输出（最后 1 行）：\n字段 leadUnit：找不到单位「nosuchunit」');
    expect(lines.at(-1)).toBe('重建网站失败（内容更新通知）：内容文件有 1 处错误。继续提供原来的构建 dist。');
    outcome = { ok: true };
    rebuilder.request('hook');
    await rebuilder.idle();
    expect(activated).toHaveLength(1);
    expect(rebuilder.status().lastFailure).toBeNull();
  });

  it('does not switch to a build that cannot be loaded, and keeps the why for the log', async () => {
    const { parts, lines } = fakeParts({
      activate: () => Promise.reject(new Error("Cannot find module '/srv/duban/builds/x/server/chunks/a.mjs'")),
    });
    const rebuilder = new Rebuilder(parts);
    rebuilder.request('signal');
    await rebuilder.idle();
    expect(rebuilder.status().lastFailure?.problem).toBe('新构建无法加载（详见服务器日志）');
    expect(lines.join('\n')).toContain("Cannot find module '/srv/duban/builds/x/server/chunks/a.mjs'");
    expect(readdirSync(buildsDir)).toEqual([]);
  });

  it('survives a part that throws: the failure is recorded and the next rebuild runs', async () => {
    let throwing = true;
    const { parts, activated } = fakeParts();
    const build = parts.build;
    parts.build = async (dir, day, signal) => {
      if (throwing) throw new Error('EACCES: permission denied, mkdir');
      return build(dir, day, signal);
    };
    const rebuilder = new Rebuilder(parts);
    rebuilder.request('hook');
    await rebuilder.idle();
    expect(rebuilder.status().lastFailure?.problem).toBe('重建时出错（详见服务器日志）');
    throwing = false;
    expect(rebuilder.request('hook')).toBe('started');
    await rebuilder.idle();
    expect(activated).toHaveLength(1);
  });

  it('shows the reason without the machine’s folders', async () => {
    const { parts } = fakeParts({
      privateDirs: ['/srv/duban', '/srv/content'],
      build: async () => ({ ok: false, problem: '[InvalidContentEntryDataError] /srv/content/tasks/MS-2026-001.md 在 /home/ops/x 中' }),
    });
    const rebuilder = new Rebuilder(parts);
    rebuilder.request('hook');
    await rebuilder.idle();
    expect(rebuilder.status().lastFailure?.problem).toBe('[InvalidContentEntryDataError] tasks/MS-2026-001.md 在 … 中');
  });

  it('builds the day from the content already here when the daily pull fails, and says so', async () => {
    const { parts, built } = fakeParts({ pull: async () => ({ ok: false, problem: 'fatal: unable to access: Could not resolve host' }) });
    const rebuilder = new Rebuilder(parts);
    rebuilder.request('daily');
    await rebuilder.idle();
    expect(built).toHaveLength(1);
    expect(rebuilder.status().lastSuccess?.trigger).toBe('daily');
    expect(rebuilder.status().lastFailure?.problem).toBe('拉取内容失败，已用本机现有内容重建：fatal: unable to access: Could not resolve host');
    await rebuilder.stop();
  });

  it('tries a failed daily rebuild again, waiting longer each time, until one succeeds', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-29T16:01:00Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    let failures = 3;
    const { parts, built } = fakeParts({ retryAfterMs: 60_000 });
    const build = parts.build;
    parts.build = async (dir, day, signal) => {
      await build(dir, day, signal);
      return failures-- > 0 ? { ok: false, problem: 'Killed' } : { ok: true };
    };
    const rebuilder = new Rebuilder(parts);
    rebuilder.request('daily');
    await vi.advanceTimersByTimeAsync(0);
    expect(built).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60_000); // the first wait: 1 minute
    expect(built).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(60_000); // then 2
    expect(built).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(built).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(4 * 60_000); // then 4
    expect(built).toHaveLength(4);
    expect(rebuilder.status().lastFailure).toBeNull();
    await vi.advanceTimersByTimeAsync(3 * 3_600_000); // and no more once one succeeded
    expect(built).toHaveLength(4);
    await rebuilder.stop();
  });

  it('does not build when the content cannot be pulled', async () => {
    const { parts, built } = fakeParts({ pull: async () => ({ ok: false, problem: 'fatal: Not possible to fast-forward, aborting.' }) });
    const rebuilder = new Rebuilder(parts);
    rebuilder.request('hook');
    await rebuilder.idle();
    expect(built).toEqual([]);
    expect(rebuilder.status().lastFailure?.problem).toBe('拉取内容失败：fatal: Not possible to fast-forward, aborting.');
  });

  it('rebuilds every day at the chosen time in China, for the new day', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-29T15:59:00Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { parts, built } = fakeParts();
    const rebuilder = new Rebuilder(parts);
    rebuilder.startDaily({ hour: 0, minute: 1 }, '00:01');
    expect(rebuilder.status().daily).toEqual({ at: '00:01', next: '2026-11-29T16:01:00.000Z' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(built).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.waitFor(() => expect(built.map((b) => b.day)).toEqual(['2026-11-30']));
    expect(basename(built[0]!.dir)).toBe('20261130-000100-daily');
    expect(rebuilder.status().daily?.next).toBe('2026-11-30T16:01:00.000Z');
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    await vi.waitFor(() => expect(built.map((b) => b.day)).toEqual(['2026-11-30', '2026-12-01']));
    await rebuilder.stop();
  });

  it('stops a rebuild under way at shutdown, removes its folder and takes no more', async () => {
    const { parts, built, activated, holdBuilds } = fakeParts();
    holdBuilds();
    const rebuilder = new Rebuilder(parts);
    rebuilder.request('hook');
    await vi.waitFor(() => expect(built).toHaveLength(1));
    await rebuilder.stop();
    expect(activated).toEqual([]);
    expect(existsSync(built[0]!.dir)).toBe(false);
    expect(rebuilder.request('hook')).toBe('stopped');
  });
});

describe('the folders rebuilds go in', () => {
  const root = '/srv/duban';
  const places = { root, operatorDir: '/srv/duban/dist', dataDir: '/var/lib/duban' };

  it('takes a folder of their own inside the project', () => {
    expect(buildsDirProblem('/srv/duban/builds', places)).toBeNull();
    expect(buildsDirProblem('/srv/duban/var/builds', places)).toBeNull();
  });

  it('refuses the project, a folder above it, the build, the data, or a folder outside, naming it', () => {
    expect(buildsDirProblem('/srv/duban', places)).toEqual({ refuse: true, message: 'DUBAN_BUILDS_DIR（/srv/duban）不能是项目目录或其上级目录' });
    expect(buildsDirProblem('/srv', places)?.message).toMatch(/不能是项目目录或其上级目录/);
    expect(buildsDirProblem('/srv/duban/dist', places)?.message).toMatch(/不能与构建目录 \/srv\/duban\/dist 重叠/);
    expect(buildsDirProblem('/srv/duban/dist/builds', places)?.refuse).toBe(true);
    expect(buildsDirProblem('/var/lib/duban', places)?.message).toMatch(/不能与数据目录/);
    expect(buildsDirProblem('/srv/duban/data', { ...places, dataDir: '/srv/duban/data' })?.refuse).toBe(true);
    // Outside the project the site is served, but cannot be rebuilt.
    expect(buildsDirProblem('/tmp/builds', places)).toEqual({ refuse: false, message: 'DUBAN_BUILDS_DIR（/tmp/builds）应在项目目录 /srv/duban 之内' });
    expect(buildsDirProblem('/srv/duban-builds', places)?.refuse).toBe(false);
  });

  it('lists and removes only folders named as rebuilds, whatever else is there', async () => {
    for (const name of ['20261129-000105-daily', '20261130-000105-daily', 'notes', '20261129-keep', 'src']) mkdirSync(join(buildsDir, name));
    const { parts } = fakeParts({ now: () => new Date('2026-12-01T02:00:00Z') });
    const rebuilder = new Rebuilder(parts);
    rebuilder.request('hook');
    await rebuilder.idle();
    expect(readdirSync(buildsDir).sort()).toEqual(['20261129-keep', '20261201-100000-hook', 'notes', 'src']);
  });
});
