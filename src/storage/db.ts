import { type Kysely, type Migration, Migrator, sql, type Transaction } from 'kysely';
import { openPostgres } from './dialects/postgres.js';
import { openSqlite } from './dialects/sqlite.js';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either: store functions run inside the caller's transaction or on their own. */
export type Executor = Db | Tx;

/**
 * What the code above may know of the database it runs on: capabilities, never a name to branch
 * on (the name is for people: health checks, logs).
 */
export interface Capabilities {
  readonly name: 'sqlite' | 'postgres';
  /**
   * Several processes (and transactions) write at once. Then throttles must live in the database
   * and long transactions hold shared rows; without it, one process owns the database and each
   * commit is a sync to disk, so grouping writes pays.
   */
  readonly concurrentWriters: boolean;
  /**
   * Several writes can travel as one statement, each a data-modifying WITH of it: one round trip
   * and one commit where every statement crosses the network (see write-as-one.ts).
   */
  readonly writesInOneStatement: boolean;
}

export interface Storage {
  db: Db;
  capabilities: Capabilities;
  close(): Promise<void>;
}

const capabilitiesByDb = new WeakMap<Db, Capabilities>();

/** `sqlite:./data/muster.db`, `sqlite::memory:` or `postgres://user@host:5432/name`. */
export function openDatabase(url: string): Storage {
  let storage: Storage;
  if (url.startsWith('sqlite:')) storage = openSqlite(url.slice('sqlite:'.length));
  else if (url.startsWith('postgres://') || url.startsWith('postgresql://')) storage = openPostgres(url);
  else throw new Error(`Unsupported database URL "${url}": use sqlite:PATH or postgres://…`);
  capabilitiesByDb.set(storage.db, storage.capabilities);
  return storage;
}

/** The capabilities of a database opened with openDatabase. */
export function capabilitiesOf(db: Db): Capabilities {
  const capabilities = capabilitiesByDb.get(db);
  if (!capabilities) throw new Error('This database was not opened with openDatabase.');
  return capabilities;
}

function migrator(db: Db): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async (): Promise<Record<string, Migration>> => migrations },
  });
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error;
  return (results ?? []).map((r) => r.migrationName);
}

/** Reverses the newest migration (for development). */
export async function migrateDown(db: Db): Promise<string[]> {
  const { error, results } = await migrator(db).migrateDown();
  if (error) throw error;
  return (results ?? []).map((r) => r.migrationName);
}

/** True when the database answers: the health check. */
export async function pingDatabase(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/** Which unique constraint a write broke, named by its column, or null for any other error. */
export function uniqueViolation(error: unknown): string | null {
  const e = error as { code?: string; constraint?: string; message?: string };
  const unique =
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  if (!unique) return null;
  const text = `${e.constraint ?? ''} ${e.message ?? ''}`;
  for (const column of ['phone', 'email', 'external_id', 'user_name', 'username', 'slug', 'key']) {
    if (text.includes(column)) return column;
  }
  return 'unknown';
}
