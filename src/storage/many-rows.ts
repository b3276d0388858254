import { CompiledQuery, type Insertable, SqliteAdapter, sql } from 'kysely';
import type { Executor } from './db.js';
import type { Database } from './schema.js';
import { toWellFormed } from './well-formed.js';

/** Bound values per statement on SQLite: inside its limit of 32,766, whatever the table. */
const SQLITE_VALUES_BUDGET = 30_000;
/** Rows per statement on PostgreSQL: one parameter each statement, a few MB of JSON at most. */
const POSTGRES_ROWS = 2_000;

/**
 * A list in slices of `size`, for `in (…)` lists: one statement a slice stays far inside both
 * databases' limits on bound values, however long the list.
 */
export function slices<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Whether statements run in this process (SQLite), where many small statements cost little but a
 * long one holds the server's only thread, or cross the network (PostgreSQL), where each one is
 * a round trip to plan and run: a store picks the form of a large write by it, never by the
 * database's name.
 */
export function statementsAreCheap(db: Executor): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/**
 * Many new rows of one table (an import's batch), in as few statements as the database allows.
 * On PostgreSQL, where every bound value is parsed and planned, the rows travel as one JSON
 * parameter that json_populate_recordset unpacks into the table's own row type: a statement of
 * ten thousand parameters costs the driver and the server more than the rows. On SQLite, in the
 * same process, bound values are cheap and a multi-row VALUES is the fastest form.
 * Every row must have the same columns; a clash fails the whole call.
 */
export async function insertMany<T extends keyof Database & string>(
  db: Executor,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  if (statementsAreCheap(db)) {
    // Built as text with a placeholder per value: the query builder would make a node of every
    // value first, which for an import's batch costs more than SQLite's insert of the rows.
    const quoted = columns.map((column) => `"${column.replaceAll('"', '""')}"`).join(', ');
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const perStatement = Math.max(1, Math.floor(SQLITE_VALUES_BUDGET / columns.length));
    for (let i = 0; i < rows.length; i += perStatement) {
      const chunk = rows.slice(i, i + perStatement) as readonly Record<string, unknown>[];
      const values: unknown[] = [];
      for (const row of chunk) for (const column of columns) values.push(row[column] ?? null);
      const text = `insert into "${table}" (${quoted}) values ${Array(chunk.length).fill(tuple).join(', ')}`;
      await db.executeQuery(CompiledQuery.raw(text, values));
    }
    return;
  }
  const names = sql.join(columns.map((column) => sql.ref(column)));
  for (let i = 0; i < rows.length; i += POSTGRES_ROWS) {
    const json = asJson(rows.slice(i, i + POSTGRES_ROWS));
    await sql`insert into ${sql.table(table)} (${names}) select ${names} from json_populate_recordset(null::${sql.table(table)}, ${json}::json)`.execute(
      db,
    );
  }
}

/**
 * Rows as JSON that PostgreSQL reads as it reads the same values bound one by one. JSON.stringify
 * writes a lone surrogate as a `\udxxx` escape, which PostgreSQL's JSON parser refuses; bound as
 * a value, the driver's UTF-8 encoding makes it U+FFFD, and so does this.
 */
function asJson(rows: readonly unknown[]): string {
  const json = JSON.stringify(rows);
  // Every other character is written as it is, so without this escape there is nothing to mend.
  if (!json.includes('\\ud')) return json;
  return JSON.stringify(rows, (_key, value: unknown) =>
    typeof value === 'string' ? toWellFormed(value) : value,
  );
}
