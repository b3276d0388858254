import { get, type Limits } from '../api';
import { formatTime, t } from '../i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { ErrorAlert, Loading } from '../ui/feedback';
import { useLoad } from '../ui/hooks';
import { Shell } from '../ui/shell';

/** Limits (R5, R6): today's usage, what is left, when it resets and how to raise it. */
export function LimitsPage() {
  const { me } = useSession();
  const limits = useLoad(() => get<Limits>('/api/v1/limits'), []);
  const data = limits.data;
  return (
    <Shell title={t('limits.title')} narrow>
      <ErrorAlert error={limits.error} onRetry={limits.reload} />
      {!data ? <Loading /> : null}
      {data ? (
        <>
          <section className="card" aria-labelledby="phone-limit">
            <h2 id="phone-limit">{t('limits.phoneAccounts')}</h2>
            <meter
              min={0}
              max={data.phoneAccounts.limit}
              value={data.phoneAccounts.used}
              aria-label={t('limits.phoneAccounts')}
            />
            <p>{t('limits.usage', data.phoneAccounts)}</p>
            <p>{t('limits.resets', { when: formatTime(data.resetsAt), zone: data.timeZone })}</p>
            <p>{t('limits.raise', { how: data.phoneAccounts.howToRaise })}</p>
            {me?.person.role === 'system_admin' ? (
              <p>
                <Link href="/domains">{t('domains.manage')}</Link>
              </p>
            ) : null}
          </section>
          <section className="card">
            <p>{t('limits.claimSms', { count: data.claimSmsPerPersonPerDay })}</p>
          </section>
        </>
      ) : null}
    </Shell>
  );
}
