import { useEffect } from 'react';
import { get, type ImportJob } from '../api';
import { t } from '../i18n';
import { useLoad } from '../ui/hooks';

/** How often the page asks again: often while the job moves, rarely while it waits for tomorrow. */
const POLL_MS: Partial<Record<ImportJob['state'], number>> = { queued: 1000, running: 1000, waiting: 30_000 };

/** An import job, read again and again while it is not finished: the progress stays live. */
export function useImportJob(id: string) {
  const job = useLoad(() => get<ImportJob>(`/api/v1/imports/${id}`), [id]);
  const { data, reload } = job;
  // Each answer schedules the next question, so a slow answer never piles requests up.
  useEffect(() => {
    const every = data ? POLL_MS[data.state] : undefined;
    if (every === undefined) return;
    const timer = setTimeout(() => void reload(), every);
    return () => clearTimeout(timer);
  }, [data, reload]);
  return job;
}

export const isFinished = (job: ImportJob) => ['done', 'failed', 'cancelled'].includes(job.state);

export function stateText(job: ImportJob): string {
  return t(`importJob.state.${job.state}`);
}

export function countsText(job: ImportJob): string {
  return t(job.dryRun ? 'import.previewSummary' : 'importJob.counts', {
    created: job.created,
    updated: job.updated,
    unchanged: job.unchanged,
    failed: job.failed,
    waiting: job.waiting,
  });
}

export const errorsFileOf = (job: ImportJob) => `/api/v1/imports/${job.id}/errors.csv`;
