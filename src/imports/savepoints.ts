import type { ControlledTransaction } from 'kysely';
import type { Db, Tx } from '../storage/db.js';
import type { Database } from '../storage/schema.js';

/** Runs one step in a savepoint of the caller's transaction: a refused step undoes only itself. */
export type TryEach = <R>(step: (tx: Tx) => Promise<R>) => Promise<R>;

function savepoints(tx: ControlledTransaction<Database>): TryEach {
  return async (step) => {
    const unit = await tx.savepoint('line').execute();
    try {
      const result = await step(unit);
      await unit.releaseSavepoint('line').execute();
      return result;
    } catch (error) {
      await unit.rollbackToSavepoint('line').execute();
      throw error;
    }
  };
}

/**
 * A batch of lines in one transaction, a savepoint per line: one commit (one sync to disk on
 * SQLite) for the batch, and a refused line loses nothing else. With `rollBack`, nothing is kept:
 * a preview sees what the writes would do, later lines seeing earlier ones.
 */
export async function inBatchTransaction<T>(
  db: Db,
  rollBack: boolean,
  work: (tx: Tx, tryEach: TryEach) => Promise<T>,
): Promise<T> {
  const tx = await db.startTransaction().execute();
  let result: T;
  try {
    result = await work(tx, savepoints(tx));
  } catch (error) {
    await tx.rollback().execute();
    throw error;
  }
  await (rollBack ? tx.rollback() : tx.commit()).execute();
  return result;
}
