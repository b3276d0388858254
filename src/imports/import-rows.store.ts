import { sql } from 'kysely';
import type { Executor } from '../storage/db.js';
import { insertMany, statementsAreCheap } from '../storage/many-rows.js';
import type { ImportRowStatus } from '../storage/schema.js';
import type { ClaimedRow, RowOutcome } from './job.js';
import type { RowKeys } from './row-keys.js';

export interface NewRow extends RowKeys {
  line: number;
  cells: readonly string[];
}

/** Keys per statement in lookups: well inside both databases' limits on bound values. */
const CHUNK = 500;

/** A file's lines as the upload stores them, in a few statements. */
export async function insertRows(db: Executor, jobId: string, rows: readonly NewRow[]): Promise<void> {
  await insertMany(
    db,
    'import_rows',
    rows.map((row) => ({
      job_id: jobId,
      line: row.line,
      cells: JSON.stringify(row.cells),
      login_key: row.loginKey,
      employee_key: row.employeeKey,
      manager_key: row.managerKey,
      status: 'pending' as const,
      manager_state: null,
      person_id: null,
      code: null,
      message: null,
      not_before: null,
      lease_owner: null,
      lease_until: null,
    })),
  );
}

export type Phase = 'rows' | 'managers';

/**
 * Leases the next lines of a job to one worker, in file order: lines not yet applied (phase
 * `rows`) or applied lines waiting for their manager (phase `managers`). A lease a crashed worker
 * left lapses and the lines are taken again; several workers on PostgreSQL take disjoint lines
 * (SKIP LOCKED, R53). Lines held back by a daily limit wait for their time.
 */
export async function claimRows(
  db: Executor,
  claim: { jobId: string; phase: Phase; owner: string; now: string; leaseUntil: string; limit: number },
): Promise<ClaimedRow[]> {
  const { jobId, phase, owner, now, leaseUntil, limit } = claim;
  // A materialized CTE picks the lines once. As `line IN (SELECT … LIMIT n FOR UPDATE SKIP
  // LOCKED)`, PostgreSQL may run the subquery again for each line it updates, each run skipping
  // the lines this statement already took: it leased 30 lines for a limit of 10.
  const rows = await db
    .with(
      (cte) => cte('due').materialized(),
      (qb) =>
        qb
          .selectFrom('import_rows')
          .select('line')
          .where('job_id', '=', jobId)
          .where((eb) =>
            phase === 'rows'
              ? eb.and([
                  eb('status', '=', 'pending'),
                  eb.or([eb('not_before', 'is', null), eb('not_before', '<=', now)]),
                ])
              : eb('manager_state', '=', 'pending'),
          )
          .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
          .orderBy('line')
          .limit(limit)
          .forUpdate()
          .skipLocked(),
    )
    .updateTable('import_rows')
    .set({ lease_owner: owner, lease_until: leaseUntil })
    .where('job_id', '=', jobId)
    .where('line', 'in', (eb) => eb.selectFrom('due').select('due.line'))
    .returning([
      'line',
      'cells',
      'login_key',
      'employee_key',
      'manager_key',
      'status',
      'person_id',
      'not_before',
    ])
    .execute();
  return rows
    .map((row) => ({
      line: row.line,
      cells: JSON.parse(row.cells) as string[],
      loginKey: row.login_key,
      employeeKey: row.employee_key,
      managerKey: row.manager_key,
      status: row.status,
      personId: row.person_id,
      notBefore: row.not_before,
    }))
    .sort((a, b) => a.line - b.line);
}

/**
 * Records outcomes, a chunk per statement, only on lines this worker still holds: a lease that
 * lapsed and went to another worker is not overwritten. Returns how many lines were recorded.
 */
export async function writeOutcomes(
  db: Executor,
  claim: { jobId: string; owner: string; phase: Phase },
  outcomes: readonly RowOutcome[],
): Promise<number> {
  // In process (SQLite), a CASE per column over a hundred lines is fastest, and an UPDATE joined
  // to a VALUES list is planned badly (it grows with the square of the lines); over the network
  // (PostgreSQL), one joined UPDATE per thousand lines beats five CASE statements per batch.
  const write = statementsAreCheap(db) ? writeChunkByCase : writeChunkByJoin;
  const perStatement = statementsAreCheap(db) ? 100 : 1000;
  let written = 0;
  for (let i = 0; i < outcomes.length; i += perStatement) {
    written += await write(db, claim, outcomes.slice(i, i + perStatement));
  }
  return written;
}

async function writeChunkByCase(
  db: Executor,
  { jobId, owner, phase }: { jobId: string; owner: string; phase: Phase },
  chunk: readonly RowOutcome[],
): Promise<number> {
  const byLine = <T>(pick: (o: RowOutcome) => T) =>
    sql<T>`case ${sql.join(
      chunk.map((o) => sql`when line = ${o.line} then ${pick(o)}`),
      sql` `,
    )} end`;
  const result = await db
    .updateTable('import_rows')
    .set({
      status: byLine((o) => o.status) as never,
      person_id: byLine((o) => o.personId ?? null),
      code: byLine((o) => o.code ?? null),
      message: byLine((o) => o.message ?? null),
      manager_state: byLine((o) => o.managerState ?? null) as never,
      not_before: byLine((o) => o.notBefore ?? null),
      lease_owner: null,
      lease_until: null,
    })
    .where('job_id', '=', jobId)
    .where(
      'line',
      'in',
      chunk.map((o) => o.line),
    )
    .where('lease_owner', '=', owner)
    .where(phase === 'rows' ? 'status' : 'manager_state', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

async function writeChunkByJoin(
  db: Executor,
  { jobId, owner, phase }: { jobId: string; owner: string; phase: Phase },
  chunk: readonly RowOutcome[],
): Promise<number> {
  // The first row gives the line its type; the other columns are text, as VALUES reads them.
  const values = sql.join(
    chunk.map(
      (o, k) =>
        sql`(${k === 0 ? sql`cast(${o.line} as integer)` : o.line}, ${o.status}, ${o.personId ?? null}, ${o.code ?? null}, ${o.message ?? null}, ${o.managerState ?? null}, ${o.notBefore ?? null})`,
    ),
  );
  const pending = sql.ref(phase === 'rows' ? 'import_rows.status' : 'import_rows.manager_state');
  const result = await sql`
    with o (line, status, person_id, code, message, manager_state, not_before) as (values ${values})
    update import_rows set status = o.status, person_id = o.person_id, code = o.code, message = o.message,
      manager_state = o.manager_state, not_before = o.not_before, lease_owner = null, lease_until = null
    from o
    where import_rows.job_id = ${jobId} and import_rows.line = o.line
      and import_rows.lease_owner = ${owner} and ${pending} = 'pending'`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** For each key, the first line of the job that has it: a later line with it repeats it. */
export async function firstLinesOf(
  db: Executor,
  jobId: string,
  column: 'login_key' | 'employee_key',
  keys: readonly string[],
): Promise<Map<string, number>> {
  const first = new Map<string, number>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await db
      .selectFrom('import_rows')
      .select([column, (eb) => eb.fn.min('line').as('line')])
      .where('job_id', '=', jobId)
      .where(column, 'in', keys.slice(i, i + CHUNK))
      .groupBy(column)
      .execute();
    for (const row of rows) {
      const key = row[column as keyof typeof row] as string | null;
      if (key !== null) first.set(key, Number(row.line));
    }
  }
  return first;
}

/** The lines holding some keys, with their status: where a manager named in the file stands. */
export async function linesWithKeys(
  db: Executor,
  jobId: string,
  column: 'login_key' | 'employee_key',
  keys: readonly string[],
): Promise<{ key: string; line: number; status: ImportRowStatus; personId: string | null }[]> {
  const found: { key: string; line: number; status: ImportRowStatus; personId: string | null }[] = [];
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await db
      .selectFrom('import_rows')
      .select(['line', 'status', 'person_id', column])
      .where('job_id', '=', jobId)
      .where(column, 'in', keys.slice(i, i + CHUNK))
      .orderBy('line')
      .execute();
    for (const row of rows) {
      const key = row[column as keyof typeof row] as string | null;
      if (key !== null) found.push({ key, line: row.line, status: row.status, personId: row.person_id });
    }
  }
  return found;
}

/** Where a job stands when a worker finds nothing to take. */
export async function jobProgress(db: Executor, jobId: string, now: string) {
  const row = await db
    .selectFrom('import_rows')
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when('status', '=', 'pending').then(1).else(0).end()).as('pending'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('status', '=', 'pending'), eb('not_before', '>', now)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('deferred'),
      eb.fn
        .min<string>(eb.case().when('status', '=', 'pending').then(eb.ref('not_before')).end())
        .as('until'),
      eb.fn.sum<number>(eb.case().when('manager_state', '=', 'pending').then(1).else(0).end()).as('managers'),
    ])
    .where('job_id', '=', jobId)
    .where((eb) => eb.or([eb('status', '=', 'pending'), eb('manager_state', '=', 'pending')]))
    .executeTakeFirst();
  return {
    pending: Number(row?.pending ?? 0),
    deferred: Number(row?.deferred ?? 0),
    waitingUntil: row?.until ?? null,
    managers: Number(row?.managers ?? 0),
  };
}

export interface StoredRow {
  line: number;
  cells: string[];
  status: ImportRowStatus;
  code: string | null;
  message: string | null;
  personId: string | null;
}

/** A page of a job's lines in file order, of some statuses or all. */
export async function listRows(
  db: Executor,
  jobId: string,
  { afterLine, limit, statuses }: { afterLine: number; limit: number; statuses?: readonly ImportRowStatus[] },
): Promise<StoredRow[]> {
  let query = db
    .selectFrom('import_rows')
    .select(['line', 'cells', 'status', 'code', 'message', 'person_id'])
    .where('job_id', '=', jobId)
    .where('line', '>', afterLine);
  if (statuses) query = query.where('status', 'in', statuses);
  const rows = await query.orderBy('line').limit(limit).execute();
  return rows.map((row) => ({
    line: row.line,
    cells: JSON.parse(row.cells) as string[],
    status: row.status,
    code: row.code,
    message: row.message,
    personId: row.person_id,
  }));
}
