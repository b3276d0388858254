import type { Readable } from 'node:stream';
import { AuditType, recordAudit } from '../audit/audit.js';
import { findCommunityOrThrow } from '../communities/communities.store.js';
import type { ActingContext } from '../context.js';
import { newId } from '../crypto/random.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { getCommunityLimits } from '../limits/limits.service.js';
import { type ColumnMap, hasIdentityColumn, mapHeader } from './columns.js';
import { insertRows, type NewRow } from './import-rows.store.js';
import { importSignal } from './import-signal.js';
import { failJob, insertJob, markJobQueued, touchJob } from './imports.store.js';
import type { ImportJob } from './job.js';
import { type FileFormat, isBlank, readRecords } from './records.js';
import { readRow } from './row.js';
import { rowKeys } from './row-keys.js';

/** Lines stored per round trip while the file streams in: memory stays flat at any file size. */
const STORE_EVERY = 500;

export interface StartImportArgs {
  deps: Deps;
  ctx: ActingContext;
  body: Readable;
  format: FileFormat;
  fileName: string | null;
  sendInvitations: boolean;
  dryRun: boolean;
}

/**
 * Stores an uploaded file as an import job (R54): the file streams through, line by line, into
 * the job's rows, and the job is queued for a worker once the last line is in. A preview
 * (`dryRun`) is a job too, whose rows are checked and never applied.
 */
export async function startImport(args: StartImportArgs): Promise<ImportJob> {
  const { deps, ctx, dryRun } = args;
  const community = await findCommunityOrThrow(deps.db, ctx.communityId);
  const now = deps.clock.now().toISOString();
  const job: ImportJob = {
    id: newId(deps.clock.now()),
    communityId: community.id,
    state: 'receiving',
    dryRun,
    sendInvitations: args.sendInvitations,
    format: args.format,
    fileName: args.fileName,
    header: [],
    unknownColumns: [],
    total: 0,
    processed: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    waiting: 0,
    waitingUntil: null,
    // A preview spends a copy of today's allowance, as the real import would spend it (R6).
    phoneAccountsLeft: dryRun
      ? (await getCommunityLimits({ deps, communityId: community.id })).phoneAccounts.left
      : null,
    error: null,
    actor: ctx.actor,
    meta: ctx.meta,
    createdAt: now,
    updatedAt: now,
    startedAt: null,
    finishedAt: null,
  };
  await insertJob(deps.db, job);
  try {
    const stored = await storeLines(args, job.id, community.defaultCountry);
    const queued = await deps.db.transaction().execute(async (tx) => {
      const ready = await markJobQueued(tx, job.id, { ...stored, now: deps.clock.now().toISOString() });
      await recordAudit(tx, deps.clock, ctx, {
        type: AuditType.importStarted,
        target: { id: job.id, label: job.fileName },
        details: {
          importId: job.id,
          rows: stored.total,
          format: job.format,
          dryRun,
          sendInvitations: job.sendInvitations,
          unknownColumns: stored.unknownColumns,
        },
      });
      return ready;
    });
    importSignal.notify();
    return queued;
  } catch (error) {
    const reason = error instanceof AppError ? error.message : 'The file could not be stored.';
    await deps.db.transaction().execute(async (tx) => {
      if (await failJob(tx, job.id, reason, deps.clock.now().toISOString())) {
        await recordAudit(tx, deps.clock, ctx, {
          type: AuditType.importFailed,
          outcome: 'failure',
          target: { id: job.id, label: job.fileName },
          details: { importId: job.id, reason },
        });
      }
    });
    throw error;
  }
}

/** Reads the file into the job's rows; the first line that is not blank names the columns. */
async function storeLines({ deps, body, format }: StartImportArgs, jobId: string, defaultCountry: string) {
  let header: string[] | null = null;
  let map: ColumnMap | null = null;
  let total = 0;
  const batch: NewRow[] = [];
  // One transaction per round trip: one sync to disk on SQLite, not one per statement.
  const flush = async () => {
    if (batch.length === 0) return;
    await deps.db.transaction().execute(async (tx) => {
      await insertRows(tx, jobId, batch);
      await touchJob(tx, jobId, deps.clock.now().toISOString());
    });
    batch.length = 0;
  };
  for await (const record of readRecords(body, format)) {
    if (isBlank(record)) continue;
    if (!map) {
      header = record.cells.map((cell) => cell.trim());
      map = checkedHeader(header);
      continue;
    }
    const reading = readRow(record.cells, map);
    const keys = reading.ok
      ? rowKeys(reading.row, defaultCountry)
      : { loginKey: null, employeeKey: null, managerKey: null };
    batch.push({ line: record.line, cells: withoutTrailingBlanks(record.cells), ...keys });
    total += 1;
    if (batch.length >= STORE_EVERY) await flush();
  }
  await flush();
  if (!header || !map) {
    throw new AppError(
      'import_file_required',
      'The file is empty. Upload a CSV or Excel file whose first row names the columns (Email, First Name, Last Name, Phone Number…).',
    );
  }
  return { total, header, unknownColumns: [...map.unknown] };
}

function checkedHeader(header: string[]): ColumnMap {
  const map = mapHeader(header);
  if (!hasIdentityColumn(map)) {
    throw new AppError(
      'import_header_invalid',
      `The first row must name the columns, with at least one of Email, Phone Number or Employee Id (as in Workplace's template). This file's first row is: ${header.join(', ').slice(0, 200)}.`,
    );
  }
  return map;
}

function withoutTrailingBlanks(cells: readonly string[]): string[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] ?? '').trim() === '') end -= 1;
  return cells.slice(0, end);
}
