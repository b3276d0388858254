import { capabilitiesOf, type Db, type Tx } from '../storage/db.js';
import type { RowOutcome } from './job.js';
import { inBatchTransaction } from './savepoints.js';

/**
 * What one line asks for: an outcome known without writing anything, or a change that makes its
 * outcome (and, if the change is refused, the outcome that says why).
 */
export type LineWork =
  | { outcome: RowOutcome }
  | { change: (tx: Tx) => Promise<RowOutcome>; refused: (error: unknown) => RowOutcome };

/** Records outcomes (and the job's counts) in the caller's transaction. */
export type Record = (tx: Tx, outcomes: readonly RowOutcome[]) => Promise<void>;

/**
 * Applies a batch of lines so that each line's change and its recorded outcome commit together,
 * and a refused line loses nothing else (R54). The work of each line is asked for only when its
 * turn comes, so it can depend on what earlier lines met (a daily limit).
 *
 * Where writers run side by side (PostgreSQL), each change gets a short transaction of its own,
 * as in `storage/units.ts`: an import never holds the rows every sender shares (the SMS budget,
 * R34) for longer than one line. Where one process writes and every commit syncs to disk
 * (SQLite), the batch shares one transaction with a savepoint per line. A preview keeps no change.
 */
export async function applyLines(
  db: Db,
  { preview, record }: { preview: boolean; record: Record },
  count: number,
  workFor: (index: number) => LineWork,
): Promise<void> {
  if (!capabilitiesOf(db).concurrentWriters) {
    const outcomes = await inBatchTransaction(db, preview, async (tx, tryEach) => {
      const done: RowOutcome[] = [];
      for (let i = 0; i < count; i++) {
        const work = workFor(i);
        if ('outcome' in work) done.push(work.outcome);
        else done.push(await tryEach(work.change).catch(work.refused));
      }
      if (!preview) await record(tx, done);
      return done;
    });
    if (preview) await db.transaction().execute((tx) => record(tx, outcomes));
    return;
  }
  // Outcomes that changed nothing are recorded together at the end.
  const quiet: RowOutcome[] = [];
  for (let i = 0; i < count; i++) {
    const work = workFor(i);
    if ('outcome' in work) quiet.push(work.outcome);
    else if (preview)
      quiet.push(await inBatchTransaction(db, true, (tx) => work.change(tx)).catch(work.refused));
    else {
      try {
        await db.transaction().execute(async (tx) => record(tx, [await work.change(tx)]));
      } catch (error) {
        quiet.push(work.refused(error));
      }
    }
  }
  await db.transaction().execute((tx) => record(tx, quiet));
}
