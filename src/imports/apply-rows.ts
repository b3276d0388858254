import { findCommunityOrThrow } from '../communities/communities.store.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { addPersonIn } from '../onboarding/add-person.js';
import { NotInBulk } from '../onboarding/bulk-writes.js';
import { type Holds, untilOf } from '../onboarding/limits-met.js';
import { rethrowUnique } from '../people/guards.js';
import { updatePersonIn } from '../people/update-person.js';
import { type Tx, uniqueViolation } from '../storage/db.js';
import { mapHeader } from './columns.js';
import { type BulkLine, createInBulk } from './create-in-bulk.js';
import { deferred } from './holds.js';
import { type ClaimedRow, type ImportJob, jobContext, type RowOutcome } from './job.js';
import { applyLines, type LineWork, type Record } from './line-units.js';
import { loadLookups } from './lookups.js';
import { type Plan, planRow } from './plan-row.js';
import { LeaseLost, recordOutcomes } from './record-outcomes.js';

/** Daily limits met in this batch: later lines they would stop are held back without trying. */
interface Gates extends Holds {
  /** A preview's copy of today's allowance of new phone accounts (R6). */
  phoneLeft: number | null;
  phoneSpent: number;
}

interface Applying {
  deps: Deps;
  ctx: ActingContext;
  job: ImportJob;
  gates: Gates;
}

interface Line {
  row: ClaimedRow;
  plan: Plan;
}

export interface BulkOptions {
  /** Every line through addPersonIn, one by one, as before the bulk path: to compare the two. */
  lineByLine?: boolean | undefined;
  /** Hears of a run the bulk path failed to add for an unexpected reason (it went line by line). */
  onError?: ((error: unknown) => void) | undefined;
}

/**
 * Applies a batch of leased lines: each creates or updates its person with the rules of Add
 * person and Edit person, and records its outcome with its change (R54). A line a daily limit
 * stops is held back until the limit resets (R6, R34); a preview changes nothing and records
 * only the verdicts.
 *
 * New people are added a run of lines at a time with multi-row statements (createInBulk), which
 * is what makes a large file fast; updates go through updatePersonIn line by line. Runs keep file
 * order, so a line sees exactly what the lines before it did. A run the bulk path cannot vouch
 * for (a login someone took meanwhile) is applied line by line through addPersonIn instead.
 */
export async function applyRows(
  deps: Deps,
  job: ImportJob,
  rows: readonly ClaimedRow[],
  owner: string,
  bulk: BulkOptions = {},
) {
  const map = mapHeader(job.header);
  const gates: Gates = { phoneUntil: null, smsUntil: null, phoneLeft: job.phoneAccountsLeft, phoneSpent: 0 };
  // Read for its checks (and to fail early if it is gone); the use cases read it again as they write.
  await findCommunityOrThrow(deps.db, job.communityId);
  const lookups = await loadLookups(deps.db, { jobId: job.id, communityId: job.communityId }, rows);
  const applying: Applying = { deps, ctx: jobContext(job), job, gates };
  const byLine = new Map(rows.map((row) => [row.line, row]));
  const record: Record = (tx, outcomes) =>
    recordOutcomes(tx, deps, { job, owner, phase: 'rows' }, byLine, outcomes, gates.phoneSpent);
  const lines = rows.map((row) => ({ row, plan: planRow(row, map, lookups, job.sendInvitations) }));
  // A preview goes line by line: it counts today's allowance its own way, and keeps nothing.
  const oneByOne = job.dryRun || bulk.lineByLine === true;
  for (const run of oneByOne ? [lines] : runsOf(lines)) {
    if (!oneByOne && isBulk(run) && (await appliedInBulk(applying, run, record, bulk.onError))) continue;
    await applyLines(deps.db, { preview: job.dryRun, record }, run.length, (index) => {
      const line = run[index] as Line;
      return workFor(applying, line.row, line.plan);
    });
  }
}

/** The batch cut where updates start and stop: runs of updates, and runs of everything else. */
function runsOf(lines: readonly Line[]): Line[][] {
  const runs: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    const previous = current[current.length - 1];
    if (previous && (previous.plan.kind === 'update') !== (line.plan.kind === 'update')) {
      runs.push(current);
      current = [];
    }
    current.push(line);
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

function isBulk(run: readonly Line[]): run is BulkLine[] {
  return run.some((line) => line.plan.kind === 'create') && run.every((line) => line.plan.kind !== 'update');
}

/** Adds a run's people in bulk; false if the run must go line by line instead (nothing was done). */
async function appliedInBulk(
  { deps, ctx, gates }: Applying,
  run: readonly BulkLine[],
  record: Record,
  onError: ((error: unknown) => void) | undefined,
): Promise<boolean> {
  try {
    const holds = await createInBulk({ deps, ctx }, run, gates, record);
    gates.phoneUntil = holds.phoneUntil;
    gates.smsUntil = holds.smsUntil;
    return true;
  } catch (error) {
    if (error instanceof LeaseLost) throw error;
    // A login taken meanwhile, or a limit someone else reached: line by line says which line.
    if (!(error instanceof NotInBulk) && uniqueViolation(error) === null) onError?.(error);
    return false;
  }
}

function workFor(applying: Applying, row: ClaimedRow, plan: Plan): LineWork {
  if (plan.kind === 'done') return { outcome: plan.outcome };
  if (plan.kind === 'create' && plan.phone) {
    const held = holdBack(applying, row);
    if (held) return { outcome: held };
  }
  return {
    change: (tx) => execute(tx, applying, row.line, plan),
    refused: (error) => refusedOutcome(applying, row, asAppError(error, plan)),
  };
}

function refusedOutcome({ deps, job, gates }: Applying, row: ClaimedRow, refusal: AppError): RowOutcome {
  if (refusal.code === 'phone_account_daily_limit' || refusal.code === 'sms_capacity_reached') {
    const at = untilOf(refusal, deps.clock.now());
    if (job.dryRun)
      return { line: row.line, status: 'waiting', code: refusal.code, message: refusal.message };
    const hold = { at, error: refusal };
    if (refusal.code === 'phone_account_daily_limit') gates.phoneUntil = hold;
    else gates.smsUntil = hold;
    return deferred(row.line, hold);
  }
  return { line: row.line, status: 'failed', code: refusal.code, message: refusal.message };
}

/** A new phone account that a limit already met in this batch (or the preview's count) holds back. */
function holdBack({ job, gates }: Applying, row: ClaimedRow): RowOutcome | null {
  if (job.dryRun && gates.phoneLeft !== null) {
    if (gates.phoneLeft <= 0) {
      return {
        line: row.line,
        status: 'waiting',
        code: 'phone_account_daily_limit',
        message:
          "Over today's limit of new mobile-number accounts: the import would add this person after the limit resets at midnight, by itself.",
      };
    }
    gates.phoneLeft -= 1;
    gates.phoneSpent += 1;
    return null;
  }
  if (gates.phoneUntil) return deferred(row.line, gates.phoneUntil);
  if (job.sendInvitations && gates.smsUntil) return deferred(row.line, gates.smsUntil);
  return null;
}

async function execute(
  tx: Tx,
  { deps, ctx, job }: Applying,
  line: number,
  plan: Exclude<Plan, { kind: 'done' }>,
): Promise<RowOutcome> {
  const managerState = job.dryRun ? null : plan.managerState;
  if (plan.kind === 'create') {
    const person = await addPersonIn(tx, {
      deps,
      ctx,
      input: plan.input,
      channel: 'import',
      preview: job.dryRun,
    });
    return { line, status: 'created', personId: person.id, managerState };
  }
  await updatePersonIn(tx, { deps, ctx, id: plan.target.id, input: plan.input });
  return { line, status: 'updated', personId: plan.target.id, managerState };
}

/** The refusal a person can read; anything else (a lost lease, a broken database) goes on up. */
function asAppError(error: unknown, plan: Exclude<Plan, { kind: 'done' }>): AppError {
  if (error instanceof AppError) return error;
  try {
    rethrowUnique(error, plan.kind === 'update' && plan.input.email !== undefined ? 'email' : undefined);
  } catch (converted) {
    if (converted instanceof AppError) return converted;
  }
  throw error;
}
