import { decodeCursor, encodeCursor, toPage } from '../cursor.js';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import type { ImportRowStatus } from '../storage/schema.js';
import { listRows } from './import-rows.store.js';
import type { ImportRowView } from './imports.schemas.js';
import { findJob, listJobs } from './imports.store.js';
import type { ImportJob } from './job.js';
import { toImportJobView } from './job.view.js';

type Scope = { deps: Deps; communityId: string };

export async function findImportOrThrow({ deps, communityId }: Scope, id: string): Promise<ImportJob> {
  const job = await findJob(deps.db, communityId, id);
  if (!job) throw notFound('The import');
  return job;
}

export async function getImport(scope: Scope & { id: string }) {
  return toImportJobView(await findImportOrThrow(scope, scope.id));
}

export async function listImports({
  deps,
  communityId,
  limit,
  cursor,
}: Scope & { limit: number; cursor?: string | undefined }) {
  const beforeId = cursor === undefined ? undefined : decodeCursor(cursor);
  const jobs = await listJobs(deps.db, communityId, { beforeId, limit: limit + 1 });
  return toPage(jobs, limit, toImportJobView);
}

/** A page of the rows of an import with their verdicts: the preview a dry run answers. */
export async function listImportRows(
  scope: Scope & {
    id: string;
    status?: ImportRowStatus | undefined;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<{ items: ImportRowView[]; nextCursor: string | null }> {
  const job = await findImportOrThrow(scope, scope.id);
  const afterLine = scope.cursor === undefined ? 0 : Number(decodeCursor(scope.cursor));
  if (!Number.isInteger(afterLine)) {
    throw new AppError(
      'cursor_invalid',
      'The cursor is not one this list gave out. Start again from the first page.',
    );
  }
  const rows = await listRows(scope.deps.db, job.id, {
    afterLine,
    limit: scope.limit + 1,
    ...(scope.status ? { statuses: [scope.status] } : {}),
  });
  const page = rows.slice(0, scope.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      line: row.line,
      status: row.status,
      code: row.code,
      message: row.message,
      personId: row.personId,
      cells: row.cells,
    })),
    nextCursor: rows.length > scope.limit && last ? encodeCursor(String(last.line)) : null,
  };
}
