/**
 * Statements of the busy write path (a submission: the proof used, the day's counter, the message, its
 * words, its first event) written by the query builder once, not once per run. Building and compiling a
 * Kysely query cost more than SQLite took to run the small insert it wrote (a tenth of the intake's CPU,
 * issue 13). The builder writes the statement the first time it runs on a store, with a named slot in
 * place of each value; every run then fills the slots and goes through Kysely's executor and driver as
 * any query does (same SQL text, so SQLite's prepared statement is reused too: db/open.ts).
 *
 * The builder must put each value into the query as a value, never look at it: it sees placeholders,
 * not the caller's data. It is refused the first time it runs if it changes a placeholder, writes one into
 * the SQL text or leaves one out; a run is refused if it leaves a value out (rather than writing NULL) or
 * brings one the statement has no slot for. The template is kept per dialect adapter, which a store's
 * transactions share; the store's Kysely has no plugins, which a template would bypass.
 */
import { createQueryId, type Compilable, type Kysely, type QueryResult, type RawBuilder, type RootOperationNode } from 'kysely';
import type { Database } from './schema.ts';

type Db = Kysely<Database>;

/** What stands in a slot while the builder writes: spaces and capitals, so that trimming or changing case shows. */
const placeholder = (slot: string) => ` \u0000Slot:${slot}\u0000 `;
const LOOKS_LIKE_A_SLOT = new RegExp(`${String.fromCharCode(0)}slot:`, 'i');

type Parameter = { slot: string } | { fixed: unknown };

interface Template {
  query: RootOperationNode;
  sql: string;
  parameters: Parameter[];
}

export interface PreparedStatement<Values, Row> {
  execute(db: Db, values: Values): Promise<QueryResult<Row>>;
}

/** A query builder's statement, or one written with the `sql` tag. */
type Statement<Row> = Compilable<Row> | RawBuilder<Row>;

function writeTemplate<Values>(db: Db, slots: readonly string[], build: (db: Db, values: Values) => Statement<unknown>): Template {
  const placeholders = Object.fromEntries(slots.map((slot) => [slot, placeholder(slot)])) as Values;
  const slotOf = new Map(slots.map((slot) => [placeholder(slot), slot]));
  const statement = build(db, placeholders);
  const compiled = 'isRawBuilder' in statement ? statement.compile(db) : statement.compile();
  if (LOOKS_LIKE_A_SLOT.test(compiled.sql)) throw new Error(`预编译语句把占位值写进了 SQL 文本：${JSON.stringify(compiled.sql)}`);
  const parameters = compiled.parameters.map((value): Parameter => {
    if (typeof value !== 'string' || !LOOKS_LIKE_A_SLOT.test(value)) return { fixed: value };
    const slot = slotOf.get(value);
    if (slot === undefined) throw new Error(`预编译语句改动了占位值：${JSON.stringify(value)}`);
    return { slot };
  });
  // A slot the statement never binds was turned into something else (a number, a length, JSON) or left out.
  for (const slot of slots)
    if (!parameters.some((parameter) => 'slot' in parameter && parameter.slot === slot)) throw new Error(`预编译语句没有用到「${slot}」的值`);
  return { query: compiled.query, sql: compiled.sql, parameters };
}

/**
 * A statement with a slot for each name in `slots`, written by `build` once per store (the dialect's
 * SQL differs) and run with `execute(db, values)`, inside a transaction or not.
 */
export function preparedStatement<Values extends Record<string, unknown>, Row = unknown>(
  slots: readonly (keyof Values & string)[],
  build: (db: Db, values: Values) => Statement<Row>,
): PreparedStatement<Values, Row> {
  // One template per store: a store's Kysely and its transactions share one dialect adapter.
  const templates = new WeakMap<object, Template>();
  const named = new Set<string>(slots);
  return {
    async execute(db, values) {
      // A value with no slot would be dropped without a word (the builder wrote its column out, or never saw it).
      for (const name in values) if (!named.has(name)) throw new TypeError(`预编译语句没有「${name}」的位置`);
      const adapter = db.getExecutor().adapter;
      let template = templates.get(adapter);
      if (!template) templates.set(adapter, (template = writeTemplate(db, slots, build)));
      const parameters = template.parameters.map((parameter) => {
        if ('fixed' in parameter) return parameter.fixed;
        const value = values[parameter.slot];
        if (value === undefined) throw new TypeError(`预编译语句缺少「${parameter.slot}」的值`);
        return value;
      });
      return await db.executeQuery<Row>({ query: template.query, queryId: createQueryId(), sql: template.sql, parameters });
    },
  };
}
