/**
 * `POST /hooks/rebuild`, the content-change webhook (内容更新通知): the git host calls it after the CMS
 * commits, and the server rebuilds its site (rebuilder.ts). The call must carry the shared secret
 * (hook-auth.ts). A token is judged from the headers; a signature from the body's HMAC, computed as the body
 * streams in (up to GitHub's 25 MB), so no body is held in memory. A right secret is never refused for wrong
 * ones sent before it: the secret has at least 32 characters, so there is nothing to guess, and a lock-out
 * would let anyone who knows the address shut the real git host out. Wrong ones are logged; nginx limits the
 * rate. Answers are JSON, which git hosts show in their delivery log.
 */
import { BodyError } from '../http/body.ts';
import type { SiteBuildsControl } from './control.ts';
import { bodyHmac, hookProof } from './hook-auth.ts';

/** GitHub's largest delivery. */
export const HOOK_BODY_LIMIT = 25 * 1024 * 1024;

const json = (status: number, body: Record<string, string>, headers: Record<string, string> = {}) =>
  new Response(`${JSON.stringify(body)}\n`, {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });

/** The body's HMAC-SHA256 in hex, fed as it arrives; 413 past the limit, 408 when it stops arriving. */
async function streamedHmac(request: Request, secret: string): Promise<string> {
  const declared = request.headers.get('content-length');
  const tooLarge = () => new BodyError(413, `提交的内容过大（上限 ${HOOK_BODY_LIMIT / 1024 / 1024} MB）`);
  if (declared !== null && (!/^\d+$/.test(declared) || Number(declared) > HOOK_BODY_LIMIT)) throw tooLarge();
  const hmac = bodyHmac(secret);
  if (!request.body) return hmac.digest('hex');
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw new BodyError(408, '提交的内容没有完整送达');
    }
    if (chunk.done) return hmac.digest('hex');
    size += chunk.value.byteLength;
    if (size > HOOK_BODY_LIMIT) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    hmac.update(chunk.value);
  }
}

export async function answerRebuildHook(request: Request, control: SiteBuildsControl | null): Promise<Response> {
  if (!control) return json(503, { error: '这个服务器不是用 npm run serve 启动的，不能自行重建网站' });
  const secret = control.hookSecret;
  if (!secret) return json(404, { error: '这个服务器没有启用内容更新通知：请在服务器设置中填写 REBUILD_HOOK_SECRET' });
  const proof = hookProof(request.headers, secret);
  let ok: boolean;
  if (proof.kind === 'decided') ok = proof.ok;
  else {
    try {
      ok = proof.matches(await streamedHmac(request, secret));
    } catch (error) {
      if (error instanceof BodyError) return json(error.status, { error: error.message });
      throw error;
    }
  }
  if (!ok) {
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
