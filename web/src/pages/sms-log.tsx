import { useState } from 'react';
import { get, type Page, post, query, type Sms } from '../api';
import { formatTime, t } from '../i18n';
import { Link } from '../router';
import { isAdmin, useSession } from '../session';
import { Alert, Button, ErrorAlert, Loading } from '../ui/feedback';
import { Select } from '../ui/forms';
import { useAction, useLoad } from '../ui/hooks';
import { Pager, useCursorPages } from '../ui/pager';
import { loginText } from '../ui/phone';
import { Shell } from '../ui/shell';
import { TableWrap } from '../ui/table';

const STATUSES: readonly Sms['status'][] = ['queued', 'sending', 'sent', 'delivered', 'failed', 'expired'];

export function SmsTable({ items, onChange }: { items: Sms[]; onChange: () => unknown }) {
  const { me } = useSession();
  const [notice, setNotice] = useState<string | null>(null);
  const resend = useAction(async (id: string) => {
    await post(`/api/v1/sms-messages/${id}/resend`);
    setNotice(t('sms.resent'));
    await onChange();
  });
  if (items.length === 0) return <p>{t('app.none')}</p>;
  return (
    <>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <ErrorAlert error={resend.error} />
      <TableWrap label={t('sms.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('sms.when')}</th>
              <th scope="col">{t('sms.to')}</th>
              <th scope="col">{t('sms.status')}</th>
              <th scope="col" className="wide-only">
                {t('sms.text')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('sms.resend')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((sms) => (
              <tr key={sms.id}>
                <td>{formatTime(sms.createdAt)}</td>
                <td className="nowrap">
                  {sms.personId ? (
                    <Link href={`/people/${sms.personId}`}>{loginText(sms.to)}</Link>
                  ) : (
                    loginText(sms.to)
                  )}
                </td>
                <td>
                  <span className={`badge sms-${sms.status}`}>{t(`sms.status.${sms.status}`)}</span>
                  {sms.error ? (
                    <small className="reason"> {sms.error.message ?? sms.error.code}</small>
                  ) : null}
                </td>
                <td className="wide-only">{sms.text}</td>
                <td>
                  {sms.resendable && isAdmin(me) ? (
                    <Button kind="secondary" busy={resend.busy} onClick={() => resend.run(sms.id)}>
                      {t('sms.resend')}
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

export function SmsLogPage() {
  const [status, setStatus] = useState('');
  const pages = useCursorPages();
  const cursor = pages.cursor;
  const log = useLoad(
    () => get<Page<Sms>>(`/api/v1/sms-messages${query({ status, cursor, limit: 50 })}`),
    [status, cursor],
  );
  return (
    <Shell title={t('sms.title')}>
      <Select
        label={t('sms.status')}
        value={status}
        onChange={(event) => {
          setStatus(event.target.value);
          pages.first();
        }}
        options={[
          { value: '', label: t('people.all') },
          ...STATUSES.map((s) => ({ value: s, label: t(`sms.status.${s}`) })),
        ]}
      />
      <ErrorAlert error={log.error} onRetry={log.reload} />
      {log.data ? <SmsTable items={log.data.items} onChange={log.reload} /> : <Loading />}
      <Pager pages={pages} nextCursor={log.data?.nextCursor} />
    </Shell>
  );
}
