import type { ImportJobView } from './imports.schemas.js';
import type { ImportJob } from './job.js';

export function toImportJobView(job: ImportJob): ImportJobView {
  return {
    id: job.id,
    // Still uploading: as far as anyone can tell, queued.
    state: job.state === 'receiving' ? 'queued' : job.state,
    dryRun: job.dryRun,
    sendInvitations: job.sendInvitations,
    fileName: job.fileName,
    format: job.format,
    total: job.total,
    processed: job.processed,
    created: job.created,
    updated: job.updated,
    unchanged: job.unchanged,
    failed: job.failed,
    waiting: job.waiting,
    waitingUntil: job.state === 'waiting' ? job.waitingUntil : null,
    unknownColumns: job.unknownColumns,
    error: job.error,
    startedBy: job.actor ? { id: job.actor.id, label: job.actor.label } : null,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}
