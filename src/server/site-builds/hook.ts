/**
 * `POST /hooks/rebuild`, the content-change webhook (内容更新通知): the git host calls it after the CMS
 * commits, and the server rebuilds its site (rebuilder.ts). The call must carry the shared secret
 * (hook-auth.ts); a client that gets it wrong ten times in 15 minutes is refused for the rest of them, so
 * the secret cannot be guessed through this door. Answers are JSON, which git hosts show in their delivery log.
 */
import type { RateLimiter } from '../anti-abuse/rate-limit.ts';
import { BodyError, readBodyBytes } from '../http/body.ts';
import type { SiteBuildsControl } from './control.ts';
import { hookAuthorized } from './hook-auth.ts';

/** Git hosts send the whole push in the body (GitHub up to 25 MB); the signature needs all of it. */
export const HOOK_BODY_LIMIT = 4 * 1024 * 1024;
const FAILURES = 10;
const FAILURE_WINDOW_MS = 15 * 60_000;

const json = (status: number, body: Record<string, string>, headers: Record<string, string> = {}) =>
  new Response(`${JSON.stringify(body)}\n`, {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });

export async function answerRebuildHook(request: Request, client: string, control: SiteBuildsControl | null, limiter: RateLimiter): Promise<Response> {
  if (!control) return json(503, { error: '这个服务器不是用 npm run serve 启动的，不能自行重建网站' });
  const secret = control.hookSecret;
  if (!secret) return json(404, { error: '这个服务器没有启用内容更新通知：请在服务器设置中填写 REBUILD_HOOK_SECRET' });
  const key = `hook:${client}`;
  const blocked = limiter.check(key, FAILURES, FAILURE_WINDOW_MS);
  if (!blocked.ok)
    return json(
      429,
      { error: `密钥错误次数过多，请 ${Math.ceil(blocked.retryAfterSeconds / 60)} 分钟后再试` },
      { 'Retry-After': String(blocked.retryAfterSeconds) },
    );
  let body: Buffer;
  try {
    body = await readBodyBytes(request, HOOK_BODY_LIMIT);
  } catch (error) {
    if (error instanceof BodyError) return json(error.status, { error: error.message });
    throw error;
  }
  if (!hookAuthorized(request.headers, body, secret)) {
    limiter.take(key, FAILURES, FAILURE_WINDOW_MS);
    console.warn('内容更新通知的密钥不对，已拒绝');
    return json(401, { error: '密钥不对：请在代码托管平台的 Webhook 设置中填写与服务器 REBUILD_HOOK_SECRET 相同的密钥' });
  }
  const outcome = control.request('hook');
  if (outcome === 'stopped') return json(503, { error: '服务器正在停止，没有重建' }, { 'Retry-After': '30' });
  return json(202, {
    status: outcome,
    message: outcome === 'started' ? '已开始重建网站，几分钟后生效' : '正在重建网站，这次结束后会再重建一次，把这次更新包括进去',
  });
}
