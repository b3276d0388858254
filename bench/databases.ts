import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type DatabaseKind = 'sqlite' | 'postgres';

/** Where throw-away PostgreSQL databases are made: a server the benchmark may create databases on. */
export const POSTGRES_ADMIN_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const LABEL: Record<DatabaseKind, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

/** The databases to measure: BENCH_DATABASES=sqlite,postgres (the default) or either alone. */
export function databaseKinds(): DatabaseKind[] {
  return (process.env.BENCH_DATABASES ?? 'sqlite,postgres')
    .split(',')
    .map((name) => name.trim())
    .filter((name): name is DatabaseKind => name === 'sqlite' || name === 'postgres');
}

export interface ThrowAwayDatabase {
  kind: DatabaseKind;
  url: string;
  drop(): Promise<void>;
}

async function onAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty database of a kind, dropped afterwards; null (with a line saying why) when
 * PostgreSQL does not answer, so a machine without it still measures SQLite.
 */
export async function throwAwayDatabase(kind: DatabaseKind): Promise<ThrowAwayDatabase | null> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'muster-bench-'));
    return {
      kind,
      url: `sqlite:${join(dir, 'bench.db')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `muster_bench_${randomBytes(4).toString('hex')}`;
  try {
    await onAdmin((client) => client.query(`create database ${name}`));
  } catch (error) {
    console.log(
      `PostgreSQL at ${POSTGRES_ADMIN_URL} does not answer (${(error as Error).message}): skipped.`,
    );
    return null;
  }
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    kind,
    url: url.toString(),
    drop: () =>
      onAdmin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/**
 * CPU time (user + system, µs) used so far by the PostgreSQL backends serving one database,
 * read from /proc (a backend's title names its database); 0 where there is none. Its growth
 * over a run, per request, is what the database costs each request on the cores the server
 * shares with it, whatever else the machine's PostgreSQL serves meanwhile.
 */
export function postgresCpuMicros(databaseUrl: string): number {
  const name = new URL(databaseUrl).pathname.slice(1);
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!title.startsWith('postgres:') || !title.includes(` ${name} `)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended while we looked.
    }
  }
  // Linux counts in clock ticks of 1/100 s.
  return ticks * 10_000;
}
