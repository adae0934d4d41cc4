/**
 * Store tests run against both databases: the embedded SQLite and PostgreSQL at 127.0.0.1:5432
 * (trust auth, database `test`), each suite in a schema of its own. Where PostgreSQL cannot be
 * reached the PostgreSQL half is skipped with a notice on the console, never silently.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { newChallenge } from '../../src/server/anti-abuse/altcha.ts';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let reachable: Promise<boolean> | undefined;
export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      console.warn(`\n⚠ PostgreSQL 不可用（${POSTGRES_URL}），跳过 PostgreSQL 存储测试；SQLite 测试照常运行。\n`);
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return reachable;
}

/** A fresh PostgreSQL schema, and the URL that makes it the search path. */
export async function freshPostgresSchema(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `duban_${label}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`.replace(/[^a-z0-9_]/g, '_');
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = `${POSTGRES_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

export type Backend = 'sqlite' | 'postgres';
export const BACKENDS: Backend[] = ['sqlite', 'postgres'];

/** Environment for a test runtime on `backend`: its own data folder (and schema), generous limits, cheap proof of work. */
export async function backendEnv(backend: Backend, overrides: NodeJS.ProcessEnv = {}): Promise<{ env: NodeJS.ProcessEnv; cleanup(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'duban-store-'));
  const base: NodeJS.ProcessEnv = {
    DATA_DIR: dataDir,
    DUBAN_CONTENT_DIR: 'content',
    RATE_LIMIT_PER_CLIENT: '100000',
    RATE_LIMIT_NOSCRIPT_PER_CLIENT: '100000',
    RATE_LIMIT_TOTAL: '100000',
    RATE_LIMIT_LOOKUPS: '100000',
    ALTCHA_COST: '50',
    ...overrides,
  };
  if (backend === 'sqlite') return { env: base, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
  const schema = await freshPostgresSchema('t');
  return {
    env: { ...base, DATABASE_URL: schema.url },
    async cleanup() {
      await schema.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Do the browser's proof of work, as the widget would, and return the form field's value. */
export async function solvedPayload(secret: string, complexity = 50): Promise<string> {
  const challenge = await newChallenge(secret, complexity);
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('could not solve the challenge');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

export { CITIZEN, DISPATCHER, SYSTEM, handlerOf } from '../fixtures/actors.ts';
