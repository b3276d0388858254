import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Decides once whether the PostgreSQL half of the suite runs. It runs whenever a server is
 * reachable; under CI it must run, so an unreachable server fails the whole run instead of
 * quietly halving it.
 */
export default async function setup(project: TestProject) {
  const url = process.env.MUSTER_TEST_POSTGRES_URL || DEFAULT_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    project.provide('postgresUrl', url);
    process.stdout.write(`PostgreSQL suite: on (${url.replace(/\/\/[^@]*@/, '//')})\n`);
  } catch (error) {
    if (process.env.CI || process.env.MUSTER_TEST_POSTGRES_URL) {
      throw new Error(
        `The PostgreSQL suite must run here but ${url} is unreachable: ${(error as Error).message}`,
      );
    }
    project.provide('postgresUrl', null);
    process.stdout.write('PostgreSQL suite: SKIPPED (no server reachable; set MUSTER_TEST_POSTGRES_URL)\n');
  } finally {
    await client.end().catch(() => undefined);
  }
}
