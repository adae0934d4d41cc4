import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The built site, as `npm run build:test` leaves it. */
export const siteDir = join(import.meta.dirname, '..', '..', 'dist', 'client');

export interface ExportedTask {
  code: string;
  title: string;
  warning: string;
  status: string;
  leadUnit: string;
  parent: string | null;
  deadline: string;
}

/** The open-data file of the build under test: the tests take their expectations from it. */
export function exportedTasks(): { asOf: string; count: number; tasks: ExportedTask[] } {
  return JSON.parse(readFileSync(join(siteDir, 'data', 'tasks.json'), 'utf8'));
}

/** axe-core (WCAG 2.1 A/AA and best practice) on the page as it stands: no violations, named by rule and element. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Legacy mode runs axe in the page itself instead of opening a blank page to gather the results: the same
  // verdicts on pages without cross-origin frames (ours have none), in half the time.
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .options({ resultTypes: ['violations'] })
    .analyze();
  expect(
    results.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    ),
  ).toEqual([]);
}

/** Headings start at h1 and never skip a level. */
export async function expectHeadingsInOrder(page: Page, where = ''): Promise<void> {
  const levels = await page.locator('h1, h2, h3, h4').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
  expect(levels[0], where).toBe(1);
  for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `${where} heading ${i}`).toBeLessThanOrEqual(1);
}

/** Tick the ALTCHA box on the message form and wait for the browser to finish the proof of work. */
export async function passProofOfWork(page: Page): Promise<void> {
  await page.locator('altcha-widget input[type="checkbox"]').click();
  await expect(page.locator('altcha-widget input[name="altcha"]')).not.toHaveValue('', { timeout: 20_000 });
}

const NUMERALS = '零一二三四五六七八九十';

/** Answer the no-script question the way a person would: read it, add, type the sum. */
export async function answerQuestion(page: Page): Promise<void> {
  const label = await page.getByLabel(/人机验证/).evaluate((input) => document.querySelector(`label[for="${input.id}"]`)!.textContent!);
  const [a, b] = label
    .replace(/^人机验证：/, '')
    .replace('等于多少？', '')
    .split('加')
    .map((n) => NUMERALS.indexOf(n.trim()));
  await page.getByLabel(/人机验证/).fill(String(a! + b!));
}

/**
 * One page of every type a citizen meets, checked at phone width (phone.spec.ts); the published message is
 * looked up on the board.
 */
export const PAGES_AT_PHONE_WIDTH: readonly (readonly [string, string])[] = [
  ['home', '/'],
  ['task list', '/tasks/'],
  ['task', '/tasks/ND-2026-001/'],
  ['units', '/units/'],
  ['unit', '/units/housing/'],
  ['ranking', '/ranking/'],
  ['exposure board', '/exposures/'],
  ['exposure', '/exposures/e-2026-007/'],
  ['bulletins', '/bulletins/'],
  ['bulletin', '/bulletins/db-2026-11/'],
  ['supervision record', '/supervision/s-2026-009/'],
  ['search', '/search/?q=%E7%94%B5%E6%A2%AF'],
  ['about', '/about/'],
  ['message board', '/messages/'],
  ['message form', '/messages/new'],
  ['message tracking', '/messages/track'],
  ['published message', 'first published message'],
  ['message statistics', '/messages/stats'],
  ['not found', '/no-such-page/'],
  ['CMS not set up', '/admin/'],
];
