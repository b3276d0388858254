import { type Compilable, CompiledQuery, type DialectAdapter } from 'kysely';
import type { Executor } from './db.js';

/** Shapes kept per database; past this the cache starts again, as the SQLite statement cache does. */
const SHAPES_KEPT = 500;

interface Compiled {
  sql: string;
  parameters: readonly unknown[];
  /** Where each named value goes among the parameters. */
  slots: readonly (readonly [index: number, name: string])[];
}

/**
 * A query run often, built and compiled once per shape instead of on every call. Kysely builds a
 * tree of frozen nodes for each query and compiles it to SQL every time: for a page of people with
 * 29 columns that costs more than SQLite takes to run it, and it is the same SQL every time.
 *
 * `build` gets stand-ins for the values (`bound`) and the values that shape the SQL (`shaping`:
 * which filters apply, a page size SQLite writes into the text). Its SQL is compiled once for
 * each `shaping`, each set of values present and each database, and run with the values put in
 * their stand-ins' places. So `build` must pass each bound value into the query as it is, never
 * read it. A stand-in that does not reach the SQL as a parameter, unchanged (one cased, trimmed,
 * or written into the text), is caught at the first call; a value read for something else, such
 * as its length, cannot be.
 */
export function compiledOnce<Bound extends Record<string, unknown>, Shaping, Row>(
  build: (db: Executor, bound: Bound, shaping: Shaping) => Compilable<Row>,
): (db: Executor, bound: Bound, shaping: Shaping) => Promise<Row[]> {
  const byDatabase = new WeakMap<DialectAdapter, Map<string, Compiled>>();
  return async (db, bound, shaping) => {
    const adapter = db.getExecutor().adapter;
    let shapes = byDatabase.get(adapter);
    if (!shapes) {
      shapes = new Map();
      byDatabase.set(adapter, shapes);
    }
    const present = Object.keys(bound).filter((name) => bound[name] !== undefined);
    const key = `${JSON.stringify(shaping)}|${present.join(',')}`;
    let compiled = shapes.get(key);
    if (!compiled) {
      if (shapes.size >= SHAPES_KEPT) shapes.clear();
      compiled = compile(db, build, present, shaping);
      shapes.set(key, compiled);
    }
    const parameters = [...compiled.parameters];
    for (const [index, name] of compiled.slots) parameters[index] = bound[name];
    const { rows } = await db.executeQuery<Row>(CompiledQuery.raw(compiled.sql, parameters));
    return rows;
  };
}

function compile<Bound extends Record<string, unknown>, Shaping, Row>(
  db: Executor,
  build: (db: Executor, bound: Bound, shaping: Shaping) => Compilable<Row>,
  present: readonly string[],
  shaping: Shaping,
): Compiled {
  // Cased and padded, so that lower- or upper-casing or trimming a stand-in changes it, and shows.
  const standIns = Object.fromEntries(present.map((name) => [name, ` Stand-In\u0000${name} `]));
  const { sql, parameters } = build(db, standIns as Bound, shaping).compile();
  const slots: [number, string][] = [];
  parameters.forEach((value, index) => {
    const name = present.find((n) => standIns[n] === value);
    if (name !== undefined) slots.push([index, name]);
  });
  const missing = present.filter((name) => !slots.some(([, n]) => n === name));
  if (missing.length > 0 || sql.includes('Stand-In\u0000')) {
    throw new Error(
      `compiledOnce: ${missing.join(', ') || 'a value'} must reach the SQL as a parameter, unchanged.`,
    );
  }
  return { sql, parameters, slots };
}
