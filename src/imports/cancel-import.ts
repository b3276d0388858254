import { AuditType, recordAudit } from '../audit/audit.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { cancelJob } from './imports.store.js';
import { toImportJobView } from './job.view.js';
import { findImportOrThrow } from './queries.js';

/**
 * Stops an import: rows already applied stay applied (each was its own change), the rest are
 * left undone. A batch a worker is applying at that moment still finishes.
 */
export async function cancelImport({ deps, ctx, id }: { deps: Deps; ctx: ActingContext; id: string }) {
  const job = await findImportOrThrow({ deps, communityId: ctx.communityId }, id);
  return deps.db.transaction().execute(async (tx) => {
    const cancelled = await cancelJob(tx, ctx.communityId, job.id, deps.clock.now().toISOString());
    if (!cancelled) {
      throw new AppError(
        'import_finished',
        `This import has already ${job.state === 'cancelled' ? 'been cancelled' : 'finished'}.`,
      );
    }
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.importCancelled,
      target: { id: job.id, label: job.fileName },
      details: { importId: job.id, processed: cancelled.processed, total: cancelled.total },
    });
    return toImportJobView(cancelled);
  });
}
