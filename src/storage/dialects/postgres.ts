import { createRequire } from 'node:module';
import { Kysely, PostgresDialect } from 'kysely';
import type PG from 'pg';
import type { Storage } from '../db.js';
import type { Database } from '../schema.js';

/**
 * The driver is loaded when a PostgreSQL database is opened, not with the server: one on SQLite
 * never needs it, and loaded it holds heap (and V8's headroom above it) for the process's life.
 */
function loadDriver(): typeof PG {
  const pg = createRequire(import.meta.url)('pg') as typeof PG;
  // COUNT(*) and other int8 values arrive as strings by default; ours stay far below 2^53.
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
  return pg;
}

export function openPostgres(url: string): Storage {
  const pg = loadDriver();
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that the server ends (a restart, a failover, a dropped database) must not
  // crash the process: the pool discards it and opens a new one when next needed.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    // Several server processes may share the database, and transactions run side by side.
    capabilities: { name: 'postgres', concurrentWriters: true, writesInOneStatement: true },
    close: () => db.destroy(),
  };
}
