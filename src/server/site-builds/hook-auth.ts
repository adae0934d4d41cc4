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
 * Every comparison takes the same time whatever the guess (digests compared with timingSafeEqual). A token in
 * a header is judged from the headers alone, before any body is read; a signature needs the body's HMAC,
 * which the caller computes as the body streams in (`bodyHmac`), so no body is ever held whole.
 */
import { createHmac, createHash, timingSafeEqual } from 'node:crypto';

const HOUR_MS = 3_600_000;

function same(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The verdict from the headers, or what the body's HMAC-SHA256 (hex) must match. */
export type HookProof = { kind: 'decided'; ok: boolean } | { kind: 'signature'; matches: (bodyHmacHex: string) => boolean };

/** A fresh HMAC-SHA256 keyed with the secret, for the body to be fed into. */
export const bodyHmac = (secret: string) => createHmac('sha256', secret);

export function hookProof(headers: Headers, secret: string, now: Date = new Date()): HookProof {
  const decided = (ok: boolean): HookProof => ({ kind: 'decided', ok });
  const hub = headers.get('x-hub-signature-256');
  if (hub !== null) return { kind: 'signature', matches: (hex) => same(hub.trim().toLowerCase(), `sha256=${hex}`) };
  const gitea = headers.get('x-gitea-signature');
  if (gitea !== null) return { kind: 'signature', matches: (hex) => same(gitea.trim().toLowerCase(), hex) };
  const gitee = headers.get('x-gitee-token');
  if (gitee !== null) {
    const timestamp = headers.get('x-gitee-timestamp');
    if (timestamp === null) return decided(same(gitee, secret));
    if (!/^\d{10,16}$/.test(timestamp) || Math.abs(now.getTime() - Number(timestamp)) > HOUR_MS) return decided(false);
    return decided(same(gitee, createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64')));
  }
  const gitlab = headers.get('x-gitlab-token');
  if (gitlab !== null) return decided(same(gitlab, secret));
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.get('authorization') ?? '');
  return decided(bearer ? same(bearer[1]!.trim(), secret) : false);
}
