/**
 * Proof of work (ALTCHA, self-hosted): the browser spends a moment of CPU before it may submit,
 * which costs a person nothing and a flood a great deal. The challenge is signed with the server's
 * secret and expires; its id is recorded as used in the same transaction as the message it let in,
 * so a solution cannot be replayed.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { keyedHash } from '../secret.ts';

export const CHALLENGE_LIFETIME_SECONDS = 20 * 60;

const derived = new Map<string, { hmacSignatureSecret: string; hmacKeySignatureSecret: string }>();

/** The two signing keys derived from the server's secret: two HMACs, worked out once per secret rather than per submission. */
function secrets(secret: string) {
  let keys = derived.get(secret);
  if (!keys) {
    keys = { hmacSignatureSecret: keyedHash(secret, 'altcha-signature', ''), hmacKeySignatureSecret: keyedHash(secret, 'altcha-key', '') };
    derived.set(secret, keys);
  }
  return keys;
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

/** Exported for the test that holds the fast check to the library's verdict. */
export { verify as verifyProof };

export type PowCheck = { ok: true; id: string; expiresAt: string } | { ok: false; reason: 'missing' | 'invalid' | 'expired' };

/** JSON with object keys sorted at every level and undefined values dropped: what altcha-lib signs. */
function canonicalJson(value: unknown): string {
  const sorted = (v: unknown): unknown =>
    typeof v !== 'object' || v === null || Array.isArray(v)
      ? v
      : Object.fromEntries(
          Object.keys(v)
            .sort()
            .flatMap((k) => ((v as Record<string, unknown>)[k] === undefined ? [] : [[k, sorted((v as Record<string, unknown>)[k])]])),
        );
  return JSON.stringify(sorted(value));
}

const hexEqual = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * altcha-lib's check for challenges with a key signature (all of ours), done with Node's synchronous
 * HMAC instead of WebCrypto: the library's WebCrypto round trips were the largest single cost of a
 * submission. Same steps, same order (expiry, challenge signature, solution shape, key signature); a
 * property test holds it to the library's verdict. Anything else goes to the library.
 */
async function verify(challenge: Challenge, solution: Solution, secret: string): Promise<{ verified: boolean; expired: boolean }> {
  const { hmacSignatureSecret, hmacKeySignatureSecret } = secrets(secret);
  const parameters = challenge.parameters;
  if (!parameters.keySignature) return verifySolution({ challenge, solution, deriveKey, hmacSignatureSecret, hmacKeySignatureSecret });
  if (parameters.expiresAt && parameters.expiresAt < Date.now() / 1000) return { verified: false, expired: true };
  if (typeof challenge.signature !== 'string') return { verified: false, expired: false };
  const signature = createHmac('sha256', hmacSignatureSecret).update(canonicalJson(parameters)).digest('hex');
  if (!hexEqual(challenge.signature, signature)) return { verified: false, expired: false };
  if (typeof solution?.derivedKey !== 'string' || !/^(?:[0-9a-f]{2})+$/.test(solution.derivedKey)) return { verified: false, expired: false };
  if (!Number.isInteger(solution.counter) || solution.counter < 0 || solution.counter > 0xffffffff) return { verified: false, expired: false };
  const keySignature = createHmac('sha256', hmacKeySignatureSecret).update(Buffer.from(solution.derivedKey, 'hex')).digest('hex');
  return { verified: hexEqual(parameters.keySignature, keySignature), expired: false };
}

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
    const result = await verify(challenge, parsed.solution as Solution, secret);
    if (result.expired) return { ok: false, reason: 'expired' };
    if (!result.verified) return { ok: false, reason: 'invalid' };
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const expires = (challenge.parameters.expiresAt ?? Math.floor(Date.now() / 1000) + CHALLENGE_LIFETIME_SECONDS) * 1000;
  return { ok: true, id: `pow:${challenge.parameters.nonce}`, expiresAt: new Date(expires).toISOString() };
}
