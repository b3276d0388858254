import { useState } from 'react';
import { type BulkResult, get, type Page, type Person, post, type RemindAllResult } from '../api';
import { formatTime, t } from '../i18n';
import { Link } from '../router';
import { Alert, Button, ErrorAlert, Loading } from '../ui/feedback';
import { useAction, useLoad } from '../ui/hooks';
import { Pager, useCursorPages } from '../ui/pager';
import { loginText } from '../ui/phone';
import { Shell } from '../ui/shell';

/** Pending invitations: unclaimed accounts, with Remind and Remind all (R13). */
export function InvitationsPage() {
  const pages = useCursorPages();
  const cursor = pages.cursor;
  const pending = useLoad(
    () =>
      get<Page<Person>>(
        `/api/v1/people?state=invited&kind=phone&limit=50${cursor ? `&cursor=${cursor}` : ''}`,
      ),
    [cursor],
  );
  const [notice, setNotice] = useState<string | null>(null);
  const remind = useAction(async (person: Person) => {
    const result = await post<BulkResult>('/api/v1/people/remind', { ids: [person.id] });
    setNotice(result.results[0]?.message ?? t('person.done'));
  });
  const remindAll = useAction(async () => {
    const result = await post<RemindAllResult>('/api/v1/people/remind-all');
    setNotice(
      t('invitations.remindAllDone', {
        reminded: result.reminded,
        skipped: result.skippedDailyLimit,
        failed: result.failed,
      }),
    );
  });
  return (
    <Shell title={t('invitations.title')}>
      <p>{t('invitations.intro')}</p>
      <Button
        busy={remindAll.busy}
        onClick={() => remindAll.run()}
        disabled={pending.data?.items.length === 0}
      >
        {t('invitations.remindAll')}
      </Button>
      {notice ? <Alert kind="info">{notice}</Alert> : null}
      <ErrorAlert error={pending.error ?? remind.error ?? remindAll.error} onRetry={pending.reload} />
      {pending.loading && !pending.data ? <Loading /> : null}
      {pending.data?.items.length === 0 ? <p>{t('app.none')}</p> : null}
      <ul className="list">
        {pending.data?.items.map((person) => (
          <li key={person.id}>
            <div>
              <Link href={`/people/${person.id}`}>{person.displayName}</Link>{' '}
              <span className="login">{loginText(person.phone)}</span>
              <br />
              <small>
                {t('invitations.sentAt')} {formatTime(person.invitedAt)}
              </small>
            </div>
            <Button kind="secondary" busy={remind.busy} onClick={() => remind.run(person)}>
              {t('people.remind')}
            </Button>
          </li>
        ))}
      </ul>
      <Pager pages={pages} nextCursor={pending.data?.nextCursor} />
    </Shell>
  );
}
