import { expect, test } from '@playwright/test';
import { createRuntime } from '../../src/server/runtime';
import { applyAction } from '../../src/server/messages/commands/transition';
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
    for (const action of [
      { event: 'accept', role: 'dispatcher' },
      { event: 'assign', role: 'dispatcher', unit: 'songlin-town' },
      { event: 'urge', role: 'dispatcher' },
      { event: 'reply', role: 'handler', reply: '镇里已安排电工更换灯具，路灯已恢复照明。' },
      { event: 'approve', role: 'dispatcher' },
    ] as const)
      expect((await applyAction(runtime, number, action)).ok).toBe(true);
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
