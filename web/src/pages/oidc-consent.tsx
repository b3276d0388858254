import { get, type OidcInteraction, post } from '../api';
import { type MessageKey, t } from '../i18n';
import { useSession } from '../session';
import { Alert, Button, ErrorAlert, Loading } from '../ui/feedback';
import { useAction, useLoad } from '../ui/hooks';
import { Shell } from '../ui/shell';

/** What each scope lets an app have, in words a worker reads. */
const SCOPE_TEXT: Record<string, MessageKey> = {
  profile: 'oidcConsent.scopeProfile',
  email: 'oidcConsent.scopeEmail',
  phone: 'oidcConsent.scopePhone',
  muster: 'oidcConsent.scopeMuster',
  offline_access: 'oidcConsent.scopeOffline',
};

/**
 * Consent for a third-party app (R60): what it asks for, in plain words, and one choice. Apps the
 * company marks first-party never show this page.
 */
export function OidcConsentPage({ uid }: { uid: string }) {
  const { me } = useSession();
  const details = useLoad(
    () => get<OidcInteraction>(`/api/v1/oidc/interactions/${encodeURIComponent(uid)}`),
    [uid],
  );
  const decide = useAction(async (allow: boolean) => {
    const { redirectTo } = await post<{ redirectTo: string }>(
      `/api/v1/oidc/interactions/${encodeURIComponent(uid)}/consent`,
      { allow },
    );
    window.location.assign(redirectTo);
  });
  if (details.loading && !details.data) return <Loading />;
  const interaction = details.data;
  if (details.error || !interaction || interaction.step !== 'consent') {
    return (
      <Shell title={t('oidcLogin.expiredTitle')} narrow>
        <Alert kind="error">
          <p>{t('oidcLogin.expired')}</p>
        </Alert>
      </Shell>
    );
  }
  const scopes = interaction.scopes.filter((scope) => SCOPE_TEXT[scope]);
  return (
    <Shell title={t('oidcConsent.title', { app: interaction.app.name })} narrow>
      <p>
        {me
          ? t('oidcConsent.signedInAs', {
              name: me.person.displayName,
              community: interaction.community.name,
            })
          : null}
      </p>
      <p id="consent-list">{t('oidcConsent.asks', { app: interaction.app.name })}</p>
      <ul aria-labelledby="consent-list">
        <li>{t('oidcConsent.scopeSignIn')}</li>
        {scopes.map((scope) => (
          <li key={scope}>{t(SCOPE_TEXT[scope] as MessageKey)}</li>
        ))}
      </ul>
      <p className="hint">{t('oidcConsent.notPassword')}</p>
      <ErrorAlert error={decide.error} />
      <div className="actions">
        <Button busy={decide.busy} onClick={() => void decide.run(true)}>
          {t('oidcConsent.allow')}
        </Button>
        <Button kind="secondary" busy={decide.busy} onClick={() => void decide.run(false)}>
          {t('oidcConsent.deny')}
        </Button>
      </div>
    </Shell>
  );
}
