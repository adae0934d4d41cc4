/**
 * A deadline that runs past the holiday calendars on file: the citizen's tracking page says the date
 * cannot be fixed yet and why, and gives an estimate counted Monday to Friday, marked 暂定; the about
 * page of the test build (as of 2026-11-23, with only 2026 on file) says next year's calendar is missing.
 * The server here reads a copy of the content with no calendar file at all.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { addDays, today } from '../../src/lib/calendar/dates';
import { longDate } from '../../src/lib/format/numbers';
import { act } from '../../src/server/messages/commands/index';
import { createRuntime } from '../../src/server/runtime';
import { DISPATCHER } from '../fixtures/actors';
import { solvedProof, startServer, type TestServer } from './spawn-server';

test.describe.configure({ mode: 'serial' });
let server: TestServer;
const content = mkdtempSync(join(tmpdir(), 'duban-content-'));

test.beforeAll(async () => {
  cpSync(join(import.meta.dirname, '..', '..', 'content'), content, { recursive: true });
  rmSync(join(content, 'calendar'), { recursive: true });
  mkdirSync(join(content, 'calendar'));
  cpSync(join(import.meta.dirname, '..', 'fixtures'), join(content, 'calendar-none'), { recursive: true, filter: () => false });
  server = await startServer(4651, { DUBAN_CONTENT_DIR: content });
});

test.afterAll(async () => {
  await server?.kill('SIGTERM');
});

test('a time limit past the calendars on file shows 暂不能确定 and a provisional day counted Monday to Friday', async ({ page }) => {
  const response = await fetch(`${server.url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      service_code: 'complaint',
      'attribute[title]': '夜间施工噪声扰民',
      description: '滨江小区旁工地连续多天夜里十一点后仍在施工，影响休息。',
      phone: '13800002468',
      altcha: await solvedProof(server.url),
    }),
  });
  const [created] = (await response.json()) as { service_request_id: string; query_code: string }[];
  const runtime = await createRuntime({ ...server.env });
  try {
    await act(runtime, DISPATCHER, created!.service_request_id, 'accept', {});
    const assigned = await act(runtime, DISPATCHER, created!.service_request_id, 'assign', { unit: 'housing' });
    expect(assigned.ok, assigned.ok ? '' : assigned.message).toBe(true);
  } finally {
    await runtime.stop();
  }
  // 15 working days (a complaint) from today, counted Monday to Friday since no holidays are known.
  let estimate = today();
  for (let left = 15; left > 0;) {
    estimate = addDays(estimate, 1);
    if (![0, 6].includes(new Date(`${estimate}T00:00:00Z`).getUTCDay())) left -= 1;
  }
  await page.goto(`${server.url}/messages/track`);
  await page.getByLabel('留言编号').fill(created!.service_request_id);
  await page.getByLabel('查询码').fill(created!.query_code);
  await page.getByRole('button', { name: '查询' }).click();
  const note = page.locator('.panel', { hasText: '暂不能确定答复期限' });
  await expect(note).toContainText('节假日安排尚未录入本站');
  await expect(note).toContainText(`暂定：只扣除周末推算，约为 ${longDate(estimate)}`);
  await expect(note).toContainText('这不是正式期限');
});

test('the about page says next year’s holiday calendar is not on file yet', async ({ page }) => {
  await page.goto('/about/');
  await expect(page.getByText('2027 年的节假日安排尚未公布或尚未录入本站')).toBeVisible();
});
