import type { Deps } from '../deps.js';
import type { Tx } from '../storage/db.js';
import { type Phase, writeOutcomes } from './import-rows.store.js';
import { addToCounters, type CounterDeltas } from './imports.store.js';
import type { ClaimedRow, ImportJob, RowOutcome } from './job.js';

/** Another worker took these lines over (this one's lease lapsed): what this one did is undone. */
export class LeaseLost extends Error {}

/**
 * Writes outcomes on lines still this worker's, and adds them to the job's counts, in the
 * caller's transaction: with the change they describe, or not at all.
 */
export async function recordOutcomes(
  tx: Tx,
  deps: Deps,
  { job, owner, phase }: { job: ImportJob; owner: string; phase: Phase },
  rows: ReadonlyMap<number, ClaimedRow>,
  outcomes: readonly RowOutcome[],
  phoneAccountsSpent = 0,
) {
  if (outcomes.length === 0 && phoneAccountsSpent === 0) return;
  const written = await writeOutcomes(tx, { jobId: job.id, owner, phase }, outcomes);
  if (written !== outcomes.length) throw new LeaseLost('Another worker took over these lines.');
  const deltas = countDeltas(rows, outcomes);
  deltas.phoneAccountsSpent = phoneAccountsSpent;
  await addToCounters(tx, job.id, deltas, deps.clock.now().toISOString());
}

const COUNTED = ['created', 'updated', 'unchanged', 'failed'] as const;
type Counted = (typeof COUNTED)[number];
const isCounted = (status: string): status is Counted => (COUNTED as readonly string[]).includes(status);

/** How outcomes move the job's counts: lines finished, and lines held back (or no longer). */
function countDeltas(rows: ReadonlyMap<number, ClaimedRow>, outcomes: readonly RowOutcome[]): CounterDeltas {
  const d: CounterDeltas = {
    processed: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    waiting: 0,
    phoneAccountsSpent: 0,
  };
  for (const outcome of outcomes) {
    const row = rows.get(outcome.line);
    const wasHeld = row?.status === 'pending' && row.notBefore !== null;
    // The second pass (managers) moves a counted line from one status to another.
    if (row && isCounted(row.status)) {
      d[row.status] -= 1;
      d.processed -= 1;
    }
    if (outcome.status === 'pending') {
      if (!wasHeld) d.waiting += 1;
      continue;
    }
    if (wasHeld) d.waiting -= 1;
    d.processed += 1;
    if (outcome.status === 'waiting') d.waiting += 1;
    else d[outcome.status] += 1;
  }
  return d;
}
