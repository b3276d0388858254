import { type FormEvent, useState } from 'react';
import { type AuditEvent, get, type Page, query } from '../api';
import { formatTime, t } from '../i18n';
import { Button, ErrorAlert, Loading } from '../ui/feedback';
import { Field } from '../ui/forms';
import { useLoad } from '../ui/hooks';
import { Pager, useCursorPages } from '../ui/pager';
import { loginText } from '../ui/phone';
import { Shell } from '../ui/shell';
import { TableWrap } from '../ui/table';

/** The audit log (R36): filters, paging, and a CSV export of what the filters select. */
export function AuditPage() {
  const [draft, setDraft] = useState({ type: '', from: '', to: '' });
  const [filters, setFilters] = useState(draft);
  const pages = useCursorPages();
  const cursor = pages.cursor;
  const params = {
    type: filters.type,
    from: filters.from ? new Date(filters.from).toISOString() : undefined,
    to: filters.to ? new Date(filters.to).toISOString() : undefined,
  };
  const events = useLoad(
    () => get<Page<AuditEvent>>(`/api/v1/audit-events${query({ ...params, cursor, limit: 50 })}`),
    [filters, cursor],
  );
  const onFilter = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    pages.first();
  };
  return (
    <Shell title={t('audit.title')}>
      <form className="filters" onSubmit={onFilter}>
        <Field
          label={t('audit.type')}
          value={draft.type}
          onChange={(event) => setDraft({ ...draft, type: event.target.value })}
          placeholder={t('audit.typeExample')}
        />
        <Field
          label={t('audit.from')}
          type="datetime-local"
          value={draft.from}
          onChange={(event) => setDraft({ ...draft, from: event.target.value })}
        />
        <Field
          label={t('audit.to')}
          type="datetime-local"
          value={draft.to}
          onChange={(event) => setDraft({ ...draft, to: event.target.value })}
        />
        <Button type="submit" kind="secondary">
          {t('audit.filter')}
        </Button>
        <a className="button secondary" href={`/api/v1/audit-events/export${query(params)}`} download>
          {t('audit.export')}
        </a>
      </form>
      <ErrorAlert error={events.error} onRetry={events.reload} />
      {events.loading && !events.data ? <Loading /> : null}
      {events.data?.items.length === 0 ? <p>{t('app.none')}</p> : null}
      {events.data && events.data.items.length > 0 ? (
        <TableWrap label={t('audit.title')}>
          <table aria-busy={events.loading}>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.type')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col" className="wide-only">
                  {t('audit.outcome')}
                </th>
              </tr>
            </thead>
            <tbody>
              {events.data.items.map((event) => (
                <tr key={event.id} className={event.outcome === 'failure' ? 'bad' : undefined}>
                  <td>{formatTime(event.occurredAt)}</td>
                  <td>{event.type}</td>
                  <td>{loginText(event.actor.label)}</td>
                  <td>{loginText(event.target.label)}</td>
                  <td className="wide-only">{event.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <Pager pages={pages} nextCursor={events.data?.nextCursor} />
    </Shell>
  );
}
