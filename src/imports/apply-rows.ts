import { findCommunityOrThrow } from '../communities/communities.store.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { addPersonIn } from '../onboarding/add-person.js';
import { rethrowUnique } from '../people/guards.js';
import { updatePersonIn } from '../people/update-person.js';
import type { Tx } from '../storage/db.js';
import { mapHeader } from './columns.js';
import { type ClaimedRow, type ImportJob, jobContext, type RowOutcome } from './job.js';
import { applyLines, type LineWork } from './line-units.js';
import { loadLookups } from './lookups.js';
import { type Plan, planRow } from './plan-row.js';
import { recordOutcomes } from './record-outcomes.js';

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
  gates: Gates;
}

/**
 * Applies a batch of leased lines: each creates or updates its person through the same use
 * cases as Add person and Edit person, and records its outcome with its change (R54). A line a
 * daily limit stops is held back until the limit resets (R6, R34); a preview changes nothing and
 * records only the verdicts.
 */
export async function applyRows(deps: Deps, job: ImportJob, rows: readonly ClaimedRow[], owner: string) {
  const map = mapHeader(job.header);
  const gates: Gates = { phoneUntil: null, smsUntil: null, phoneLeft: job.phoneAccountsLeft, phoneSpent: 0 };
  // Read for its checks (and to fail early if it is gone); the use cases read it again as they write.
  await findCommunityOrThrow(deps.db, job.communityId);
  const lookups = await loadLookups(deps.db, { jobId: job.id, communityId: job.communityId }, rows);
  const applying: Applying = { deps, ctx: jobContext(job), job, gates };
  const byLine = new Map(rows.map((row) => [row.line, row]));
  await applyLines(
    deps.db,
    {
      preview: job.dryRun,
      record: (tx, outcomes) =>
        recordOutcomes(tx, deps, { job, owner, phase: 'rows' }, byLine, outcomes, gates.phoneSpent),
    },
    rows.length,
    (index) => {
      const row = rows[index] as ClaimedRow;
      return workFor(applying, row, planRow(row, map, lookups, job.sendInvitations));
    },
  );
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
    if (refusal.code === 'phone_account_daily_limit') gates.phoneUntil = { at, error: refusal };
    else gates.smsUntil = { at, error: refusal };
    return deferred(row.line, at, refusal);
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

function untilOf(error: AppError, now: Date): string {
  if (typeof error.extra.resetsAt === 'string') return error.extra.resetsAt;
  return new Date(now.getTime() + (error.extra.retryAfterSeconds ?? 3600) * 1000).toISOString();
}

function deferred(line: number, at: string, error: AppError): RowOutcome {
  return { line, status: 'pending', notBefore: at, code: error.code, message: error.message };
}
