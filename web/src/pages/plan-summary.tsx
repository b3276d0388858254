import type { Settings } from '../api';
import { t } from '../i18n';
import { Link } from '../router';

/**
 * The community's plan and what a verified domain does on it (R6, R26): read-only, since the
 * operator of the server sets the plan (`npx muster community set-plan`).
 */
export function PlanSummary({
  settings,
  linkToDomains,
}: {
  settings: Pick<Settings, 'plan' | 'domainVerified'>;
  linkToDomains: boolean;
}) {
  const { plan, domainVerified } = settings;
  const explanation =
    plan === 'essentials'
      ? t('domains.plan.essentials')
      : domainVerified
        ? t('domains.plan.coreVerified')
        : t('domains.plan.core');
  return (
    <section className="card" aria-labelledby="plan-title">
      <h2 id="plan-title">{t('domains.planTitle', { plan: t(`domains.planName.${plan}`) })}</h2>
      <p>{explanation}</p>
      <p>
        {linkToDomains ? (
          <>
            <Link href="/domains">{t('domains.manage')}</Link>
            {' · '}
          </>
        ) : null}
        <Link href="/limits">{t('domains.seeLimits')}</Link>
      </p>
    </section>
  );
}
