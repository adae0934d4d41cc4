/**
 * A message's whole life walked with the keyboard alone: every field reached with Tab, every button
 * and link pressed with Enter or Space, every choice made with the arrow keys. If something in the
 * public form or the console can only be reached with a mouse, this fails. The server sends its
 * notices to a real SMTP server started here, and the record of it all is checked with
 * `npm run audit:verify`, before and after someone edits a row behind the database's back.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createRuntime } from '../../src/server/runtime';
import { changePassword, createAccount } from '../../src/server/auth/accounts';
import { startServer, type TestServer } from './spawn-server';
import { startSmtpServer, type TestSmtpServer } from '../smtp-server';

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

const PASSWORD = '望澜区督办公开2026春';
const root = join(import.meta.dirname, '..', '..');
let server: TestServer;
let smtp: TestSmtpServer;

test.beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startServer(4616, { SMTP_URL: smtp.url, MAIL_SEND_EVERY_SECONDS: '1' });
  const runtime = await createRuntime({ ...server.env });
  try {
    for (const [login, role, unit] of [
      ['kb-dispatcher', 'dispatcher', undefined],
      ['kb-water', 'handler', 'water'],
    ] as const) {
      const created = await createAccount(runtime, { login, name: login, role, unit, email: `${login}@example.org` });
      if (!created.ok) throw new Error(created.message);
      await changePassword(runtime, created.account.id, PASSWORD);
    }
  } finally {
    await runtime.stop();
  }
});
test.afterAll(async () => {
  await server.kill('SIGTERM');
  await smtp.close();
});

/** Press Tab until `target` has the focus (from the top of the page). */
async function tabTo(page: Page, target: Locator): Promise<void> {
  await page.locator('body').focus();
  const handle = await target.elementHandle();
  for (let i = 0; i < 300; i += 1) {
    await page.keyboard.press('Tab');
    if (await handle!.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`could not reach ${target.toString()} with Tab`);
}
const press = async (page: Page, target: Locator, key = 'Enter') => {
  await tabTo(page, target);
  await page.keyboard.press(key);
};
const type = async (page: Page, target: Locator, text: string) => {
  await tabTo(page, target);
  await page.keyboard.insertText(text);
};
/** Choose an option with the arrow keys. */
async function choose(page: Page, select: Locator, value: string): Promise<void> {
  await tabTo(page, select);
  for (let i = 0; i < 60 && (await select.inputValue()) !== value; i += 1) await page.keyboard.press('ArrowDown');
  expect(await select.inputValue()).toBe(value);
}

/** A radio button in a group: Tab reaches the group once; the arrow keys move to (and choose) the others. */
async function chooseRadio(page: Page, first: Locator, target: Locator): Promise<void> {
  await tabTo(page, first);
  for (let i = 0; i < 10 && !(await target.isChecked()); i += 1) await page.keyboard.press('ArrowDown');
  expect(await target.isChecked()).toBe(true);
}

async function signIn(page: Page, login: string): Promise<void> {
  await page.goto(`${server.url}/console/sign-in`);
  await type(page, page.getByLabel('登录名'), login);
  await type(page, page.getByLabel('密码'), PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /督办台/ })).toBeVisible();
}

test('from the citizen’s form to a published, rated, reopened and closed answer, by keyboard only', async ({ browser }) => {
  // The citizen, without JavaScript.
  const citizen = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await citizen.goto(`${server.url}/messages/new`);
  await chooseRadio(citizen, citizen.locator('#type-first'), citizen.getByLabel('投诉'));
  await type(citizen, citizen.getByLabel('标题'), '望澜路自来水发黄');
  await type(citizen, citizen.getByLabel('留言内容'), '望澜路这一周自来水发黄，烧开后有沉淀，邻居王师傅也反映过。');
  await type(citizen, citizen.getByLabel('手机号码'), '13920010008');
  await type(citizen, citizen.getByLabel('电子邮箱'), 'resident@example.net');
  await press(citizen, citizen.getByLabel(/同意/).first(), 'Space');
  const question = (await citizen.locator('text=/[一二三四五六七八九]加[一二三四五六七八九]等于多少/').first().textContent())!;
  const [, x, y] = /([一二三四五六七八九])加([一二三四五六七八九])/.exec(question)!;
  const digits = '零一二三四五六七八九';
  await type(citizen, citizen.getByLabel(/等于多少/), String(digits.indexOf(x!) + digits.indexOf(y!)));
  await citizen.keyboard.press('Enter');
  const number = (await citizen.locator('#receipt-number').textContent())!.trim();
  const code = (await citizen.locator('#receipt-code').textContent())!.trim();

  const dispatcher = await (await browser.newContext()).newPage();
  await signIn(dispatcher, 'kb-dispatcher');
  await press(dispatcher, dispatcher.getByRole('link', { name: /待受理/ }));
  await press(dispatcher, dispatcher.getByRole('link', { name: number }));
  await press(dispatcher, dispatcher.getByRole('button', { name: '受理', exact: true }));
  await expect(dispatcher.getByRole('status')).toHaveText('已受理。');
  await choose(dispatcher, dispatcher.getByLabel('承办单位'), 'water');
  await press(dispatcher, dispatcher.getByRole('button', { name: '交办' }));
  await expect(dispatcher.getByRole('status')).toHaveText('已交办。');

  const handler = await (await browser.newContext()).newPage();
  await signIn(handler, 'kb-water');
  await press(handler, handler.getByRole('link', { name: /办理中/ }));
  await press(handler, handler.getByRole('link', { name: number }));
  await type(handler, handler.getByLabel(/答复内容/), '已更换锈蚀管道，水质检测合格。');
  await press(handler, handler.getByRole('button', { name: /提交答复/ }));
  await expect(handler.getByRole('status')).toHaveText('已承办单位答复。');

  await dispatcher.reload();
  await press(dispatcher, dispatcher.getByRole('button', { name: /审核通过/ }));
  await expect(dispatcher.getByRole('status')).toHaveText('已审核通过，办结。');
  await press(dispatcher, dispatcher.getByRole('button', { name: '隐去所选内容并公开' }));
  await expect(dispatcher.getByRole('status')).toHaveText('已公开答复。');

  // The citizen tracks it and rates it 不满意, by keyboard.
  await citizen.goto(`${server.url}/messages/track`);
  await type(citizen, citizen.getByLabel('留言编号'), number);
  await type(citizen, citizen.getByLabel('查询码'), code);
  await citizen.keyboard.press('Enter');
  await expect(citizen.getByText('已更换锈蚀管道').first()).toBeVisible();
  await chooseRadio(citizen, citizen.locator('#rating-first'), citizen.getByLabel('不满意'));
  await type(citizen, citizen.getByLabel('评价意见（选填）'), '第二天又发黄了');
  await press(citizen, citizen.getByRole('button', { name: '提交评价' }));
  await expect(citizen.getByRole('status')).toContainText('感谢您的评价');

  // Reopened, answered again, closed again.
  await dispatcher.reload();
  await press(dispatcher, dispatcher.getByRole('button', { name: '重新办理' }));
  await expect(dispatcher.getByRole('status')).toHaveText('已重新办理。');
  await handler.reload();
  await type(handler, handler.getByLabel(/答复内容/), '已冲洗整段管网并复检，水质合格。');
  await press(handler, handler.getByRole('button', { name: /提交答复/ }));
  await expect(handler.getByRole('status')).toHaveText('已承办单位答复。');
  await dispatcher.reload();
  await press(dispatcher, dispatcher.getByRole('button', { name: /审核通过/ }));
  await expect(dispatcher.getByRole('status')).toHaveText('已审核通过，办结。');
  await press(dispatcher, dispatcher.getByRole('button', { name: '隐去所选内容并公开' }));
  await expect(dispatcher.getByRole('status')).toHaveText('已公开答复。');
  const board = await (await fetch(`${server.url}/messages/${number}/`)).text();
  expect(board).toContain('已冲洗整段管网并复检');
  expect(board).not.toContain('王师傅');

  // The notices arrived at the SMTP server: the unit heard of the assignment, the citizen of each closing.
  await expect
    .poll(
      () =>
        smtp.received
          .filter((m) => m.subject.includes(number))
          .map((m) => `${m.to.join(',')} ${m.subject}`)
          .sort(),
      { timeout: 15_000 },
    )
    .toEqual(
      [
        `kb-water@example.org 【望澜区督办公开】新交办留言 ${number}`,
        `resident@example.net 【望澜区督办公开】您的留言 ${number} 已办结`,
        `resident@example.net 【望澜区督办公开】您的留言 ${number} 已办结`,
      ].sort(),
    );

  // The record of it all holds; an edit behind the triggers' back is found and named.
  const verify = () => promisify(execFile)(process.execPath, [join(root, 'scripts', 'audit-verify.ts')], { cwd: root, env: { ...process.env, ...server.env } });
  expect((await verify()).stdout).toMatch(/留言办理记录（message_events）：\d+ 行，哈希链完整。/);
  const file = new Database(join(server.dataDir, 'duban.sqlite'));
  const trigger = (file.prepare(`select sql from sqlite_master where name = 'message_events_no_update'`).get() as { sql: string }).sql;
  file.exec('drop trigger message_events_no_update');
  const reply = file.prepare(`select id from message_events where event = 'reply' order by id limit 1`).get() as { id: number };
  file.prepare(`update message_events set reply = '已更换全部管道' where id = ?`).run(reply.id);
  file.exec(trigger);
  file.close();
  const broken = await verify().then(
    () => null,
    (error: { code: number; stderr: string }) => error,
  );
  expect(broken?.code).toBe(1);
  expect(broken?.stderr).toContain(`第 ${reply.id} 行起哈希链断开`);
});
