/**
 * 督办记录 as the public reads them, on the demo district as of 2026-11-23: the list and its filters without
 * JavaScript, a record's report limit counted across the National Day holiday, a late report, the 回头看 that
 * turns a signed-off task red again, the reminders not yet sent, the links with bulletins both ways, search,
 * the feed and the open data (src/lib/supervision/, src/pages/supervision/).
 */
import { expect, test } from '@playwright/test';
import { expectHeadingsInOrder } from './helpers';

interface ExportedRecord {
  id: string;
  number: string;
  title: string;
  kind: string;
  status: string;
  statusLabel: string;
  reportDue: string | null;
  workingDaysLate: number;
  pendingUnits: string[];
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the list filters by status, kind, unit and month through plain links, each with its count', async ({ page, request }) => {
    const { records } = (await (await request.get('/data/supervision.json')).json()) as { records: ExportedRecord[] };
    const overdue = records.filter((r) => r.status === 'overdue');
    expect(overdue.length).toBeGreaterThan(0);

    await page.goto('/supervision/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('督办记录');
    await page.getByText('按督办类型、办理状态、承办单位或下发月份筛选').click();
    const byStatus = page.getByRole('navigation', { name: '按办理状态筛选' });
    await expect(byStatus.getByRole('listitem').filter({ hasText: '逾期未反馈' })).toContainText(`(${overdue.length})`);
    await byStatus.getByRole('link', { name: '逾期未反馈' }).click();
    await expect(page).toHaveURL(/\/supervision\/status\/overdue\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('督办记录：办理状态「逾期未反馈」');
    const rows = page.locator('main table tbody tr');
    await expect(rows).toHaveCount(overdue.length);
    for (const r of overdue) await expect(page.getByRole('link', { name: r.title })).toBeVisible();

    await page.goto('/supervision/kind/recheck/');
    await expect(rows).toHaveCount(records.filter((r) => r.kind === 'recheck').length);
    await page.goto('/supervision/month/2026-09/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('督办记录：下发月份「2026年9月」');
  });
});

test('a record shows its report limit counted across the holidays, and a report that came 3 working days late', async ({ page }) => {
  await page.goto('/supervision/s-2026-003/');
  await expectHeadingsInOrder(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('关于打通城区断头路任务逾期风险的督办单');
  const status = page.getByRole('region', { name: '办理状态' });
  await expect(status).toContainText('已反馈·晚 3 个工作日');
  await expect(status).toContainText('望澜区交通运输局于 2026-10-13 反馈，超过反馈期限 3 个工作日');
  await expect(status).toContainText('反馈期限：2026年10月9日（星期五）24 时前');
  await status.getByText('这个日期是怎样算出来的').click();
  // Issued on Thursday 24 September: 中秋 (25–27 September) and 国庆 (1–7 October) are not counted.
  await expect(status).toContainText('跳过的 10 天');
  await expect(status).toContainText('2026-10-01 国庆节假期');
  await expect(page.getByRole('region', { name: '单位反馈' })).toContainText('望澜区交通运输局（超过反馈期限 3 个工作日）');
});

test('a 回头看 that finds the problem back turns the signed-off task red again, and each page leads to the other', async ({ page }) => {
  await page.goto('/tasks/XC-2026-003/');
  const state = page.getByRole('region', { name: '当前状态' });
  await expect(state).toContainText('红色·回头看发现问题反弹');
  await expect(state).toContainText('状态：已销号');
  await expect(state).toContainText('回头看（回头看〔2026〕第3号，2026-11-10）发现问题反弹');
  const records = page.getByRole('region', { name: '督办记录' });
  await records.getByRole('link', { name: '回头看〔2026〕第3号' }).click();
  await expect(page.getByRole('heading', { name: '回头看结论：问题反弹' })).toBeVisible();
  await expect(page.getByText('任务已重新显示红色预警')).toBeVisible();
  await page
    .getByRole('link', { name: /XC-2026-003/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/tasks\/XC-2026-003\/$/);

  // A 回头看 that found the result held leaves its task finished.
  await page.goto('/tasks/ND-2026-009-03/');
  await expect(page.getByRole('region', { name: '当前状态' })).not.toContainText('红色');
  await expect(page.getByRole('region', { name: '督办记录' })).toContainText('回头看〔2026〕第2号');
});

test('the reminders due list every task near its date, with the reminder sent or 尚未发出', async ({ page }) => {
  await page.goto('/supervision/reminders/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('应发工作提示');
  const row = (code: string) => page.locator('main table tbody tr').filter({ hasText: code });
  await expect(row('MS-2026-005-02')).toContainText('已发：督办提示〔2026〕第21号（2026-11-16）');
  await expect(row('MS-2026-003-02')).toContainText('尚未发出');
  const unsent = await page.locator('main table tbody tr').filter({ hasText: '尚未发出' }).count();
  await expect(page.locator('.lede')).toContainText(`尚有 ${unsent} 项未发出`);
  await row('MS-2026-005-02')
    .getByRole('link', { name: /督办提示〔2026〕第21号/ })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('关于松林镇集中供水工程临近截止日期的工作提示');
});

test('a bulletin lists the records it names, and each record links back to the bulletin', async ({ page }) => {
  await page.goto('/bulletins/db-2026-10/');
  const related = page.locator('.related');
  await expect(related.getByRole('heading', { name: '相关督办' })).toBeVisible();
  await related.getByRole('link', { name: /督办〔2026〕第12号/ }).click();
  await expect(page).toHaveURL(/\/supervision\/s-2026-007\/$/);
  await expect(page.getByRole('region', { name: '办理状态' })).toContainText('逾期未反馈');
  await page.getByRole('link', { name: /督查通报〔2026〕第10期/ }).click();
  await expect(page).toHaveURL(/\/bulletins\/db-2026-10\/$/);
});

test('the home page counts the records by status, and a unit page lists the records it must answer', async ({ page, request }) => {
  const { records } = (await (await request.get('/data/supervision.json')).json()) as { records: ExportedRecord[] };
  await page.goto('/');
  const section = page.getByRole('region', { name: '督办记录' });
  await expect(section).toContainText(`逾期未反馈 ${records.filter((r) => r.status === 'overdue').length} 件`);
  await expect(section).toContainText(`待反馈 ${records.filter((r) => r.status === 'awaiting').length} 件`);
  await section.getByRole('link', { name: '待反馈' }).click();
  await expect(page).toHaveURL(/\/supervision\/status\/awaiting\/$/);

  await page.goto('/units/data-bureau/');
  await expect(page.getByRole('table', { name: /承办的督办记录（2 件，其中逾期未反馈 1 件）/ })).toBeVisible();
});

test('search finds a record by its words, and filters it by type', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('城市运行指标接入'));
  await expect(page.getByRole('status')).toContainText('找到');
  await page.getByLabel('类型').selectOption('督办记录');
  await expect(page.locator('[data-results] a').first()).toHaveAttribute('href', /\/supervision\/s-2026-0\d\d\/?$/);
  for (const href of await page.locator('[data-results] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(href).toMatch(/\/supervision\//);
});

test('the feed and the open data carry every record with the status the pages show', async ({ request }) => {
  const feed = await (await request.get('/supervision/feed.rss')).text();
  const { records, asOf } = (await (await request.get('/data/supervision.json')).json()) as { records: ExportedRecord[]; asOf: string };
  expect(asOf).toBe('2026-11-23');
  expect(records.length).toBeGreaterThanOrEqual(20);
  for (const r of records) expect(feed).toContain(`/supervision/${r.id}/`);
  const late = records.find((r) => r.id === 's-2026-003')!;
  expect(late).toMatchObject({ status: 'reported', statusLabel: '已反馈', reportDue: '2026-10-09', workingDaysLate: 3 });
  const csv = await (await request.get('/data/supervision.csv')).text();
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.split('\r\n')[0]).toContain('督办文号');
  expect(csv).toContain('督办〔2026〕第10号');
});
