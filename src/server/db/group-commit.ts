/**
 * Group commit: submissions that arrive while a transaction is being written wait for the next
 * one and share it, so a burst of fifty costs one fsync instead of fifty. Each unit of work runs in
 * its own savepoint, so one that fails (a duplicate, a replayed challenge) is undone alone; every
 * caller is answered only after the shared COMMIT has returned, so nothing is acknowledged before
 * it is durable. Under light load a unit starts at once and waits for nobody.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

type Work<T> = (trx: Transaction<Database>) => Promise<T>;
interface Unit {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export class GroupCommit {
  #pending: Unit[] = [];
  #draining = false;

  readonly #db: Kysely<Database>;
  readonly #maxBatch: number;

  constructor(db: Kysely<Database>, maxBatch = 64) {
    this.#db = db;
    this.#maxBatch = maxBatch;
  }

  /** Run `work` inside a (possibly shared) transaction; resolves after that transaction commits. */
  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ work: work as Work<unknown>, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#draining) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      while (this.#pending.length > 0) {
        // Let requests that are one step from here (their checks just finished) join this transaction.
        await new Promise((resolve) => setImmediate(resolve));
        await this.#commit(this.#pending.splice(0, this.#maxBatch));
      }
    } finally {
      this.#draining = false;
    }
  }

  async #commit(batch: Unit[]): Promise<void> {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    // A unit alone in its transaction needs no savepoint: if it fails, the whole transaction is rolled back.
    const alone = batch.length === 1;
    let trx;
    try {
      trx = await this.#db.startTransaction().execute();
      for (const [index, unit] of batch.entries()) {
        const name = `unit_${index}`;
        const point = alone ? undefined : await trx.savepoint(name).execute();
        try {
          outcomes.push({ ok: true, value: await unit.work(point ?? trx) });
        } catch (error) {
          await point?.rollbackToSavepoint(name).execute();
          outcomes.push({ ok: false, error });
        }
        await point?.releaseSavepoint(name).execute();
      }
      if (alone && !outcomes[0]!.ok) await trx.rollback().execute();
      else await trx.commit().execute();
    } catch (error) {
      if (trx)
        await trx
          .rollback()
          .execute()
          .catch(() => {});
      for (const unit of batch) unit.reject(error);
      return;
    }
    batch.forEach((unit, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) unit.resolve(outcome.value);
      else unit.reject(outcome.error);
    });
  }
}
