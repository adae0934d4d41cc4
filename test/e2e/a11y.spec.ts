import { test } from '@playwright/test';
import { expectHeadingsInOrder, expectNoAxeViolations, exportedTasks, PAGES_AT_PHONE_WIDTH } from './helpers';

const { tasks } = exportedTasks();
const parent = tasks.find((t) => tasks.some((c) => c.parent === t.code))!;
const child = tasks.find((t) => t.parent !== null)!;
const done = tasks.find((t) => t.status === 'signed_off')!;

/** One page of every type the notice board has. */
const pages: readonly (readonly [string, string])[] = [
  ['home', '/'],
  ['task list', '/tasks/'],
  ['filtered list', '/tasks/warning/red/by-deadline/'],
  ['parent task', `/tasks/${parent.code}/`],
  ['sub-task', `/tasks/${child.code}/`],
  ['signed-off task', `/tasks/${done.code}/`],
  ['units', '/units/'],
  ['unit', '/units/housing/'],
  ['ranking', '/ranking/'],
  ['search with results', '/search/?q=%E7%94%B5%E6%A2%AF'],
  ['about', '/about/'],
  ['exposure board', '/exposures/'],
  ['filtered exposures', '/exposures/status/overdue/'],
  ['overdue case', '/exposures/e-2026-007/'],
  ['positive example', '/exposures/c-2026-001/'],
  ['bulletins', '/bulletins/'],
  ['bulletin with ranking', '/bulletins/db-2026-11/'],
  ['bulletin with attachment', '/bulletins/db-2026-10/'],
  ['supervision records', '/supervision/'],
  ['supervision record with a late report', '/supervision/s-2026-003/'],
  ['reminders due', '/supervision/reminders/'],
  ['message board', '/messages/'],
  ['message board search', '/messages/?q=%E7%94%B5%E6%A2%AF'],
  ['message form', '/messages/new?task=MS-2026-001'],
  ['message tracking', '/messages/track'],
  ['message statistics', '/messages/stats'],
  ['not found', '/no-such-page/'],
  ['CMS not set up', '/admin/'],
];

// 长辈模式 here only for pages phone.spec.ts does not scan in it at phone width.
const elderAtPhoneWidth = new Set(PAGES_AT_PHONE_WIDTH.map(([, path]) => path));
for (const [name, path] of pages) {
  for (const elder of elderAtPhoneWidth.has(path) ? [false] : [false, true]) {
    test(`${name} has no axe violations${elder ? ' in 长辈模式' : ''}`, async ({ page }) => {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      if (elder) await page.getByLabel(/长辈模式/).check();
      await expectNoAxeViolations(page);
    });
  }
}

test('headings run in order on every page type', async ({ page }) => {
  for (const [, path] of pages) {
    await page.goto(path);
    await expectHeadingsInOrder(page, path);
  }
});
