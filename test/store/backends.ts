/**
 * Vitest helpers for store tests (kept apart from harness.ts, which browser tests import too):
 * one describe block per database with a runtime of its own, and a submitted message.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { SubmissionChoices } from '../../src/lib/messages/submission.ts';
import { submitMessage } from '../../src/server/messages/commands/submit.ts';
import { createRuntime, type Runtime } from '../../src/server/runtime.ts';
import { BACKENDS, backendEnv, postgresReachable, solvedPayload, type Backend } from './harness.ts';

export type RunTest = (name: string, fn: () => Promise<void>, timeoutMs?: number) => void;

/**
 * One describe block per database, each with a runtime of its own opened before its tests and
 * closed after them; on PostgreSQL the tests are skipped (with the notice above) when it cannot be
 * reached. `runtime()` is the block's runtime; `run` declares a test that is skipped when the block is.
 */
export function describeOnBackends(
  title: string,
  define: (runtime: () => Runtime, run: RunTest, block: { backend: Backend; env: () => NodeJS.ProcessEnv | undefined }) => void,
  overrides: NodeJS.ProcessEnv = {},
): void {
  for (const backend of BACKENDS) {
    describe(`${title} on ${backend}`, () => {
      let runtime: Runtime | undefined;
      let env: NodeJS.ProcessEnv | undefined;
      let cleanup: (() => Promise<void>) | undefined;
      let available = true;
      beforeAll(async () => {
        if (backend === 'postgres' && !(await postgresReachable())) {
          available = false;
          return;
        }
        const made = await backendEnv(backend, overrides);
        cleanup = made.cleanup;
        env = made.env;
        runtime = await createRuntime(env);
      });
      afterAll(async () => {
        await runtime?.stop();
        await cleanup?.();
      });
      const run: RunTest = (name, fn, timeoutMs = 60_000) =>
        it(name, { timeout: timeoutMs }, async (ctx) => {
          if (!available) ctx.skip();
          await fn();
        });
      define(() => runtime!, run, { backend, env: () => env });
    });
  }
}

/** A message submitted through the form's command with a solved proof of work; its number and query code. */
export async function submitted(
  runtime: Runtime,
  fields: Record<string, unknown>,
  options: { at?: string; client?: string; choices?: SubmissionChoices } = {},
): Promise<{ number: string; queryCode: string }> {
  const result = await submitMessage(runtime, {
    fields: { type: 'complaint', title: '路灯不亮', content: '望澜路北段的路灯已经一周不亮了。', phone: '13800000000', consent: true, ...fields },
    choices: options.choices ?? { types: ['consultation', 'help', 'complaint', 'suggestion', 'report'], units: ['water', 'housing'], tasks: [] },
    channel: 'form',
    client: options.client ?? 'test',
    idempotencyKey: null,
    proof: { kind: 'pow', payload: await solvedPayload(runtime.secret) },
    at: options.at,
  });
  if (result.kind !== 'created') throw new Error(`submission refused: ${JSON.stringify(result)}`);
  return result;
}
