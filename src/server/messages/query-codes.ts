/**
 * Query codes made on the server (docs/decisions/006 and 015). The first code of a message is derived
 * from the submission's idempotency key, so a repeated submission shows it again; a re-sent code is
 * derived from a random seed that lives only in the outbox until the notice is sent. Both need the
 * server's secret, and only a keyed hash of the code in force is stored with the message.
 */
import { randomBytes } from 'node:crypto';
import { queryCodeFromBytes } from '../../lib/messages/tracking.ts';
import { keyedBytes, keyedHash } from '../secret.ts';

/** The code a submission's idempotency key stands for. */
export function queryCodeFor(secret: string, idempotencyKey: string): string {
  return queryCodeFromBytes(keyedBytes(secret, 'query-code', idempotencyKey));
}

/** A fresh seed for a re-sent code (128 random bits). */
export function newCodeSeed(): string {
  return randomBytes(16).toString('base64url');
}

/** The code a re-send's seed stands for. */
export function queryCodeFromSeed(secret: string, seed: string): string {
  return queryCodeFromBytes(keyedBytes(secret, 'query-code-resend', seed));
}

/** What is stored of a code: its keyed hash. */
export function queryCodeHash(secret: string, code: string): string {
  return keyedHash(secret, 'query-code-hash', code);
}
