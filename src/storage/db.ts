import { type Kysely, type Migration, Migrator, type Transaction } from 'kysely';
import { openPostgres } from './dialects/postgres.js';
import { openSqlite } from './dialects/sqlite.js';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
export type DialectName = 'sqlite' | 'postgres';

export interface Storage {
  db: Db;
  dialect: DialectName;
  close(): Promise<void>;
}

/** `sqlite:./data/muster.db`, `sqlite::memory:` or `postgres://user@host:5432/name`. */
export function openDatabase(url: string): Storage {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length));
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(url);
  throw new Error(`Unsupported database URL "${url}": use sqlite:PATH or postgres://…`);
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

/** Which unique constraint a write broke, named by its column, or null for any other error. */
export function uniqueViolation(error: unknown): string | null {
  const e = error as { code?: string; constraint?: string; message?: string };
  const unique =
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  if (!unique) return null;
  const text = `${e.constraint ?? ''} ${e.message ?? ''}`;
  for (const column of ['phone', 'email', 'external_id', 'username', 'slug', 'key']) {
    if (text.includes(column)) return column;
  }
  return 'unknown';
}
