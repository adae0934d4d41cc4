/**
 * Whether a call of the rebuild webhook (`POST /hooks/rebuild`) knows the shared secret
 * (REBUILD_HOOK_SECRET), in the ways git hosts send it:
 *
 * - `X-Hub-Signature-256: sha256=<hex>`: an HMAC-SHA256 of the body (GitHub; Gitea and Forgejo send it too);
 *   `X-Gitea-Signature: <hex>`, the same without the prefix (older Gitea);
 * - `X-Gitee-Token`: the secret itself (Gitee's password mode), or, with `X-Gitee-Timestamp`, the base64
 *   HMAC-SHA256 of `<timestamp>\n<secret>` (its signature mode), within an hour of now;
 * - `X-Gitlab-Token: <secret>` (GitLab), or `Authorization: Bearer <secret>` (anything else, curl).
 *
 * Every comparison takes the same time whatever the guess (digests compared with timingSafeEqual).
 */
import { createHmac, createHash, timingSafeEqual } from 'node:crypto';

const HOUR_MS = 3_600_000;

function same(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

const hmac = (secret: string, data: Uint8Array | string) => createHmac('sha256', secret).update(data);

export function hookAuthorized(headers: Headers, body: Uint8Array, secret: string, now: Date = new Date()): boolean {
  const hub = headers.get('x-hub-signature-256');
  if (hub !== null) return same(hub.trim().toLowerCase(), `sha256=${hmac(secret, body).digest('hex')}`);
  const gitea = headers.get('x-gitea-signature');
  if (gitea !== null) return same(gitea.trim().toLowerCase(), hmac(secret, body).digest('hex'));
  const gitee = headers.get('x-gitee-token');
  if (gitee !== null) {
    const timestamp = headers.get('x-gitee-timestamp');
    if (timestamp === null) return same(gitee, secret);
    if (!/^\d{10,16}$/.test(timestamp) || Math.abs(now.getTime() - Number(timestamp)) > HOUR_MS) return false;
    return same(gitee, hmac(secret, `${timestamp}\n${secret}`).digest('base64'));
  }
  const gitlab = headers.get('x-gitlab-token');
  if (gitlab !== null) return same(gitlab, secret);
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.get('authorization') ?? '');
  return bearer ? same(bearer[1]!.trim(), secret) : false;
}
