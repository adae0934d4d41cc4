/**
 * A unit's handler in the console without JavaScript: saves an answer as a draft, comes back to it,
 * submits it, and after a send-back finds the answer that went back in the form; asks for an
 * extension, which the office finds in its 延期申请 queue and grants with the form prefilled, and the
 * citizen's tracking page shows the new deadline. Every error is named in the error summary; axe runs
 * on every new form, its errors and the queue (in a second, scripted window: axe needs JavaScript).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { addDays } from '../../src/lib/calendar/dates';
import { longDate } from '../../src/lib/format/numbers';
import { createRuntime } from '../../src/server/runtime';
import { changePassword, createAccount } from '../../src/server/auth/accounts';
import { act } from '../../src/server/messages/commands/index';
import { DISPATCHER } from '../fixtures/actors';
import { expectHeadingsInOrder, expectNoAxeViolations } from './helpers';
import { solvedProof, startServer, type TestServer } from './spawn-server';

test.describe.configure({ mode: 'serial' });
test.setTimeout(90_000);

const PASSWORD = '望澜区督办公开2026春';
let server: TestServer;

test.beforeAll(async () => {
  server = await startServer(4617);
  const runtime = await createRuntime({ ...server.env });
  try {
    for (const [login, name, role, unit] of [
      ['de-dispatcher', '王督办', 'dispatcher', undefined],
      ['de-water', '李承办', 'handler', 'water'],
    ] as const) {
      const created = await createAccount(runtime, { login, name, role, unit });
      if (!created.ok) throw new Error(created.message);
      await changePassword(runtime, created.account.id, PASSWORD);
    }
  } finally {
    await runtime.stop();
  }
});
test.afterAll(async () => {
  await server.kill('SIGTERM');
});

/** A message submitted through Open311 and assigned to the water unit; its number, query code and due day. */
async function assignedMessage(title: string): Promise<{ number: string; code: string; due: string }> {
  const response = await fetch(`${server.url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      service_code: 'complaint',
      'attribute[title]': title,
      description: '滨江小区二次供水水箱多年没有清洗，水里有沉淀。',
      phone: '13920010009',
      'attribute[consent]': 'no',
      altcha: await solvedProof(server.url),
    }),
  });
  const [created] = (await response.json()) as { service_request_id: string; query_code: string }[];
  const number = created!.service_request_id;
  const runtime = await createRuntime({ ...server.env });
  try {
    await act(runtime, DISPATCHER, number, 'accept', {});
    const assigned = await act(runtime, DISPATCHER, number, 'assign', { unit: 'water' });
    if (!assigned.ok) throw new Error(assigned.message);
    const row = await runtime.store.db.selectFrom('messages').select('due_date').where('number', '=', number).executeTakeFirstOrThrow();
    return { number, code: created!.query_code, due: row.due_date! };
  } finally {
    await runtime.stop();
  }
}

/** A signed-in page, by default without JavaScript: every console form must work as a plain post. axe needs a scripted one. */
async function signedIn(browser: Browser, login: string, script = false): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled: script })).newPage();
  await page.goto(`${server.url}/console/sign-in`);
  await page.getByLabel('登录名').fill(login);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /督办台/ })).toBeVisible();
  return page;
}

test('a handler saves a draft, comes back to it, submits it, and after a send-back edits the answer that went back', async ({ browser }) => {
  const { number } = await assignedMessage('二次供水水箱脏');
  const handler = await signedIn(browser, 'de-water');
  await handler.goto(`${server.url}/console/messages/${number}`);
  const answer = handler.getByLabel(/答复内容/);
  await expect(answer).toHaveValue('');

  // An empty draft is refused, named in the error summary, and the page title says so.
  await handler.getByRole('button', { name: '保存草稿' }).click();
  await expect(handler.getByRole('alert')).toContainText('答复内容不能为空');
  await expect(handler).toHaveTitle(/^错误：/);

  await answer.fill('已联系物业，计划本周清洗水箱。');
  await handler.getByRole('button', { name: '保存草稿' }).click();
  await expect(handler.getByRole('status')).toHaveText('答复草稿已保存。');
  await expect(handler.getByText(/草稿由 李承办 于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 保存/)).toBeVisible();

  // axe on the reply form with its draft, and on its error (a refused empty save leaves the draft alone).
  const looker = await signedIn(browser, 'de-water', true);
  await looker.goto(`${server.url}/console/messages/${number}`);
  await expectHeadingsInOrder(looker, 'message page with a draft');
  await expectNoAxeViolations(looker);
  await looker.getByLabel(/答复内容/).fill('');
  await looker.getByRole('button', { name: '保存草稿' }).click();
  await expect(looker.getByRole('alert')).toContainText('答复内容不能为空');
  await expectNoAxeViolations(looker);

  // Coming back later: the draft is there.
  await handler.goto(`${server.url}/console/`);
  await handler.goto(`${server.url}/console/messages/${number}`);
  await expect(handler.getByLabel(/答复内容/)).toHaveValue('已联系物业，计划本周清洗水箱。');
  await expect(handler.getByText('下面是已保存的草稿，可以继续修改。', { exact: false })).toBeVisible();

  // The office does not see the unit's draft, and the timeline has no trace of it.
  const dispatcher = await signedIn(browser, 'de-dispatcher');
  await dispatcher.goto(`${server.url}/console/messages/${number}`);
  await expect(dispatcher.getByText('计划本周清洗水箱')).toHaveCount(0);

  await handler.getByLabel(/答复内容/).fill('已于 11 月 30 日清洗水箱并消毒。');
  await handler.getByRole('button', { name: /提交答复/ }).click();
  await expect(handler.getByRole('status')).toHaveText('已承办单位答复。');
  await expect(handler.getByRole('button', { name: '保存草稿' })).toHaveCount(0);

  await dispatcher.reload();
  await dispatcher.getByLabel('需要修改的地方（承办单位会看到）').fill('请写明水质检测结果。');
  await dispatcher.getByRole('button', { name: '退回重办' }).click();
  await expect(dispatcher.getByRole('status')).toHaveText('已答复退回重办。');

  // The answer that went back is where the form starts; the handler edits rather than retypes.
  await handler.reload();
  await expect(handler.getByLabel(/答复内容/)).toHaveValue('已于 11 月 30 日清洗水箱并消毒。');
  await expect(handler.getByText('下面是被退回的答复，请按退回意见修改后再提交。', { exact: false })).toBeVisible();
  await handler.getByLabel(/答复内容/).press('End');
  await handler.getByLabel(/答复内容/).pressSequentially('经检测，水质合格。');
  await handler.getByRole('button', { name: /提交答复/ }).click();
  await expect(handler.getByRole('status')).toHaveText('已承办单位答复。');
  await dispatcher.reload();
  await expect(dispatcher.getByText('已于 11 月 30 日清洗水箱并消毒。经检测，水质合格。').first()).toBeVisible();
});

test('a handler asks for an extension; the office finds it in its queue and grants it; the citizen sees the new deadline', async ({ browser }) => {
  const { number, code, due } = await assignedMessage('路面塌陷');
  const asked = addDays(due, 7);
  const handler = await signedIn(browser, 'de-water');
  await handler.goto(`${server.url}/console/messages/${number}`);
  const request = handler.getByRole('group', { name: '承办单位申请延期' });
  await expect(request.getByText(`当前答复期限为 ${due}`)).toBeVisible();

  // Each mistake named, what was typed kept.
  await request.getByLabel('申请延至').fill(asked);
  await request.getByRole('button', { name: '申请延期' }).click();
  await expect(handler.getByRole('alert')).toContainText('申请延期须说明理由');
  await expect(handler.getByRole('group', { name: '承办单位申请延期' }).getByLabel('申请延至')).toHaveValue(asked);
  const looker = await signedIn(browser, 'de-water', true);
  await looker.goto(`${server.url}/console/messages/${number}`);
  await expectNoAxeViolations(looker);
  await looker.getByRole('group', { name: '承办单位申请延期' }).getByRole('button', { name: '申请延期' }).click();
  await expect(looker.getByRole('alert')).toContainText('请填写申请延至的日期（YYYY-MM-DD）');
  await expectNoAxeViolations(looker);
  await handler.getByRole('group', { name: '承办单位申请延期' }).getByLabel('申请延至').fill(due);
  await handler.getByRole('group', { name: '承办单位申请延期' }).getByLabel('延期理由（督查室会看到）').fill('需等待管线探测报告，预计一周');
  await handler.getByRole('group', { name: '承办单位申请延期' }).getByRole('button', { name: '申请延期' }).click();
  await expect(handler.getByRole('alert')).toContainText(`申请的期限应晚于当前期限 ${due}`);
  await expect(handler.getByRole('group', { name: '承办单位申请延期' }).getByLabel('延期理由（督查室会看到）')).toHaveValue('需等待管线探测报告，预计一周');

  await handler.getByRole('group', { name: '承办单位申请延期' }).getByLabel('申请延至').fill(asked);
  await handler.getByRole('group', { name: '承办单位申请延期' }).getByRole('button', { name: '申请延期' }).click();
  await expect(handler.getByRole('status')).toHaveText('已申请延期，等待督查室批准。');
  await expect(handler.getByRole('heading', { name: '延期申请（等待督查室处理）' })).toBeVisible();
  // One request at a time: no second request offered while this one waits.
  await expect(handler.getByRole('button', { name: '申请延期' })).toHaveCount(0);
  await looker.goto(`${server.url}/console/messages/${number}`);
  await expect(looker.getByRole('heading', { name: '延期申请（等待督查室处理）' })).toBeVisible();
  await expectNoAxeViolations(looker);

  const dispatcher = await signedIn(browser, 'de-dispatcher', true);
  await expect(dispatcher.getByRole('link', { name: /延期申请\s*1 件/ })).toBeVisible();
  await expectNoAxeViolations(dispatcher);
  await dispatcher.getByRole('link', { name: /延期申请/ }).click();
  await expect(dispatcher.getByRole('heading', { level: 1 })).toHaveText('延期申请（1 件）');
  await expectNoAxeViolations(dispatcher);
  await dispatcher.getByRole('link', { name: number }).click();
  await expect(dispatcher.locator('#extension-request')).toContainText('需等待管线探测报告，预计一周');
  await expect(dispatcher.locator('#extension-request')).toContainText(asked);
  await expectHeadingsInOrder(dispatcher, 'message page with a request');
  await expectNoAxeViolations(dispatcher);

  // Declining needs a reason for the unit.
  await dispatcher.getByRole('button', { name: '不同意延期' }).click();
  await expect(dispatcher.getByRole('alert')).toContainText('不同意延期须说明理由（承办单位会看到）');
  await expectNoAxeViolations(dispatcher);

  // Granting: the form starts from the request; the office rewrites the reason for the public.
  const grant = dispatcher.getByRole('group', { name: '批准延期' });
  await expect(grant.getByLabel('新的期限')).toHaveValue(asked);
  await expect(grant.getByLabel('延期理由（留言人会看到）')).toHaveValue('需等待管线探测报告，预计一周');
  await grant.getByLabel('延期理由（留言人会看到）').fill('需先探明地下管线，再行施工');
  await grant.getByRole('button', { name: '批准延期' }).click();
  await expect(dispatcher.getByRole('status')).toHaveText('已批准延期。');
  await expect(dispatcher.locator('#extension-request')).toHaveCount(0);
  await dispatcher.goto(`${server.url}/console/`);
  await expect(dispatcher.getByRole('link', { name: /延期申请\s*0 件/ })).toBeVisible();

  const citizen = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await citizen.goto(`${server.url}/messages/track`);
  await citizen.getByLabel('留言编号').fill(number);
  await citizen.getByLabel('查询码').fill(code);
  await citizen.getByRole('button', { name: '查询' }).click();
  await expect(citizen.locator(`time[datetime="${asked}"]`).first()).toHaveText(longDate(asked));
  await expect(citizen.getByText(`经批准延期，原期限 ${longDate(due)}`)).toBeVisible();
  await expect(citizen.getByText('承办单位申请延期')).toBeVisible();
  await expect(citizen.getByText('需先探明地下管线，再行施工').filter({ visible: true }).first()).toBeVisible();
  await expect(citizen.getByText('管线探测报告')).toHaveCount(0);
});
