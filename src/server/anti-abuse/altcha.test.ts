import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solveChallenge, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { checkPayload, newChallenge, verifyProof } from './altcha.ts';
import { keyedHash } from '../secret.ts';

const secret = 'a'.repeat(64);
const librarySecrets = { hmacSignatureSecret: keyedHash(secret, 'altcha-signature', ''), hmacKeySignatureSecret: keyedHash(secret, 'altcha-key', '') };

async function solved(): Promise<{ challenge: Challenge; solution: Solution }> {
  const challenge = await newChallenge(secret, 30);
  return { challenge, solution: (await solveChallenge({ challenge, deriveKey }))! };
}

describe('proof-of-work check', () => {
  it('agrees with altcha-lib on genuine and tampered payloads', async () => {
    const base = await solved();
    const tamper = fc.oneof(
      fc.constant((p: typeof base) => p),
      fc.stringMatching(/^[0-9a-f]{64}$/).map((k) => (p: typeof base) => ({ ...p, solution: { ...p.solution, derivedKey: k } })),
      fc.integer({ min: -5, max: 2 ** 33 }).map((c) => (p: typeof base) => ({ ...p, solution: { ...p.solution, counter: c } })),
      fc
        .string({ maxLength: 10 })
        .map((n) => (p: typeof base) => ({ ...p, challenge: { ...p.challenge, parameters: { ...p.challenge.parameters, nonce: n } } })),
      fc
        .integer({ min: 1, max: 100 })
        .map((c) => (p: typeof base) => ({ ...p, challenge: { ...p.challenge, parameters: { ...p.challenge.parameters, cost: c } } })),
      fc.stringMatching(/^[0-9a-f]{0,64}$/).map((sig) => (p: typeof base) => ({ ...p, challenge: { ...p.challenge, signature: sig } })),
      fc.constant((p: typeof base) => ({ ...p, challenge: { ...p.challenge, parameters: { ...p.challenge.parameters, expiresAt: 1 } } })),
      fc.constant((p: typeof base) => ({ ...p, solution: { ...p.solution, derivedKey: p.solution.derivedKey.toUpperCase() } })),
    );
    await fc.assert(
      fc.asyncProperty(tamper, async (change) => {
        const { challenge, solution } = change(structuredClone(base));
        const library = await verifySolution({ challenge, solution, deriveKey, ...librarySecrets });
        const ours = await verifyProof(challenge, solution, secret);
        expect(ours.verified).toBe(library.verified);
        expect(ours.expired).toBe(library.expired);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts a genuine payload and refuses one signed with another secret', async () => {
    const { challenge, solution } = await solved();
    const payload = Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
    expect(await checkPayload(secret, payload)).toMatchObject({ ok: true, id: `pow:${challenge.parameters.nonce}` });
    expect(await checkPayload('b'.repeat(64), payload)).toEqual({ ok: false, reason: 'invalid' });
  });
});
