import { useState } from 'react';
import { del, get, type Lockout } from '../api';
import { formatTime, t } from '../i18n';
import { Link } from '../router';
import { Alert, Button, ErrorAlert, Loading } from '../ui/feedback';
import { useAction, useLoad } from '../ui/hooks';
import { loginText } from '../ui/phone';
import { Shell } from '../ui/shell';
import { TableWrap } from '../ui/table';

/**
 * Locked accounts (R33): logins locked against sign-in or recovery after too many wrong guesses,
 * until when, and a way to lift a lockout once the person has shown who they are.
 */
export function LockoutsPage() {
  const lockouts = useLoad(() => get<{ items: Lockout[] }>('/api/v1/lockouts'), []);
  const [lifted, setLifted] = useState<string | null>(null);
  const lift = useAction(async (person: NonNullable<Lockout['person']>) => {
    setLifted(null);
    await del(`/api/v1/people/${person.id}/lockout`);
    setLifted(t('lockouts.lifted', { name: person.displayName }));
    await lockouts.reload();
  });
  const items = lockouts.data?.items ?? [];
  return (
    <Shell title={t('lockouts.title')}>
      <p>{t('lockouts.intro')}</p>
      {lifted ? <Alert kind="success">{lifted}</Alert> : null}
      <ErrorAlert error={lockouts.error ?? lift.error} onRetry={lockouts.reload} />
      {lockouts.loading && !lockouts.data ? <Loading /> : null}
      {lockouts.data && items.length === 0 ? <p>{t('lockouts.empty')}</p> : null}
      {items.length > 0 ? (
        <TableWrap label={t('lockouts.title')}>
          <table aria-busy={lockouts.loading}>
            <thead>
              <tr>
                <th scope="col">{t('lockouts.account')}</th>
                <th scope="col">{t('lockouts.kind')}</th>
                <th scope="col">{t('lockouts.until')}</th>
                <th scope="col">{t('lockouts.action')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((lockout) => (
                <LockoutRow
                  key={`${lockout.kind}:${lockout.login}`}
                  lockout={lockout}
                  busy={lift.busy}
                  onLift={lift.run}
                />
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </Shell>
  );
}

function LockoutRow({
  lockout,
  busy,
  onLift,
}: {
  lockout: Lockout;
  busy: boolean;
  onLift: (person: NonNullable<Lockout['person']>) => unknown;
}) {
  const person = lockout.person;
  return (
    <tr>
      <td>
        {person ? <Link href={`/people/${person.id}`}>{person.displayName}</Link> : null}
        <span className={person ? 'login hint' : 'login'}>{loginText(lockout.login)}</span>
        {person ? null : <span className="hint">{t('lockouts.noAccount')}</span>}
      </td>
      <td>{t(`lockouts.kind.${lockout.kind}`)}</td>
      <td>{formatTime(lockout.lockedUntil)}</td>
      <td>
        {person ? (
          <Button
            kind="secondary"
            busy={busy}
            aria-label={t('lockouts.liftFor', { name: person.displayName })}
            onClick={() => onLift(person)}
          >
            {t('lockouts.lift')}
          </Button>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}
