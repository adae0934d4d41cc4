/**
 * Group commit: submissions that arrive while a transaction is being written wait for the next
 * one and share it, so a burst of fifty costs one fsync instead of fifty. Every caller is answered
 * only after the shared COMMIT has returned, so nothing is acknowledged before it is durable. Under
 * light load a unit starts at once and waits for nobody.
 *
 * A batch first runs all its units straight in the transaction. If one fails (a duplicate, a
 * replayed challenge), that transaction is undone whole and the batch runs again with each unit in
 * its own savepoint, so the failing one is undone alone: savepoints cost two statements a unit, paid
 * only by a batch that needs them. A unit's work may therefore run twice, and must do nothing but
 * database work in the transaction it is given.
 *
 * The units of a batch share what they leave to its end (`Batch`): running totals, added up and
 * written once before COMMIT, and the last hash of each audit chain written so far.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';
import { addToCounters, type CounterChange } from './counters.ts';

/** What a unit shares with the other units of its transaction. */
export interface Batch {
  /** Running totals to add at the end of the batch (a failed unit's are dropped with it). */
  addToCounters(changes: readonly CounterChange[]): void;
  /** The last hash of each hash chain (audit/chain.ts) as this transaction has left it so far. */
  lastHashes: Map<string, string>;
}

type Work<T> = (trx: Transaction<Database>, batch: Batch) => Promise<T>;
interface Unit {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

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
        const batch = this.#pending.splice(0, this.#maxBatch);
        // A unit alone needs no savepoint: if it fails, its transaction is undone and nothing else with it.
        if (batch.length === 1 || !(await this.#commit(batch, false))) await this.#commit(batch, true);
      }
    } finally {
      this.#draining = false;
    }
  }

  /**
   * Runs the batch in one transaction and answers its units. With `isolated`, each unit runs in its own
   * savepoint (none when alone) and a failure is that unit's answer. Without, the first failure undoes
   * the transaction and nothing is answered: false, to run the batch again isolated.
   */
  async #commit(units: Unit[], isolated: boolean): Promise<boolean> {
    const outcomes: Outcome[] = [];
    const counters: CounterChange[] = [];
    const lastHashes = new Map<string, string>();
    const savepoints = isolated && units.length > 1;
    let trx;
    try {
      trx = await this.#db.startTransaction().execute();
      for (const [index, unit] of units.entries()) {
        const own: CounterChange[] = [];
        const batch: Batch = { addToCounters: (changes) => void own.push(...changes), lastHashes };
        const name = `unit_${index}`;
        const point = savepoints ? await trx.savepoint(name).execute() : undefined;
        try {
          const value = await unit.work(point ?? trx, batch);
          // Isolated, a unit's totals are written in its own savepoint: one that cannot be written fails that unit alone.
          if (isolated) await addToCounters(point ?? trx, own);
          else counters.push(...own);
          outcomes.push({ ok: true, value });
        } catch (error) {
          if (!isolated) {
            await trx.rollback().execute();
            return false;
          }
          await point?.rollbackToSavepoint(name).execute();
          // The hashes it chained onto are undone with it: the next unit reads the chain's end again.
          lastHashes.clear();
          outcomes.push({ ok: false, error });
        }
        await point?.releaseSavepoint(name).execute();
      }
      if (!isolated) {
        try {
          await addToCounters(trx, counters);
        } catch {
          // Whose totals could not be written cannot be told here: the batch runs again isolated, and the unit is found.
          await trx.rollback().execute();
          return false;
        }
      }
      if (outcomes.some((outcome) => outcome.ok)) await trx.commit().execute();
      else await trx.rollback().execute();
    } catch (error) {
      if (trx)
        await trx
          .rollback()
          .execute()
          .catch(() => {});
      for (const unit of units) unit.reject(error);
      return true;
    }
    units.forEach((unit, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) unit.resolve(outcome.value);
      else unit.reject(outcome.error);
    });
    return true;
  }
}
