import { AuditType, recordAudit } from '../audit/audit.js';
import type { Actor } from '../context.js';
import type { Deps } from '../deps.js';
import { ADMINS } from '../http/access.js';
import { findPersonById, refreshPeopleStatistics } from '../people/people.store.js';
import type { Role } from '../storage/schema.js';
import { findUsableTokenById } from '../tokens/tokens.store.js';
import { applyRows, type BulkOptions } from './apply-rows.js';
import { claimRows, jobProgress } from './import-rows.store.js';
import { failJob, finishJob, markJobWaiting } from './imports.store.js';
import { type ImportJob, jobContext } from './job.js';
import { linkManagers } from './link-managers.js';

export interface Lease {
  owner: string;
  batchSize: number;
  leaseMs: number;
  bulk?: BulkOptions;
}

/**
 * One step of a job for one worker: apply the next lines, or link managers once every line is
 * in, or, with nothing left to take, settle the job: waiting for a daily limit to reset, or done.
 * Returns how many lines it handled (0: nothing to do now).
 */
export async function stepJob(deps: Deps, job: ImportJob, lease: Lease): Promise<number> {
  const acting = await withCurrentActor(deps, job);
  if (!acting) return 0;
  const now = deps.clock.now();
  const claim = {
    jobId: job.id,
    owner: lease.owner,
    now: now.toISOString(),
    leaseUntil: new Date(now.getTime() + lease.leaseMs).toISOString(),
    limit: lease.batchSize,
  };
  const rows = await claimRows(deps.db, { ...claim, phase: 'rows' });
  if (rows.length > 0) {
    await applyRows(deps, acting, rows, lease.owner, lease.bulk);
    return rows.length;
  }
  const progress = await jobProgress(deps.db, job.id, claim.now);
  // Lines another worker holds: it will finish them, and the job.
  if (progress.pending > progress.deferred) return 0;
  if (progress.pending > 0 && progress.waitingUntil) {
    await markJobWaiting(deps.db, job.id, {
      until: progress.waitingUntil,
      waiting: progress.deferred,
      now: claim.now,
    });
    return 0;
  }
  if (progress.managers > 0) {
    const linking = await claimRows(deps.db, { ...claim, phase: 'managers' });
    if (linking.length > 0) await linkManagers(deps, acting, linking, lease.owner);
    return linking.length;
  }
  await finish(deps, acting);
  return 0;
}

/** Changes to people after which their table's statistics are read again. */
const CHANGES_WORTH_NEW_STATISTICS = 1000;

async function finish(deps: Deps, job: ImportJob) {
  const done = await deps.db.transaction().execute(async (tx) => {
    const done = await finishJob(tx, job.id, deps.clock.now().toISOString());
    if (!done) return null;
    await recordAudit(tx, deps.clock, jobContext(job), {
      type: AuditType.importFinished,
      target: { id: job.id, label: job.fileName },
      details: {
        importId: job.id,
        dryRun: done.dryRun,
        total: done.total,
        created: done.created,
        updated: done.updated,
        unchanged: done.unchanged,
        failed: done.failed,
      },
    });
    return done;
  });
  // A large import changes the people table faster than the database notices: until it reads
  // the table's statistics again, PostgreSQL plans a page of the people list (or of an export)
  // as if the community had a few dozen people, and reads all of them for every page.
  if (done && !done.dryRun && done.created + done.updated >= CHANGES_WORTH_NEW_STATISTICS) {
    await refreshPeopleStatistics(deps.db);
  }
}

/**
 * The job acts with the authority of the admin who started it, as they are now: someone
 * demoted, deactivated or deleted since cannot go on adding people through it.
 */
async function withCurrentActor(deps: Deps, job: ImportJob): Promise<ImportJob | null> {
  if (!job.actor) return job;
  const role = await currentRole(deps, job, job.actor);
  if (role && ADMINS.includes(role)) return { ...job, actor: { ...job.actor, role } };
  const who = job.actor.label || 'The admin who started this import';
  const reason = job.actor.token
    ? `${who} was revoked or has expired, or its owner can no longer manage people, so the import stopped. An admin can upload the file again to finish it.`
    : `${who} can no longer manage people, so the import stopped. An admin can upload the file again to finish it.`;
  await deps.db.transaction().execute(async (tx) => {
    if (!(await failJob(tx, job.id, reason, deps.clock.now().toISOString()))) return;
    await recordAudit(
      tx,
      deps.clock,
      { ...jobContext(job), actor: null },
      {
        type: AuditType.importFailed,
        outcome: 'failure',
        target: { id: job.id, label: job.fileName },
        details: { importId: job.id, reason },
      },
    );
  });
  return null;
}

/** The starter's role now: an active admin's, or a usable token's (its owner's, or the operator's). */
async function currentRole(deps: Deps, job: ImportJob, actor: Actor): Promise<Role | null> {
  if (actor.token) {
    const found = await findUsableTokenById(deps.db, actor.id, deps.clock.now().toISOString());
    if (found?.token.communityId !== job.communityId) return null;
    return found.ownerRole ?? 'system_admin';
  }
  const person = await findPersonById(deps.db, job.communityId, actor.id);
  return person?.active ? person.role : null;
}
