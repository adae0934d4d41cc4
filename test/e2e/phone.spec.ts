/**
 * Issue 10, citizens on phones (the board's half): every page type at 390 × 844 and at 1280 wide, in
 * normal and 长辈模式, fits the window, and passes axe at 390 in 长辈模式 (a11y.spec.ts runs axe at desktop
 * width in the normal mode); tables become cards on a phone; the home page
 * puts 我要留言 and 查询进度 in the first screen and the red tasks before the charts; the header folds
 * its menu behind a button that needs no script; the list's heading, caption and empty state follow
 * the filter; a task whose only lateness is a milestone's says 节点逾期.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, PAGES_AT_PHONE_WIDTH, siteDir } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

interface Exported {
  asOf: string;
  tasks: { code: string; title: string; leadUnit: string; warning: string; status: string; deadline: string; warningReasons: string[] }[];
}
const { asOf, tasks } = JSON.parse(readFileSync(join(siteDir, 'data', 'tasks.json'), 'utf8')) as Exported;

const pages = PAGES_AT_PHONE_WIDTH;

async function open(page: Page, path: string): Promise<void> {
  if (path === 'first published message') {
    await page.goto('/messages/');
    path = (await page.locator('a[href^="/messages/LY"]').first().getAttribute('href'))!;
  }
  await page.goto(path);
  await page.waitForLoadState('networkidle');
}

/** The page does not scroll sideways, and no table cell is squeezed to a character or two a line. */
async function expectFits(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${where}: page wider than the window`).toBeLessThanOrEqual(innerWidth);
  // Squeezed: a cell's text set in three lines or more, in a column under three characters wide.
  const squeezed = await page.locator('main table').evaluateAll((tables: HTMLTableElement[]) =>
    tables.flatMap((table) =>
      [...table.querySelectorAll<HTMLElement>('tbody th, tbody td')]
        .filter((cell) => cell.offsetParent !== null && (cell.textContent ?? '').trim().length >= 3)
        .filter((cell) => {
          const text = document.createRange();
          text.selectNodeContents(cell);
          const lines = new Set([...text.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
          return lines >= 3 && text.getBoundingClientRect().width < 3 * parseFloat(getComputedStyle(cell).fontSize);
        })
        .map((cell) => `${table.caption?.textContent ?? 'table'}: ${(cell.textContent ?? '').trim().slice(0, 12)}`),
    ),
  );
  expect(squeezed, `${where}: cells too narrow to read`).toEqual([]);
  // A table wider than its frame must be scrollable from the keyboard.
  const stuck = await page.locator('main table').evaluateAll((tables: HTMLTableElement[]) =>
    tables
      .filter((t) => t.offsetParent !== null && t.parentElement!.scrollWidth > t.parentElement!.clientWidth + 1)
      .filter((t) => t.parentElement!.getAttribute('tabindex') !== '0')
      .map((t) => t.caption?.textContent ?? 'table'),
  );
  expect(stuck, `${where}: wide tables without a focusable frame`).toEqual([]);
}

for (const [name, path] of pages) {
  for (const viewport of [PHONE, DESKTOP]) {
    // Axe reads the DOM and the computed styles: a11y.spec.ts scans every page at desktop width in the normal
    // mode, here each page once more where it differs most, on a phone in 长辈模式.
    const phone = viewport === PHONE;
    test(`${name} at ${viewport.width} px fits the window, also in 长辈模式${phone ? ', and there has no axe violations' : ''}`, async ({ page }) => {
      // A full axe scan of a long page (the task list has 85 rows) can pass 30 s on a busy two-core machine.
      test.setTimeout(45_000);
      await page.setViewportSize(viewport);
      await open(page, path);
      await expectFits(page, `${name} at ${viewport.width}`);
      await page.getByLabel(/长辈模式/).check();
      await expectFits(page, `${name} at ${viewport.width} in 长辈模式`);
      if (phone) await expectNoAxeViolations(page);
    });
  }
}

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  test('the home page holds 我要留言 and 查询进度 in its first screen, and the red tasks come before the charts', async ({ page }) => {
    await page.goto('/');
    for (const elder of [false, true]) {
      if (elder) await page.getByLabel(/长辈模式/).check();
      for (const name of ['我要留言', '查询进度']) {
        const box = (await page.getByRole('link', { name, exact: true }).boundingBox())!;
        expect(box.y + box.height, `${name}${elder ? ' in 长辈模式' : ''}`).toBeLessThanOrEqual(PHONE.height);
      }
    }
    await expect(page.getByRole('link', { name: '我要留言', exact: true })).toHaveAttribute('href', '/messages/new');
    await expect(page.getByRole('link', { name: '查询进度', exact: true })).toHaveAttribute('href', '/messages/track');
    const red = (await page.locator('#red-heading').boundingBox())!;
    const chart = (await page.locator('chart-table').first().boundingBox())!;
    expect(red.y).toBeLessThan(chart.y);
  });

  test('the header takes under a quarter of the first screen and folds the menu behind 菜单', async ({ page }) => {
    await page.goto('/ranking/');
    const header = (await page.locator('header.site-header').boundingBox())!;
    expect(header.height).toBeLessThan(PHONE.height / 4);
    const nav = page.getByRole('navigation', { name: '主导航' });
    await expect(nav.getByRole('link', { name: '公示栏' })).toBeHidden();
    await nav.getByText('菜单').click();
    await nav.getByRole('link', { name: '公示栏' }).click();
    await expect(page).toHaveURL(/\/tasks\/$/);
  });

  test('tables are cards: the unit page, the ranking and the statistics stay a sensible length', async ({ page }) => {
    const heights: Record<string, number> = {};
    for (const path of ['/units/housing/', '/ranking/', '/messages/stats', '/tasks/']) {
      await page.goto(path);
      await expect(page.locator('main table.cards').first()).toBeVisible();
      expect(
        await page
          .locator('main table.cards thead')
          .first()
          .evaluate((h) => h.getBoundingClientRect().height),
      ).toBeLessThanOrEqual(1);
      heights[path] = await page.evaluate(() => document.documentElement.scrollHeight);
    }
    // Before: 5,067 / 12,943 / 9,632 / 18,700 px, with unit names one character a line.
    expect(heights['/units/housing/']).toBeLessThan(4_500);
    expect(heights['/ranking/']).toBeLessThan(9_000);
    expect(heights['/messages/stats']).toBeLessThan(9_000);
    expect(heights['/tasks/']).toBeLessThan(16_000);
  });

  test('a card says what each figure is, the colour in words first after the title', async ({ page }) => {
    await page.goto('/units/housing/');
    const card = page.locator('table.task-cards tbody tr').first();
    const parts = await card.locator('> *').evaluateAll((cells) =>
      cells
        .filter((c) => getComputedStyle(c).display !== 'none')
        .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top || a.getBoundingClientRect().left - b.getBoundingClientRect().left)
        .map((c) => c.className || c.getAttribute('data-label')),
    );
    expect(parts.slice(0, 2)).toEqual(['card-head', 'card-badge']);
    for (const label of ['牵头单位', '截止日期', '进度', '状态']) expect(parts).toContain(label);
  });
});

test.describe('the menu without JavaScript', () => {
  test.use({ viewport: PHONE, javaScriptEnabled: false });

  test('opens and leads on', async ({ page }) => {
    await page.goto('/about/');
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByText('菜单').click();
    await nav.getByRole('link', { name: '月排位' }).click();
    await expect(page).toHaveURL(/\/ranking\/$/);
  });
});

test.describe('the 公示栏 says what it shows', () => {
  const red = tasks.filter((t) => t.warning === 'red');

  test('filtered with JavaScript: one filter interface, and heading, summary and caption follow it', async ({ page }) => {
    await page.goto('/tasks/');
    await expect(page.locator('task-filter form')).toBeVisible();
    await expect(page.getByText('按台账、类别、牵头单位、状态或预警颜色筛选')).toBeHidden();
    await expect(page.getByText('排序：')).toBeHidden();

    const form = page.locator('task-filter form');
    await form.getByLabel('预警颜色').selectOption('red');
    await form.getByLabel('牵头单位').selectOption({ label: '望澜区住房和城乡建设局' });
    const expected = red.filter((t) => t.leadUnit === '望澜区住房和城乡建设局').length;
    expect(expected).toBeGreaterThan(0);
    // In the form's order: 台账, 任务类别, 牵头单位, 任务状态, 预警颜色.
    const title = '牵头单位：望澜区住房和城乡建设局；预警颜色：红色·逾期';
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page).toHaveTitle(new RegExp(`^${title} - `));
    await expect(page.locator('main caption')).toHaveText(`${title}（共 ${expected} 项，本页第 1–${expected} 项）`);
    await expect(page.locator('[data-list-summary]')).toHaveText(new RegExp(`^共 ${expected} 项：逾期 ${expected} 项，临期 0 项`));
    await expect(page.locator('main tbody tr')).toHaveCount(expected);

    // Finished work is never red: nothing matches, and the page says so and offers a way back.
    await form.getByLabel('任务状态').selectOption('signed_off');
    await expect(page.getByText('没有符合条件的任务。')).toBeVisible();
    await expect(page.locator('main table')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('牵头单位：望澜区住房和城乡建设局；任务状态：已销号；预警颜色：红色·逾期');
    await expect(page.locator('[data-list-summary]')).toHaveText('共 0 项');
    await expect(page.getByRole('status')).toHaveText(`符合条件的任务 0 / ${tasks.length} 项`);
    await page.getByRole('link', { name: '清除筛选，查看全部任务' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('公示栏：全部重点任务');
    await expect(page.locator('main caption')).toHaveText(`公示栏：全部重点任务（共 ${tasks.length} 项，本页第 1–${tasks.length} 项）`);
  });

  test('clearing the filters in place brings back the words of the full list', async ({ page }) => {
    await page.goto('/tasks/?warning=red');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('预警颜色：红色·逾期');
    await page.locator('task-filter form').getByLabel('预警颜色').selectOption('');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('公示栏：全部重点任务');
    await expect(page.locator('[data-list-summary]')).toHaveText(new RegExp(`^共 ${tasks.length} 项：逾期 ${red.length} 项`));
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('a filter page is titled and captioned by its filter', async ({ page }) => {
      await page.goto('/tasks/warning/red/');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('预警颜色：红色·逾期');
      await expect(page.locator('main caption')).toHaveText(`预警颜色：红色·逾期（共 ${red.length} 项，本页第 1–${red.length} 项）`);
    });
  });
});

test('a task whose own deadline is ahead but a milestone is late says 节点逾期 and names the milestone', async ({ page }) => {
  const late = tasks.find((t) => t.warning === 'red' && t.deadline > asOf && /^「.+」节点/.test(t.warningReasons[0]!))!;
  const milestone = late.warningReasons[0]!.match(/^「(.+?)」/)![1]!;
  await page.goto(`/tasks/${late.code}/`);
  const state = page.getByRole('region', { name: '当前状态' });
  await expect(state.locator('.badge').first()).toHaveText('红色·节点逾期');
  await expect(state.locator('.badge-detail')).toContainText(`「${milestone}」`);
  await expect(state.getByText('红色·逾期', { exact: true })).toHaveCount(0);

  const overdue = tasks.find((t) => t.warning === 'red' && t.deadline < asOf && t.status !== 'signed_off')!;
  await page.goto(`/tasks/${overdue.code}/`);
  await expect(page.getByRole('region', { name: '当前状态' }).locator('.badge').first()).toHaveText('红色·逾期');

  // The list's cards and the combined filter's rows say the same.
  await page.goto(`/tasks/?warning=red`);
  await expect(page.locator('main tbody tr').filter({ hasText: late.title }).locator('.badge').first()).toHaveText('红色·节点逾期');
});

test.describe('details', () => {
  test('the ALTCHA box is a square, not a tall rectangle', async ({ page }) => {
    await page.goto('/messages/new');
    const box = (await page.locator('altcha-widget input[type="checkbox"]').boundingBox())!;
    expect(Math.abs(box.width - box.height)).toBeLessThanOrEqual(2);
  });

  test('a short page keeps its footer at the bottom of the window', async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await page.goto('/no-such-page/');
    const footer = (await page.locator('footer.site-footer').boundingBox())!;
    expect(Math.round(footer.y + footer.height)).toBe(DESKTOP.height);
  });

  test('the ranking keeps its headings on one line and a gap between rank and 红榜', async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await page.goto('/ranking/');
    const lines = await page.locator('.ranking-cards thead th').evaluateAll((ths) =>
      ths.map((th) => {
        const style = getComputedStyle(th);
        const text = th.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        return Math.round(text / parseFloat(style.lineHeight));
      }),
    );
    expect(Math.max(...lines)).toBe(1);
    const badge = page.locator('.rank-badge').first();
    const gap = await badge.evaluate((b) => parseFloat(getComputedStyle(b).marginLeft));
    expect(gap).toBeGreaterThanOrEqual(4);
  });

  test('a figure card sets its share on a line of its own, not wrapped there by chance', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto('/');
    const card = page.locator('.figures li').nth(1);
    await expect(card.locator('strong')).toHaveText(/^\d+ \/ \d+ 项（\d+\.\d%）$/);
    const [count, share] = await card.locator('strong').evaluate((s) => {
      const range = document.createRange();
      range.selectNodeContents(s.firstChild!);
      return [range.getClientRects().length, s.querySelector('.share')!.getClientRects().length];
    });
    expect([count, share]).toEqual([1, 1]);
  });

  test('charts grow with 长辈模式', async ({ page }) => {
    await page.goto('/messages/stats');
    const chart = page.locator('chart-table canvas').first();
    await page.locator('chart-table').first().scrollIntoViewIfNeeded();
    await expect(chart).toBeVisible();
    const before = (await chart.boundingBox())!.height;
    await page.getByLabel(/长辈模式/).check();
    await expect.poll(async () => (await chart.boundingBox())!.height).toBeGreaterThan(before * 1.15);
  });

  test('/admin/ on the demo explains in Chinese what to set, instead of the CMS stopping on an English error', async ({ page }) => {
    await page.goto('/admin/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('内容管理尚未配置');
    await expect(page.getByText('repo（仓库，owner/name）')).toBeVisible();
    await expect(page.getByText('npm run cms').first()).toBeVisible();
  });
});
