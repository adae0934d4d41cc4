/**
 * The built demo as the outside checks see it (npm run check:html, npm run check:lighthouse): the
 * site from dist/, served by the same start-up as `npm run serve`, over a fresh message store filled
 * with the demo messages, plus one signed-in staff account; and the addresses of sample pages,
 * found in the built site rather than named here, so they follow the content.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changePassword, createAccount } from '../../src/server/auth/accounts.ts';
import { createRuntime } from '../../src/server/runtime.ts';
import { solvedProof, startServer, type TestServer } from '../../test/e2e/spawn-server.ts';

const root = join(import.meta.dirname, '..', '..');
export const STAFF_LOGIN = 'check-admin';
export const STAFF_PASSWORD = '望澜区外部检查2026冬';

export function builtSite(): string {
  const client = join(root, process.env.DUBAN_OUT_DIR ?? 'dist', 'client');
  if (!existsSync(join(client, 'index.html'))) {
    console.error('找不到构建好的网站：请先运行 npm run build:test（或 npm run build）。');
    process.exit(1);
  }
  return client;
}

export async function startDemoSite(port: number): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'duban-check-'));
  const seeded = spawnSync(process.execPath, [join(root, 'scripts', 'demo-messages.ts')], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(`演示留言写入失败：${seeded.stderr || seeded.stdout}`);
  const server = await startServer(port, { DATA_DIR: dataDir });
  const runtime = await createRuntime({ ...server.env });
  try {
    const created = await createAccount(runtime, { login: STAFF_LOGIN, name: '检查员', role: 'admin' });
    if (!created.ok) throw new Error(created.message);
    await changePassword(runtime, created.account.id, STAFF_PASSWORD);
  } finally {
    await runtime.stop();
  }
  return server;
}

/** The first entry (in name order) of a built folder of pages, e.g. the first task page. */
function firstPageIn(client: string, folder: string, pattern: RegExp): string {
  const name = readdirSync(join(client, folder))
    .filter((n) => pattern.test(n) && existsSync(join(client, folder, n, 'index.html')))
    .sort()[0];
  if (!name) throw new Error(`构建结果中 /${folder}/ 下没有页面`);
  return `/${folder}/${name}/`;
}

export interface SamplePages {
  task: string;
  exposure: string;
  bulletin: string;
  /** A published message on the reply board. */
  message: string;
}

export async function samplePages(client: string, url: string): Promise<SamplePages> {
  const board = await (await fetch(`${url}/messages/`)).text();
  const message = board.match(/href="(\/messages\/[A-Z]+\d[\w-]*\/?)"/)?.[1];
  if (!message) throw new Error('留言公开页上没有找到已公开的留言');
  return {
    task: firstPageIn(client, 'tasks', /^[A-Z]+-\d{4}-\d+$/),
    exposure: firstPageIn(client, 'exposures', /^[a-z]+-\d{4}-\d+$/),
    bulletin: firstPageIn(client, 'bulletins', /^[a-z]+-\d{4}-\d{2}$/),
    message,
  };
}

/** A message submitted through Open311 as a citizen would: its tracking number and query code. */
export async function submittedMessage(url: string): Promise<{ number: string; code: string }> {
  const response = await fetch(`${url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      service_code: 'suggestion',
      'attribute[title]': '建议在滨江公园增设夜间照明',
      description: '滨江公园北门到码头一段晚上没有路灯，散步的老人很多，建议增设照明。',
      phone: '13800001234',
      altcha: await solvedProof(url),
    }),
  });
  if (!response.ok) throw new Error(`提交留言失败：${response.status} ${await response.text()}`);
  const [created] = (await response.json()) as { service_request_id: string; query_code: string }[];
  return { number: created!.service_request_id, code: created!.query_code };
}

/** Signs the check's staff account in; the session cookie for later requests. */
export async function staffCookie(url: string): Promise<string> {
  const response = await fetch(`${url}/console/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: url },
    body: new URLSearchParams({ login: STAFF_LOGIN, password: STAFF_PASSWORD }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!cookie) throw new Error(`督办台登录失败：${response.status}`);
  return cookie;
}
