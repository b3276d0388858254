import { get, type ImportRow, type Page } from '../api';
import { formatNumber, t } from '../i18n';
import { Alert, ErrorAlert, Loading } from '../ui/feedback';
import { useLoad } from '../ui/hooks';
import { TableWrap } from '../ui/table';
import { countsText, errorsFileOf, isFinished, useImportJob } from './import-job-state';

const SHOWN = 100;

/** What an import would do, row by row, checked on the server without changing anything. */
export function ImportPreview({ id }: { id: string }) {
  const job = useImportJob(id);
  if (job.error) return <ErrorAlert error={job.error} onRetry={job.reload} />;
  if (!job.data) return <Loading />;
  const preview = job.data;
  if (!isFinished(preview)) {
    return (
      <p role="status" className="progress">
        {t('import.checking', { done: formatNumber(preview.processed), total: formatNumber(preview.total) })}
      </p>
    );
  }
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">{t('import.preview')}</h2>
      {preview.state === 'failed' && preview.error ? <Alert kind="error">{preview.error}</Alert> : null}
      <p>{countsText(preview)}</p>
      {preview.unknownColumns.length > 0 ? (
        <Alert>{t('import.unknownColumns', { columns: preview.unknownColumns.join(', ') })}</Alert>
      ) : null}
      {preview.failed > 0 ? <ProblemRows id={id} errorsFile={errorsFileOf(preview)} /> : null}
    </section>
  );
}

function ProblemRows({ id, errorsFile }: { id: string; errorsFile: string }) {
  const rows = useLoad(
    () => get<Page<ImportRow>>(`/api/v1/imports/${id}/rows?status=failed&limit=${SHOWN}`),
    [id],
  );
  return (
    <>
      <h3>{t('import.rowsWithProblems')}</h3>
      <ErrorAlert error={rows.error} onRetry={rows.reload} />
      <TableWrap label={t('import.rowsWithProblems')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('import.row')}</th>
              <th scope="col">{t('import.cells')}</th>
              <th scope="col">{t('import.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {(rows.data?.items ?? []).map((row) => (
              <tr key={row.line} className="bad">
                <td>{row.line}</td>
                <td>
                  {row.cells
                    .filter((cell) => cell.trim() !== '')
                    .slice(0, 3)
                    .join(' · ')}
                </td>
                <td>{row.message ?? row.code}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p>
        <a className="button secondary" href={errorsFile} download>
          {t('import.downloadErrors')}
        </a>
      </p>
    </>
  );
}
