import { get, type ImportJob, type Page } from '../api';
import { formatNumber, formatTime, t } from '../i18n';
import { Link } from '../router';
import { ErrorAlert } from '../ui/feedback';
import { useLoad } from '../ui/hooks';
import { TableWrap } from '../ui/table';
import { countsText, errorsFileOf, stateText } from './import-job-state';

/** Past and current imports, newest first, each with its result and its errors file. */
export function ImportList() {
  const jobs = useLoad(() => get<Page<ImportJob>>('/api/v1/imports?limit=20'), []);
  const items = (jobs.data?.items ?? []).filter((job) => !job.dryRun);
  return (
    <section aria-labelledby="imports-title">
      <h2 id="imports-title">{t('imports.title')}</h2>
      <ErrorAlert error={jobs.error} onRetry={jobs.reload} />
      {jobs.data && items.length === 0 ? <p>{t('imports.empty')}</p> : null}
      {items.length > 0 ? (
        <TableWrap label={t('imports.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('imports.started')}</th>
                <th scope="col">{t('imports.file')}</th>
                <th scope="col">{t('imports.state')}</th>
                <th scope="col" className="wide-only">
                  {t('imports.result')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((job) => (
                <ImportRowView key={job.id} job={job} />
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </section>
  );
}

function ImportRowView({ job }: { job: ImportJob }) {
  return (
    <tr>
      <td>
        <Link href={`/people/import/${job.id}`}>{formatTime(job.createdAt)}</Link>
      </td>
      <td>{job.fileName ?? t('imports.unnamed')}</td>
      <td>
        {stateText(job)} · {formatNumber(job.processed)}/{formatNumber(job.total)}
      </td>
      <td className="wide-only">
        {countsText(job)}{' '}
        {job.failed > 0 ? (
          <a href={errorsFileOf(job)} download>
            {t('imports.errors')}
          </a>
        ) : null}
      </td>
    </tr>
  );
}
