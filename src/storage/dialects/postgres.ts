import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Storage } from '../db.js';
import type { Database } from '../schema.js';

// COUNT(*) and other int8 values arrive as strings by default; ours stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export function openPostgres(url: string): Storage {
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
