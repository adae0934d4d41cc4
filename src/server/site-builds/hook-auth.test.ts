import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyHmac, hookProof } from './hook-auth.ts';

const secret = 'c2f1e0d9b8a7c6f5e4d3c2b1a0f9e8d7c6b5a4f3';
const body = new TextEncoder().encode(JSON.stringify({ ref: 'refs/heads/main', head_commit: { message: '更新：重点任务进展' } }));
const hex = (key: string, data: Uint8Array | string) => createHmac('sha256', key).update(data).digest('hex');
// Header bytes reach the server as Latin-1 text (so a full-width character arrives as three odd characters).
const onTheWire = (value: string) => Buffer.from(value, 'utf8').toString('latin1');
/** Whether the call is let through: by its headers alone, or by the body's HMAC as the hook computes it. */
function allowed(headers: Record<string, string>, payload = body, now?: Date): boolean {
  const proof = hookProof(new Headers(Object.entries(headers).map(([name, value]) => [name, onTheWire(value)])), secret, now);
  return proof.kind === 'decided' ? proof.ok : proof.matches(bodyHmac(secret).update(payload).digest('hex'));
}

describe('the rebuild webhook secret', () => {
  it('takes the signature GitHub, Gitea and Forgejo send, and refuses it for another body or key', () => {
    expect(allowed({ 'X-Hub-Signature-256': `sha256=${hex(secret, body)}` })).toBe(true);
    expect(allowed({ 'X-Hub-Signature-256': `sha256=${hex(secret, body).toUpperCase()}` })).toBe(true);
    expect(allowed({ 'X-Hub-Signature-256': `sha256=${hex(secret, body)}` }, new TextEncoder().encode('{"ref":"x"}'))).toBe(false);
    expect(allowed({ 'X-Hub-Signature-256': `sha256=${hex('another-secret', body)}` })).toBe(false);
    expect(allowed({ 'X-Hub-Signature-256': hex(secret, body) })).toBe(false);
    expect(allowed({ 'X-Gitea-Signature': hex(secret, body) })).toBe(true);
  });

  it("takes Gitee's password and its timed signature, not an old or a wrong one", () => {
    const now = new Date('2026-11-29T08:00:00Z');
    const timestamp = String(now.getTime() - 60_000);
    const sign = (t: string, key = secret) => createHmac('sha256', key).update(`${t}\n${key}`).digest('base64');
    expect(allowed({ 'X-Gitee-Token': secret })).toBe(true);
    expect(allowed({ 'X-Gitee-Token': sign(timestamp), 'X-Gitee-Timestamp': timestamp }, body, now)).toBe(true);
    const stale = String(now.getTime() - 2 * 3_600_000);
    expect(allowed({ 'X-Gitee-Token': sign(stale), 'X-Gitee-Timestamp': stale }, body, now)).toBe(false);
    expect(allowed({ 'X-Gitee-Token': sign(timestamp, 'x'.repeat(40)), 'X-Gitee-Timestamp': timestamp }, body, now)).toBe(false);
    expect(allowed({ 'X-Gitee-Token': secret, 'X-Gitee-Timestamp': '明天' }, body, now)).toBe(false);
  });

  it('judges a token from the headers alone, before any body is read', () => {
    expect(hookProof(new Headers({ 'X-Gitlab-Token': secret }), secret)).toEqual({ kind: 'decided', ok: true });
    expect(hookProof(new Headers({ Authorization: 'Bearer nope' }), secret)).toEqual({ kind: 'decided', ok: false });
    expect(hookProof(new Headers({ 'X-Hub-Signature-256': 'sha256=00' }), secret).kind).toBe('signature');
  });

  it("takes GitLab's token and a bearer token", () => {
    expect(allowed({ 'X-Gitlab-Token': secret })).toBe(true);
    expect(allowed({ Authorization: `Bearer ${secret}` })).toBe(true);
    expect(allowed({ Authorization: `bearer  ${secret} ` })).toBe(true);
    expect(allowed({ Authorization: `Basic ${secret}` })).toBe(false);
    expect(allowed({})).toBe(false);
  });

  it('refuses every other secret, however close (full-width look-alikes, a character more or less)', () => {
    const lookAlike = secret.replace(/[0-9a-f]/, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    for (const wrong of [lookAlike, `${secret} `.trim() + 'x', secret.slice(0, -1), secret.toUpperCase(), `　${secret}`])
      expect(allowed({ 'X-Gitlab-Token': wrong }), wrong).toBe(false);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80, unit: 'grapheme' }), (guess) => {
        fc.pre(guess !== secret);
        return !allowed({ 'X-Gitlab-Token': guess }) && !allowed({ 'X-Hub-Signature-256': `sha256=${guess}` });
      }),
    );
  });
});
