/**
 * The server's secret: signs anti-abuse challenges and keys the hashes of query codes, so that a
 * copy of the database alone is not enough to guess a code offline. From DUBAN_SECRET when set
 * (several servers on one PostgreSQL database must share it), else created once in DATA_DIR.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The secret's file name inside DATA_DIR when DUBAN_SECRET is not set (backups carry it). */
export const SECRET_FILE = 'secret.key';

export function loadSecret(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const file = join(dataDir, SECRET_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(file, 'utf8').trim();
}

/** A keyed hash for one purpose: the same value hashed for different purposes gives unrelated results. */
export function keyedHash(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(purpose).update('\0').update(value).digest('hex');
}

/** Raw keyed-hash bytes, to derive codes from. */
export function keyedBytes(secret: string, purpose: string, value: string): Buffer {
  return createHmac('sha256', secret).update(purpose).update('\0').update(value).digest();
}
