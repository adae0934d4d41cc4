/**
 * Password hashing with argon2id (@node-rs/argon2), with the parameters OWASP recommends for
 * interactive sign-in (19 MiB, 2 passes, 1 lane: about 70 ms here); see docs/decisions/010.
 * One-time passwords are drawn from letters and digits that cannot be mistaken for each other.
 */
import { randomInt } from 'node:crypto';
import { hash, verify, type Options } from '@node-rs/argon2';

/** Argon2id, as @node-rs/argon2 numbers its algorithms (its Algorithm enum is a const enum, which this build cannot import). */
const ARGON2ID = 2;

const PARAMETERS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
const READABLE = '23456789abcdefghjkmnpqrstuvwxyz';

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMETERS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of a password nobody knows: verified against when the login does not exist, so both answers take as long. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${randomInt(1e9)}`);
  return decoy;
}

/** A one-time password to hand over on paper or by phone: 4 groups of 4, e.g. k7mp-3qxd-…; it must be changed at first sign-in. */
export function oneTimePassword(): string {
  return Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => READABLE[randomInt(READABLE.length)]).join('')).join('-');
}
