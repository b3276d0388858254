import { findCommunityOrThrow } from '../communities/communities.store.js';
import type { Community } from '../communities/community.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { addPersonIn } from '../onboarding/add-person.js';
import { rethrowUnique } from '../people/guards.js';
import { updatePersonIn } from '../people/update-person.js';
import type { Tx } from '../storage/db.js';
import { mapHeader } from './columns.js';
import { type Phase, writeOutcomes } from './import-rows.store.js';
import { addToCounters, type CounterDeltas } from './imports.store.js';
import { type ClaimedRow, type ImportJob, jobContext, type RowOutcome } from './job.js';
import { loadLookups } from './lookups.js';
import { type Plan, planRow } from './plan-row.js';
import { inBatchTransaction, type TryEach } from './savepoints.js';

/** Another worker took these lines over (this one's lease lapsed): its batch is undone. */
export class LeaseLost extends Error {}

/** Daily limits met in this batch: later lines they would stop are held back without trying. */
interface Gates {
  phoneUntil: { at: string; error: AppError } | null;
  smsUntil: { at: string; error: AppError } | null;
  /** A preview's copy of today's allowance of new phone accounts (R6). */
  phoneLeft: number | null;
  phoneSpent: number;
}

interface Applying {
  deps: Deps;
  ctx: ActingContext;
  job: ImportJob;
  community: Community;
  gates: Gates;
}

/**
 * Applies a batch of leased lines in one transaction, a savepoint per line, and records each
 * line's outcome and the job's counts in that same transaction: a crash leaves the whole batch
 * to do again, never half of it (R54). A preview applies them in a transaction it rolls back,
 * then records only the verdicts.
 */
export async function applyRows(deps: Deps, job: ImportJob, rows: readonly ClaimedRow[], owner: string) {
  const map = mapHeader(job.header);
  const gates: Gates = { phoneUntil: null, smsUntil: null, phoneLeft: job.phoneAccountsLeft, phoneSpent: 0 };
  const outcomes = await inBatchTransaction(deps.db, job.dryRun, async (tx, tryEach) => {
    const community = await findCommunityOrThrow(tx, job.communityId);
    const lookups = await loadLookups(tx, { jobId: job.id, communityId: job.communityId }, rows);
    const applying: Applying = { deps, ctx: jobContext(job), job, community, gates };
    const results: RowOutcome[] = [];
    for (const row of rows) {
      const plan = planRow(row, map, lookups, job.sendInvitations);
      results.push(await applyOne(tryEach, applying, row, plan));
    }
    if (!job.dryRun) await recordOutcomes(tx, deps, { job, owner, phase: 'rows' }, rows, results, gates);
    return results;
  });
  if (job.dryRun) {
    await deps.db
      .transaction()
      .execute((tx) => recordOutcomes(tx, deps, { job, owner, phase: 'rows' }, rows, outcomes, gates));
  }
}

async function applyOne(tryEach: TryEach, applying: Applying, row: ClaimedRow, plan: Plan) {
  if (plan.kind === 'done') return plan.outcome;
  const { job, gates } = applying;
  if (plan.kind === 'create' && plan.phone) {
    const held = holdBack(applying, row);
    if (held) return held;
  }
  try {
    return await tryEach((unit) => execute(unit, applying, row.line, plan));
  } catch (error) {
    const refusal = asAppError(error, plan);
    if (refusal.code === 'phone_account_daily_limit' || refusal.code === 'sms_capacity_reached') {
      const at = untilOf(refusal, applying.deps.clock.now());
      if (job.dryRun)
        return { line: row.line, status: 'waiting' as const, code: refusal.code, message: refusal.message };
      if (refusal.code === 'phone_account_daily_limit') gates.phoneUntil = { at, error: refusal };
      else gates.smsUntil = { at, error: refusal };
      return deferred(row.line, at, refusal);
    }
    return { line: row.line, status: 'failed' as const, code: refusal.code, message: refusal.message };
  }
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
  if (gates.phoneUntil) return deferred(row.line, gates.phoneUntil.at, gates.phoneUntil.error);
  if (job.sendInvitations && gates.smsUntil)
    return deferred(row.line, gates.smsUntil.at, gates.smsUntil.error);
  return null;
}

async function execute(
  tx: Tx,
  { deps, ctx, job }: Applying,
  line: number,
  plan: Exclude<Plan, { kind: 'done' }>,
) {
  const managerState = job.dryRun ? null : plan.managerState;
  if (plan.kind === 'create') {
    const person = await addPersonIn(tx, {
      deps,
      ctx,
      input: plan.input,
      channel: 'import',
      preview: job.dryRun,
    });
    return { line, status: 'created' as const, personId: person.id, managerState };
  }
  await updatePersonIn(tx, { deps, ctx, id: plan.target.id, input: plan.input });
  return { line, status: 'updated' as const, personId: plan.target.id, managerState };
}

function asAppError(error: unknown, plan: Exclude<Plan, { kind: 'done' }>): AppError {
  if (error instanceof AppError) return error;
  try {
    rethrowUnique(error, plan.kind === 'update' && plan.input.email !== undefined ? 'email' : undefined);
  } catch (converted) {
    if (converted instanceof AppError) return converted;
  }
  throw error;
}

function untilOf(error: AppError, now: Date): string {
  if (typeof error.extra.resetsAt === 'string') return error.extra.resetsAt;
  return new Date(now.getTime() + (error.extra.retryAfterSeconds ?? 3600) * 1000).toISOString();
}

function deferred(line: number, at: string, error: AppError): RowOutcome {
  return { line, status: 'pending', notBefore: at, code: error.code, message: error.message };
}

/** Writes outcomes on lines still this worker's, and the job's counts, in the caller's transaction. */
export async function recordOutcomes(
  tx: Tx,
  deps: Deps,
  { job, owner, phase }: { job: ImportJob; owner: string; phase: Phase },
  rows: readonly ClaimedRow[],
  outcomes: readonly RowOutcome[],
  gates: { phoneSpent: number } = { phoneSpent: 0 },
) {
  const written = await writeOutcomes(tx, { jobId: job.id, owner, phase }, outcomes);
  if (written !== outcomes.length) throw new LeaseLost('Another worker took over these lines.');
  const deltas = countDeltas(rows, outcomes);
  deltas.phoneAccountsSpent = gates.phoneSpent;
  await addToCounters(tx, job.id, deltas, deps.clock.now().toISOString());
}

const COUNTED = ['created', 'updated', 'unchanged', 'failed'] as const;

/** How a batch moves the job's counts: lines finished, and lines held back (or no longer). */
function countDeltas(rows: readonly ClaimedRow[], outcomes: readonly RowOutcome[]): CounterDeltas {
  const d: CounterDeltas = {
    processed: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    waiting: 0,
    phoneAccountsSpent: 0,
  };
  const before = new Map(rows.map((row) => [row.line, row]));
  for (const outcome of outcomes) {
    const row = before.get(outcome.line);
    const wasHeld = row?.status === 'pending' && row.notBefore !== null;
    const wasCounted = row && row.status !== 'pending' ? row.status : null;
    if (wasCounted && (COUNTED as readonly string[]).includes(wasCounted)) {
      d[wasCounted as (typeof COUNTED)[number]] -= 1;
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
