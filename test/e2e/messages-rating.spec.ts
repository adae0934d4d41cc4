import { expect, test } from '@playwright/test';
import { createRuntime } from '../../src/server/runtime';
import { act } from '../../src/server/messages/commands/index';
import { DISPATCHER, handlerOf } from '../fixtures/actors';
import { solvedProof, startServer, type TestServer } from './spawn-server';

test.use({ javaScriptEnabled: false });
test.describe.configure({ mode: 'serial' });

let server: TestServer;
let number: string;
let code: string;

test.beforeAll(async () => {
  server = await startServer(4613);
  const response = await fetch(`${server.url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      service_code: 'help',
      'attribute[title]': '路灯不亮请修理',
      description: '松林镇下坝村村口的路灯坏了两周，晚上很黑。',
      phone: '13800000000',
      altcha: await solvedProof(server.url),
    }),
  });
  expect(response.status).toBe(201);
  const [created] = (await response.json()) as { service_request_id: string; query_code: string }[];
  number = created!.service_request_id;
  code = created!.query_code;
  const runtime = await createRuntime({ ...server.env });
  try {
    expect((await act(runtime, DISPATCHER, number, 'accept', {})).ok).toBe(true);
    expect((await act(runtime, DISPATCHER, number, 'assign', { unit: 'songlin-town' })).ok).toBe(true);
    expect((await act(runtime, DISPATCHER, number, 'urge', {})).ok).toBe(true);
    expect((await act(runtime, handlerOf('songlin-town'), number, 'reply', { reply: '镇里已安排电工更换灯具，路灯已恢复照明。' })).ok).toBe(true);
    expect((await act(runtime, DISPATCHER, number, 'approve', {})).ok).toBe(true);
  } finally {
    await runtime.stop();
  }
});

test.afterAll(async () => {
  await server.kill('SIGTERM');
});

test('without JavaScript, a citizen reads the reply to a closed message and rates it once', async ({ page }) => {
  await page.goto(`${server.url}/messages/track`);
  await page.getByLabel('留言编号').fill(number);
  await page.getByLabel('查询码').fill(code);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByText('已办结').first()).toBeVisible();
  await expect(page.getByText('已督办 ×1')).toBeVisible();
  await expect(page.getByText('镇里已安排电工更换灯具，路灯已恢复照明。')).toBeVisible();

  await page.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByRole('alert')).toContainText('请选择满意、基本满意或不满意');

  await page.getByLabel('基本满意').check();
  await page.getByLabel('评价意见（选填）').fill('修得快，希望以后定期检查。');
  await page.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByRole('status')).toContainText('感谢您的评价');
  await expect(page.getByRole('heading', { name: '群众评价' })).toBeVisible();
  await expect(page.getByText('修得快，希望以后定期检查。').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '提交评价' })).toHaveCount(0);
});

test('a 不满意 that led to reopening stays on the record: both ratings on the page and in the satisfaction figure', async () => {
  const response = await fetch(`${server.url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      service_code: 'complaint',
      'attribute[title]': '垃圾清运不及时',
      description: '松林镇集市旁的垃圾桶三天没有清运，气味很大。',
      phone: '13800000000',
      'attribute[consent]': 'yes',
      altcha: await solvedProof(server.url),
    }),
  });
  const created = ((await response.json()) as { service_request_id: string; query_code: string }[])[0]!;
  const runtime = await createRuntime({ ...server.env });
  const rateByForm = async (rating: string, comment: string) => {
    const answer = await fetch(`${server.url}/messages/rate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ number: created.service_request_id, code: created.query_code, rating, comment }),
    });
    expect(answer.status).toBe(200);
  };
  const satisfactionBefore = /满意率<strong>([^<]+)</.exec(await (await fetch(`${server.url}/messages/stats`)).text())![1]!;
  try {
    const n = created.service_request_id;
    const handler = handlerOf('songlin-town');
    for (const step of [
      () => act(runtime, DISPATCHER, n, 'accept', {}),
      () => act(runtime, DISPATCHER, n, 'assign', { unit: 'songlin-town' }),
      () => act(runtime, handler, n, 'reply', { reply: '已通知保洁公司清运。' }),
      () => act(runtime, DISPATCHER, n, 'approve', {}),
    ])
      expect((await step()).ok).toBe(true);
    await rateByForm('unsatisfied', '第二天又堆满了');
    for (const step of [
      () => act(runtime, DISPATCHER, n, 'reopen', {}),
      () => act(runtime, handler, n, 'reply', { reply: '已增加每日清运一次，并加设两个垃圾桶。' }),
      () => act(runtime, DISPATCHER, n, 'approve', {}),
      () => act(runtime, DISPATCHER, n, 'redact', {}),
      () => act(runtime, DISPATCHER, n, 'publish', {}),
    ])
      expect((await step()).ok).toBe(true);
    await rateByForm('satisfied', '现在干净了');
  } finally {
    await runtime.stop();
  }
  const page = await (await fetch(`${server.url}/messages/${created.service_request_id}/`)).text();
  expect(page).toContain('不满意</strong><span class="message-text">：第二天又堆满了');
  expect(page).toContain('满意</strong><span class="message-text">：现在干净了');
  const stats = await (await fetch(`${server.url}/messages/stats`)).text();
  const [, pleasedBefore, ratedBefore] = /^(\d+) \/ (\d+)/.exec(satisfactionBefore) ?? [null, '0', '0'];
  expect(stats).toContain(`满意率<strong>${Number(pleasedBefore) + 1} / ${Number(ratedBefore) + 2} 次`);
  expect(stats).toContain('每一次评价都计入');
});
