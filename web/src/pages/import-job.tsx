import { type ImportJob, post } from '../api';
import { formatNumber, formatTime, t } from '../i18n';
import { Link } from '../router';
import { Alert, Button, ErrorAlert, Loading } from '../ui/feedback';
import { useAction } from '../ui/hooks';
import { Shell } from '../ui/shell';
import { countsText, errorsFileOf, isFinished, stateText, useImportJob } from './import-job-state';

/** One import, live: it runs on the server, so this page may be closed and opened again. */
export function ImportJobPage({ id }: { id: string }) {
  const job = useImportJob(id);
  const cancel = useAction(async () => {
    if (!window.confirm(t('importJob.confirmCancel'))) return;
    job.setData(await post<ImportJob>(`/api/v1/imports/${id}/cancel`));
  });
  return (
    <Shell title={job.data?.fileName ?? t('importJob.title')}>
      <p>
        <Link href="/people/import">{t('importJob.back')}</Link>
      </p>
      <ErrorAlert error={job.error ?? cancel.error} onRetry={job.reload} />
      {job.data ? <JobProgress job={job.data} /> : <Loading />}
      {job.data && !isFinished(job.data) ? (
        <div className="actions">
          <Button kind="danger" busy={cancel.busy} onClick={() => cancel.run()}>
            {t('importJob.cancel')}
          </Button>
        </div>
      ) : null}
    </Shell>
  );
}

function JobProgress({ job }: { job: ImportJob }) {
  return (
    <section aria-labelledby="import-progress" className="import-progress">
      <h2 id="import-progress">{stateText(job)}</h2>
      <progress
        max={Math.max(job.total, 1)}
        value={job.processed}
        aria-label={t('importJob.progress', {
          processed: formatNumber(job.processed),
          total: formatNumber(job.total),
        })}
      />
      <p role="status">
        {t('importJob.progress', { processed: formatNumber(job.processed), total: formatNumber(job.total) })}.{' '}
        {countsText(job)}
      </p>
      {job.unknownColumns.length > 0 ? (
        <Alert>{t('import.unknownColumns', { columns: job.unknownColumns.join(', ') })}</Alert>
      ) : null}
      {job.state === 'waiting' ? (
        <Alert>
          {t('importJob.waitingUntil', {
            waiting: formatNumber(job.waiting),
            time: formatTime(job.waitingUntil),
          })}
        </Alert>
      ) : null}
      {job.state === 'failed' && job.error ? (
        <Alert kind="error">{t('importJob.error', { error: job.error })}</Alert>
      ) : null}
      {!isFinished(job) ? <p>{t('importJob.closeTab')}</p> : null}
      {job.failed > 0 ? (
        <p>
          <a className="button secondary" href={errorsFileOf(job)} download>
            {t('import.downloadErrors')}
          </a>
        </p>
      ) : null}
    </section>
  );
}
