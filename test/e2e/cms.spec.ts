/**
 * An editor writes a bulletin in the CMS (Decap, against the local proxy), saves it, the site is
 * rebuilt, and the bulletin is on /bulletins/ and in search. Works on a copy of the content, with its
 * own proxy, build and server, so the repository's content is never touched.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { execFile } from 'node:child_process';
import { expect, test } from '@playwright/test';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const PROXY_PORT = 8093;
const SITE_PORT = 4393;

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

let work: string;
const processes: ChildProcess[] = [];

async function buildAndServe(): Promise<void> {
  const env = {
    ...process.env,
    DUBAN_CONTENT_DIR: join(work, 'content'),
    DUBAN_OUT_DIR: join(work, 'out'),
    DUBAN_CACHE_DIR: join(work, 'cache'),
    DUBAN_CMS_REPO_DIR: work,
    DUBAN_CMS_PROXY_URL: `http://localhost:${PROXY_PORT}/api/v1`,
    DUBAN_AS_OF: '2026-11-23',
  };
  // Every step of `npm run build`: Astro, the search index, precompression.
  await run(bin('node'), [join(root, 'scripts', 'build.ts')], { cwd: root, env, maxBuffer: 64 * 1024 * 1024 });
  // The last build's server lets go of the port before the next one starts.
  await Promise.all(processes.splice(1).map((p) => (p.exitCode === null ? new Promise((exited) => p.once('exit', exited).kill()) : undefined)));
  // As `npm run serve` runs it, behind the front door: the CMS under its own Content-Security-Policy (decision 020).
  const server = spawn(bin('node'), [join(root, 'scripts', 'serve.ts')], {
    cwd: root,
    env: { ...env, PORT: String(SITE_PORT), HOST: 'localhost', DATA_DIR: join(work, 'data'), ACCESS_LOG: '0' },
  });
  processes.push(server);
  await expect
    .poll(
      () =>
        fetch(`http://localhost:${SITE_PORT}/`).then(
          (r) => r.ok,
          () => false,
        ),
      { timeout: 20_000 },
    )
    .toBe(true);
}

test.beforeAll(async () => {
  work = await mkdtemp(join(root, 'node_modules', '.duban-cms-'));
  await cp(join(root, 'content'), join(work, 'content'), { recursive: true });
  processes.push(
    spawn(bin('decap-server'), [], { env: { ...process.env, PORT: String(PROXY_PORT), BIND_HOST: '127.0.0.1', MODE: 'fs', GIT_REPO_DIRECTORY: work } }),
  );
  await buildAndServe();
});

test.afterAll(async () => {
  for (const p of processes) p.kill();
  await rm(work, { recursive: true, force: true });
});

test('an editor writes a bulletin, a progress update and a unit’s report on a supervision order in the CMS and, after a rebuild, the public finds them', async ({
  page,
}) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) blocked.push(message.text());
  });
  await page.goto(`http://localhost:${SITE_PORT}/admin/`);
  expect(String((await page.request.get(`http://localhost:${SITE_PORT}/admin/`)).headers()['content-security-policy'])).toContain(
    `connect-src 'self' http://localhost:${PROXY_PORT}`,
  );
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('link', { name: '督查通报' }).first()).toBeVisible();
  await page.getByText('＋ 督查通报').click();
  await page.getByLabel('通报文号').fill('督查通报〔2026〕第14期');
  await page.getByLabel('通报标题').fill('冬季供暖保障专项督查情况通报');
  await page.getByLabel('通报类型').click();
  await page.getByText('专项督查', { exact: true }).click();
  await page.getByLabel('发布日期').fill('2026-11-20');
  await page.getByLabel('发文单位').fill('望澜区重点工作推进办公室（区委督查室）');
  await page.locator('[contenteditable="true"]').first().click();
  await page.keyboard.type('各街镇：近期对冬季供暖保障工作开展了专项督查，现将情况通报如下。');
  await page.getByRole('button', { name: '发布' }).click();
  await page.getByText('立即发布').click();
  await expect(page.getByText('已发布')).toBeVisible();

  const written = (await readdir(join(work, 'content', 'bulletins'))).filter((f) => f.startsWith('b-'));
  expect(written).toHaveLength(1);
  const file = await readFile(join(work, 'content', 'bulletins', written[0]!), 'utf8');
  expect(file).toContain('kind: special-inspection');

  // A progress update (推进动态) added to an existing task.
  await page.getByRole('link', { name: /正在集合/ }).click();
  await page.getByRole('link', { name: '重点任务（含推进动态）' }).first().click();
  await page.getByText('ND-2026-001-01　澜溪街道片区加装电梯 36 部').click();
  // Wait, as an editor would, until the form shows the task's current values (relations load last).
  await expect(page.getByText('年度重点工作台账')).toBeVisible();
  await expect(page.getByText('民生改善')).toBeVisible();
  const inputIds = () => page.locator('input, textarea').evaluateAll((els) => els.map((e) => e.id));
  const before = new Set(await inputIds());
  await page.getByRole('button', { name: '新增推进动态' }).click();
  const added = (await inputIds()).filter((id) => !before.has(id));
  const field = (name: string) => page.locator(`[id="${added.find((id) => id.startsWith(`${name}-field`))}"]`);
  await field('date').fill('2026-11-22');
  await field('progress').fill('70');
  await field('text').fill('完成本周入户协调，新增签约楼栋 3 个。');
  await page.getByRole('button', { name: '发布' }).click();
  await page.getByText('立即发布').click();
  await expect(page.getByText('已发布')).toBeVisible();

  // A unit's report (反馈) added to a supervision order, within its limit (issued 19 November, 5 working days).
  await page.getByRole('link', { name: /正在集合/ }).click();
  await page
    .getByRole('link', { name: /督办记录/ })
    .first()
    .click();
  await page.getByText(/督办〔2026〕第16号/).click();
  await expect(page.getByText('望澜区城市管理局')).toBeVisible();
  const beforeReport = new Set(await inputIds());
  await page.getByRole('button', { name: '新增单位反馈' }).click();
  const reportIds = (await inputIds()).filter((id) => !beforeReport.has(id));
  const reportField = (name: string) => page.locator(`[id="${reportIds.find((id) => id.startsWith(`${name}-field`))}"]`);
  await reportField('unit').fill('城市管理');
  await page.getByRole('option', { name: /望澜区城市管理局/ }).click();
  await reportField('date').fill('2026-11-23');
  await reportField('text').fill('三处回潮点位已全部清理，实行早中晚错时巡查，商户签订门前责任书。');
  await page.getByRole('button', { name: '发布' }).click();
  await page.getByText('立即发布').click();
  await expect(page.getByText('已发布')).toBeVisible();
  expect(blocked, 'Decap ran under the CMS policy without anything blocked').toEqual([]);

  await buildAndServe();
  await page.goto(`http://localhost:${SITE_PORT}/tasks/ND-2026-001-01/`);
  await expect(page.getByText('完成本周入户协调，新增签约楼栋 3 个。')).toBeVisible();
  await expect(page.locator('.timeline li').filter({ hasText: '完成本周入户协调' })).toContainText('2026-11-22　进度 70%');
  await page.goto(`http://localhost:${SITE_PORT}/supervision/s-2026-021/`);
  await expect(page.getByRole('region', { name: '办理状态' })).toContainText('已于 2026-11-23 按期反馈');
  await expect(page.getByRole('region', { name: '单位反馈' })).toContainText('三处回潮点位已全部清理');
  await page.goto(`http://localhost:${SITE_PORT}/bulletins/`);
  await page.getByRole('link', { name: '冬季供暖保障专项督查情况通报' }).click();
  await expect(page.getByText('督查通报〔2026〕第14期').first()).toBeVisible();
  await page.goto(`http://localhost:${SITE_PORT}/search/?q=${encodeURIComponent('供暖')}`);
  await expect(page.locator('[data-results] a').first()).toHaveText('冬季供暖保障专项督查情况通报');
});
