import { capabilitiesOf, type Db, type Tx } from './db.js';

/**
 * Runs `work` for each item so that each succeeds or fails on its own: a refusal rolls back
 * that item's writes only, and `onError` decides whether to go on (return) or stop (rethrow).
 *
 * Where writers run side by side (PostgreSQL), each item gets a short transaction of its own,
 * so no transaction holds rows that others wait for. Where one process writes and every commit
 * syncs to disk (SQLite), a page of items shares one transaction with a savepoint each.
 */
export async function forEachInOwnUnit<Item>(
  db: Db,
  items: readonly Item[],
  work: (tx: Tx, item: Item) => Promise<void>,
  onError: (error: unknown, item: Item) => void,
): Promise<void> {
  if (capabilitiesOf(db).concurrentWriters) {
    for (const item of items) {
      try {
        await db.transaction().execute((tx) => work(tx, item));
      } catch (error) {
        onError(error, item);
      }
    }
    return;
  }
  const tx = await db.startTransaction().execute();
  try {
    for (const item of items) {
      const unit = await tx.savepoint('unit').execute();
      try {
        await work(unit, item);
        await unit.releaseSavepoint('unit').execute();
      } catch (error) {
        await unit.rollbackToSavepoint('unit').execute();
        onError(error, item);
      }
    }
    await tx.commit().execute();
  } catch (error) {
    await tx.rollback().execute();
    throw error;
  }
}

/**
 * Runs `work` inside a transaction that is always rolled back: a preview sees exactly what the
 * writes would do, and keeps none of them. `tryEach` gives each step a savepoint, so a refused
 * step undoes only itself and later steps still see the ones that succeeded.
 */
export async function inRolledBackTransaction<T>(
  db: Db,
  work: (tryEach: <R>(step: (tx: Tx) => Promise<R>) => Promise<R>) => Promise<T>,
): Promise<T> {
  const tx = await db.startTransaction().execute();
  try {
    return await work(async (step) => {
      const unit = await tx.savepoint('step').execute();
      try {
        const result = await step(unit);
        await unit.releaseSavepoint('step').execute();
        return result;
      } catch (error) {
        await unit.rollbackToSavepoint('step').execute();
        throw error;
      }
    });
  } finally {
    await tx.rollback().execute();
  }
}
