import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type OperationNodeSource,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type RootOperationNode,
  sql,
} from 'kysely';
import { capabilitiesOf, type Db, type Executor } from './db.js';
import { retryOnDeadlock } from './deadlock.js';
import type { Database } from './schema.js';

/**
 * Runs some writes as one atomic unit, in as few round trips as the database allows. `write`
 * calls ordinary store functions with the executor it is given, which must only write (what a
 * write answers, such as rows it returns, is not there to read); its own answer is returned
 * once every write is done.
 *
 * Where every statement crosses the network (PostgreSQL), the writes are collected rather than
 * sent, and go as one statement, each a data-modifying WITH of it: one round trip and one commit
 * instead of a BEGIN, a statement each and a COMMIT. Elsewhere (SQLite, in-process, where a
 * round trip costs nothing) they run in one transaction as they are.
 */
export async function writeAsOne<T>(db: Db, write: (executor: Executor) => Promise<T>): Promise<T> {
  if (!capabilitiesOf(db).writesInOneStatement) return db.transaction().execute(write);
  const writes: RootOperationNode[] = [];
  const answer = await write(recorder(writes));
  const [first, ...rest] = writes;
  if (!first) return answer;
  // WITH w0 AS (insert …), w1 AS (delete …) SELECT 1: PostgreSQL runs every WITH to completion.
  let statement = db.with('w0', () => source(first));
  for (const [i, node] of rest.entries()) statement = statement.with(`w${i + 1}`, () => source(node));
  await retryOnDeadlock(() => statement.selectNoFrom(sql<number>`1`.as('done')).execute());
  return answer;
}

/** A built query, as Kysely's WITH takes one. */
function source(node: RootOperationNode) {
  // biome-ignore lint/suspicious/noExplicitAny: a recorded query has no row type left; WITH ignores it here.
  return { toOperationNode: () => node } as OperationNodeSource as any;
}

/** A Kysely for PostgreSQL that records the queries it is asked to run instead of running them. */
function recorder(writes: RootOperationNode[]): Kysely<Database> {
  const connection: DatabaseConnection = {
    async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
      writes.push(compiled.query);
      return { rows: [] };
    },
    streamQuery: () => {
      throw new Error('writeAsOne collects writes; it cannot stream a read.');
    },
  };
  const driver: Driver = {
    init: async () => undefined,
    acquireConnection: async () => connection,
    beginTransaction: async () => undefined,
    commitTransaction: async () => undefined,
    rollbackTransaction: async () => undefined,
    releaseConnection: async () => undefined,
    destroy: async () => undefined,
  };
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}
