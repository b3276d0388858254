import { type Selectable, sql } from 'kysely';
import { type Actor, actingPersonId } from '../context.js';
import type { Executor } from '../storage/db.js';
import type { ImportJobsTable, ImportState } from '../storage/schema.js';
import type { ImportJob } from './job.js';

function toJob(row: Selectable<ImportJobsTable>): ImportJob {
  return {
    id: row.id,
    communityId: row.community_id,
    state: row.state,
    dryRun: row.dry_run === 1,
    sendInvitations: row.send_invitations === 1,
    format: row.format,
    fileName: row.file_name,
    header: JSON.parse(row.header) as string[],
    unknownColumns: JSON.parse(row.unknown_columns) as string[],
    total: row.total,
    processed: row.processed,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    failed: row.failed,
    waiting: row.waiting,
    waitingUntil: row.waiting_until,
    phoneAccountsLeft: row.phone_accounts_left,
    error: row.error,
    actor: actorOf(row),
    meta: { ip: row.ip, requestId: row.request_id, userAgent: row.user_agent },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/**
 * Who started a job: an admin, or an API token (with its owner); null for the operator's command
 * line. An admin whose account was deleted since has no id left, and the job stops for them.
 */
function actorOf(row: Selectable<ImportJobsTable>): Actor | null {
  if (!row.actor_role) return null;
  const started = { label: row.actor_label ?? '', role: row.actor_role };
  if (row.actor_token_id) return { ...started, id: row.actor_token_id, token: { ownerId: row.actor_id } };
  return { ...started, id: row.actor_id ?? '' };
}

export async function insertJob(db: Executor, job: ImportJob): Promise<void> {
  await db
    .insertInto('import_jobs')
    .values({
      id: job.id,
      community_id: job.communityId,
      state: job.state,
      dry_run: job.dryRun ? 1 : 0,
      send_invitations: job.sendInvitations ? 1 : 0,
      format: job.format,
      file_name: job.fileName,
      header: JSON.stringify(job.header),
      unknown_columns: JSON.stringify(job.unknownColumns),
      total: job.total,
      processed: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      failed: 0,
      waiting: 0,
      waiting_until: null,
      phone_accounts_left: job.phoneAccountsLeft,
      error: null,
      actor_id: actingPersonId(job.actor),
      actor_token_id: job.actor?.token ? job.actor.id : null,
      actor_label: job.actor?.label ?? null,
      actor_role: job.actor?.role ?? null,
      ip: job.meta.ip,
      request_id: job.meta.requestId,
      user_agent: job.meta.userAgent,
      created_at: job.createdAt,
      updated_at: job.updatedAt,
      started_at: null,
      finished_at: null,
    })
    .execute();
}

export async function findJob(db: Executor, communityId: string, id: string): Promise<ImportJob | null> {
  const row = await db
    .selectFrom('import_jobs')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toJob(row) : null;
}

/** Newest first, a page at a time. */
export async function listJobs(
  db: Executor,
  communityId: string,
  { beforeId, limit }: { beforeId?: string | undefined; limit: number },
): Promise<ImportJob[]> {
  let query = db.selectFrom('import_jobs').selectAll().where('community_id', '=', communityId);
  if (beforeId) query = query.where('id', '<', beforeId);
  const rows = await query.orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toJob);
}

/** Jobs with work a worker may do now, oldest first: a waiting job once its limit has reset. */
export async function listRunnableJobs(db: Executor, now: string, limit: number): Promise<ImportJob[]> {
  const rows = await db
    .selectFrom('import_jobs')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('state', 'in', ['queued', 'running']),
        eb.and([eb('state', '=', 'waiting'), eb('waiting_until', '<=', now)]),
      ]),
    )
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map(toJob);
}

/** The upload is complete: the job may start. */
export async function markJobQueued(
  db: Executor,
  id: string,
  facts: { total: number; header: string[]; unknownColumns: string[]; now: string },
): Promise<ImportJob> {
  const row = await db
    .updateTable('import_jobs')
    .set({
      state: 'queued',
      total: facts.total,
      header: JSON.stringify(facts.header),
      unknown_columns: JSON.stringify(facts.unknownColumns),
      updated_at: facts.now,
    })
    .where('id', '=', id)
    .where('state', '=', 'receiving')
    .returningAll()
    .executeTakeFirstOrThrow();
  return toJob(row);
}

/** Ends a job that cannot go on, saying why; a job already finished stays as it is. */
export async function failJob(db: Executor, id: string, error: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('import_jobs')
    .set({ state: 'failed', error, finished_at: now, updated_at: now })
    .where('id', '=', id)
    .where('state', 'not in', ['done', 'failed', 'cancelled'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Cancels a job that has not finished; the rows not yet applied stay as they are. */
export async function cancelJob(db: Executor, communityId: string, id: string, now: string) {
  const row = await db
    .updateTable('import_jobs')
    .set({ state: 'cancelled', finished_at: now, updated_at: now, waiting_until: null })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('state', 'in', ['queued', 'running', 'waiting'])
    .returningAll()
    .executeTakeFirst();
  return row ? toJob(row) : null;
}

export interface CounterDeltas {
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  waiting: number;
  phoneAccountsSpent: number;
}

/** Adds a batch's outcomes to the job's counts; a queued or waiting job is running again. */
export async function addToCounters(db: Executor, id: string, d: CounterDeltas, now: string): Promise<void> {
  await db
    .updateTable('import_jobs')
    .set((eb) => ({
      processed: eb('processed', '+', d.processed),
      created: eb('created', '+', d.created),
      updated: eb('updated', '+', d.updated),
      unchanged: eb('unchanged', '+', d.unchanged),
      failed: eb('failed', '+', d.failed),
      waiting: eb('waiting', '+', d.waiting),
      phone_accounts_left: sql<
        number | null
      >`case when phone_accounts_left is null then null else phone_accounts_left - ${d.phoneAccountsSpent} end`,
      state: sql<ImportState>`case when state in ('queued', 'waiting') then 'running' else state end`,
      waiting_until: sql<string | null>`case when state = 'waiting' then null else waiting_until end`,
      started_at: sql<string>`coalesce(started_at, ${now})`,
      updated_at: now,
    }))
    .where('id', '=', id)
    .execute();
}

/** A job with nothing to do until a daily limit resets (again, if it was held back once more). */
export async function markJobWaiting(
  db: Executor,
  id: string,
  { until, waiting, now }: { until: string; waiting: number; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('import_jobs')
    .set({ state: 'waiting', waiting_until: until, waiting, updated_at: now })
    .where('id', '=', id)
    .where('state', 'in', ['queued', 'running', 'waiting'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Finishes a job whose every line is applied and linked, in one conditional statement: of
 * several workers that see the end at once, exactly one finishes it (and audits it).
 */
export async function finishJob(db: Executor, id: string, now: string): Promise<ImportJob | null> {
  const row = await db
    .updateTable('import_jobs')
    .set({
      state: 'done',
      finished_at: now,
      updated_at: now,
      // A preview's count of rows that would wait is its verdict; an import's is gone once done.
      waiting: sql<number>`case when dry_run = 1 then waiting else 0 end`,
      waiting_until: null,
    })
    .where('id', '=', id)
    .where('state', 'in', ['queued', 'running', 'waiting'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('import_rows')
            .select('line')
            .where('job_id', '=', id)
            .where((eb) => eb.or([eb('status', '=', 'pending'), eb('manager_state', '=', 'pending')])),
        ),
      ),
    )
    .returningAll()
    .executeTakeFirst();
  return row ? toJob(row) : null;
}

/** Uploads that a crash cut off stay "receiving"; after a while they are failed, saying so. */
export async function failAbandonedUploads(db: Executor, before: string, now: string): Promise<string[]> {
  const rows = await db
    .updateTable('import_jobs')
    .set({
      state: 'failed',
      error: 'The upload did not finish (the connection or the server stopped). Upload the file again.',
      finished_at: now,
      updated_at: now,
    })
    .where('state', '=', 'receiving')
    .where('updated_at', '<', before)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Finished jobs and their lines, once they are older than the retention. */
export async function deleteJobsFinishedBefore(db: Executor, before: string): Promise<void> {
  await db
    .deleteFrom('import_jobs')
    .where('state', 'in', ['done', 'failed', 'cancelled'])
    .where('finished_at', '<', before)
    .execute();
}

export async function touchJob(db: Executor, id: string, now: string): Promise<void> {
  await db.updateTable('import_jobs').set({ updated_at: now }).where('id', '=', id).execute();
}
