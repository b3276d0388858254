import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  type LimitNode,
  type OffsetNode,
  type OperationNode,
  type SelectModifierNode,
  SqliteDialect,
  SqliteQueryCompiler,
  type SqliteStatement,
  ValueNode,
} from 'kysely';
import type { Storage } from '../db.js';
import type { Database } from '../schema.js';

const STATEMENT_CACHE_SIZE = 1000;

/** Row-lock modifiers that PostgreSQL needs and SQLite has no syntax for. */
const ROW_LOCKS = new Set(['ForUpdate', 'ForNoKeyUpdate', 'ForShare', 'ForKeyShare', 'NoWait', 'SkipLocked']);

/**
 * SQLite runs one write transaction at a time, so a row another writer holds can never be read
 * for update: `FOR UPDATE` and `SKIP LOCKED` are already true of every query. Stores write them
 * once for PostgreSQL, and this compiler leaves them out, so no code above the storage layer
 * asks which database it runs on.
 */
class LockFreeSqliteQueryCompiler extends SqliteQueryCompiler {
  protected override visitSelectModifier(node: SelectModifierNode): void {
    if (node.modifier && ROW_LOCKS.has(node.modifier)) return;
    super.visitSelectModifier(node);
  }

  // A LIMIT or OFFSET given as a parameter makes SQLite prepare the statement again every time it
  // is bound (the planner reads the value), which more than doubled the cost of a one-row
  // lookup. A whole number is written into the SQL instead: page sizes are few, so their
  // statements stay in the cache; a new offset is a new statement, prepared once, no dearer than
  // the re-preparing it replaces.
  protected override visitLimit(node: LimitNode): void {
    if (!this.appendWholeNumber('limit ', node.limit)) super.visitLimit(node);
  }

  protected override visitOffset(node: OffsetNode): void {
    if (!this.appendWholeNumber('offset ', node.offset)) super.visitOffset(node);
  }

  private appendWholeNumber(keyword: string, value: OperationNode): boolean {
    if (!ValueNode.is(value) || !Number.isSafeInteger(value.value)) return false;
    this.append(`${keyword}${value.value as number}`);
    return true;
  }
}

class MusterSqliteDialect extends SqliteDialect {
  override createQueryCompiler() {
    return new LockFreeSqliteQueryCompiler();
  }
}

const SCHEMA_CHANGE = /^\s*(?:create|alter|drop)\s/i;

/**
 * A statement whose rows come from better-sqlite3 as arrays and are made into objects here, by a
 * function made once for the statement's columns. better-sqlite3 makes each row's object key by
 * key, as a dictionary, so every column of every row costs a string-table lookup to make and a
 * hash lookup to read. An object literal with the columns as its keys has a fixed shape that V8
 * reads at a known place. Measured: a page of 1,000 people (52 columns) 11.1 → 6.8 ms, a person
 * with their community 23 → 17 µs, before their columns are read.
 */
function withRowsAsObjects(statement: SQLite.Statement): SqliteStatement {
  if (!statement.reader) return statement;
  const toRow = rowMaker(statement.columns().map((column) => column.name));
  statement.raw(true);
  return {
    reader: true,
    all: (parameters) => (statement.all(parameters) as unknown[][]).map(toRow),
    run: (parameters) => statement.run(parameters),
    *iterate(parameters) {
      for (const values of statement.iterate(parameters)) yield toRow(values as unknown[]);
    },
  };
}

/**
 * A function making a row's values (in column order) into an object literal keyed by `names`.
 * The names are written as JSON strings, which are JavaScript strings: no name can be code. A
 * name that comes twice keeps its last value, as better-sqlite3's objects do.
 */
export function rowMaker(names: readonly string[]): (values: unknown[]) => Record<string, unknown> {
  return new Function(
    'values',
    `return {${names.map((name, i) => `${JSON.stringify(name)}: values[${i}]`).join(', ')}};`,
  ) as (values: unknown[]) => Record<string, unknown>;
}

export function openSqlite(path: string): Storage {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const connection = new SQLite(path);
  // WAL lets readers run beside the writer; FULL syncs every commit so a crash loses no
  // acknowledged write (an SMS queued, a code consumed).
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  // Kysely prepares every query afresh; the same few hundred SQL texts recur, so their compiled
  // statements are kept. (None is iterated lazily, so one statement is never in use twice.) A
  // change to the schema through this connection (a migration) forgets them all: a kept
  // `select *` would otherwise make its rows with the columns it had when it was prepared.
  const statements = new Map<string, SqliteStatement>();
  const database = {
    close: () => connection.close(),
    prepare(sql: string) {
      if (SCHEMA_CHANGE.test(sql)) statements.clear();
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statement = withRowsAsObjects(connection.prepare(sql));
        statements.set(sql, statement);
      }
      return statement;
    },
  };
  const db = new Kysely<Database>({ dialect: new MusterSqliteDialect({ database }) });
  return {
    db,
    // One process owns the file and one transaction writes at a time; each commit syncs to disk.
    capabilities: { name: 'sqlite', concurrentWriters: false, writesInOneStatement: false },
    close: () => db.destroy(),
  };
}
