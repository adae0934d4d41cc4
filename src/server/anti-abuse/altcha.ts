/**
 * Proof of work (ALTCHA, self-hosted): the browser spends a moment of CPU before it may submit,
 * which costs a person nothing and a flood a great deal. The challenge is signed with the server's
 * secret and expires; its id is recorded as used in the same transaction as the message it let in,
 * so a solution cannot be replayed.
 */
import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { keyedHash } from '../secret.ts';

export const CHALLENGE_LIFETIME_SECONDS = 20 * 60;

function secrets(secret: string) {
  return { hmacSignatureSecret: keyedHash(secret, 'altcha-signature', ''), hmacKeySignatureSecret: keyedHash(secret, 'altcha-key', '') };
}

/** A new challenge: the client must find a counter around `complexity` (SHA-256 rounds). */
export async function newChallenge(secret: string, complexity: number, now = Date.now()): Promise<Challenge> {
  return createChallenge({
    algorithm: 'SHA-256',
    cost: 1,
    counter: randomInt(Math.max(1, Math.floor(complexity / 2)), Math.max(2, complexity)),
    deriveKey,
    expiresAt: Math.floor(now / 1000) + CHALLENGE_LIFETIME_SECONDS,
    ...secrets(secret),
  });
}

export type PowCheck = { ok: true; id: string; expiresAt: string } | { ok: false; reason: 'missing' | 'invalid' | 'expired' };

/** Check a payload as the widget submits it (base64 of {challenge, solution}); replay is checked by the store. */
export async function checkPayload(secret: string, payload: unknown): Promise<PowCheck> {
  if (typeof payload !== 'string' || payload === '') return { ok: false, reason: 'missing' };
  if (payload.length > 4096) return { ok: false, reason: 'invalid' };
  let parsed: { challenge?: Challenge; solution?: Solution };
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as typeof parsed;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const challenge = parsed?.challenge;
  if (!challenge || typeof challenge !== 'object' || typeof challenge.parameters !== 'object' || challenge.parameters === null)
    return { ok: false, reason: 'invalid' };
  try {
    const result = await verifySolution({ challenge, solution: parsed.solution as Solution, deriveKey, ...secrets(secret) });
    if (result.expired) return { ok: false, reason: 'expired' };
    if (!result.verified) return { ok: false, reason: 'invalid' };
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const expires = (challenge.parameters.expiresAt ?? Math.floor(Date.now() / 1000) + CHALLENGE_LIFETIME_SECONDS) * 1000;
  return { ok: true, id: `pow:${challenge.parameters.nonce}`, expiresAt: new Date(expires).toISOString() };
}
