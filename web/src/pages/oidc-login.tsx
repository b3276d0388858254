import { type FormEvent, useState } from 'react';
import { ApiError, get, type OidcInteraction, post, type SignedIn } from '../api';
import { t } from '../i18n';
import { Link } from '../router';
import { TWO_STEP_PATH, useSession } from '../session';
import { Alert, Button, ErrorAlert, Loading } from '../ui/feedback';
import { Field, SecondFactorField } from '../ui/forms';
import { secondFactorError, useAction, useLoad } from '../ui/hooks';
import { Shell } from '../ui/shell';

/** Back to the provider, which goes on to the app (or to the consent page). */
const continueSignIn = (uid: string) =>
  window.location.assign(`/oidc/interaction/${encodeURIComponent(uid)}`);

/**
 * Sign in to an app with Muster (R60): Muster's own sign-in (password, then the authenticator code
 * for accounts that have one, R40) for the app's community, then back to the provider. The app
 * never sees the password.
 */
export function OidcLoginPage({ uid }: { uid: string }) {
  const problem = new URLSearchParams(location.search).get('problem');
  const expired = problem === 'expired';
  const details = useLoad(
    () =>
      expired
        ? Promise.resolve(null)
        : get<OidcInteraction>(`/api/v1/oidc/interactions/${encodeURIComponent(uid)}`),
    [uid, expired],
  );
  if (details.loading && !details.data) return <Loading />;
  if (expired || details.error || !details.data) {
    return (
      <Shell title={t('oidcLogin.expiredTitle')} narrow>
        <Alert kind="error">
          <p>{t('oidcLogin.expired')}</p>
        </Alert>
      </Shell>
    );
  }
  if (problem === 'second-factor') {
    return (
      <Shell title={t('oidcLogin.title', { app: details.data.app.name })} narrow>
        <Alert kind="error">
          <p>{t('oidcLogin.secondFactorFirst', { app: details.data.app.name })}</p>
        </Alert>
        <Link href={TWO_STEP_PATH}>{t('oidcLogin.setUpSecondFactor')}</Link>
      </Shell>
    );
  }
  return <SignInForm uid={uid} interaction={details.data} />;
}

function SignInForm({ uid, interaction }: { uid: string; interaction: OidcInteraction }) {
  const { me, signedIn } = useSession();
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const [askCode, setAskCode] = useState(false);
  const [totp, setTotp] = useState('');
  const submit = useAction(async () => {
    try {
      const signed = await post<SignedIn>('/api/v1/auth/login', {
        identifier,
        password,
        community: interaction.community.slug,
        ...(askCode ? { totp } : {}),
      });
      signedIn(signed);
      continueSignIn(uid);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'totp_required' && !askCode) setAskCode(true);
      else throw error;
    }
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run();
  };
  const codeError = askCode ? secondFactorError(submit.error) : undefined;
  const otherCommunity = me !== null && me.community.slug !== interaction.community.slug;
  return (
    <Shell title={t('oidcLogin.title', { app: interaction.app.name })} narrow>
      <p>{t('oidcLogin.intro', { app: interaction.app.name, community: interaction.community.name })}</p>
      {otherCommunity ? (
        <Alert>{t('oidcLogin.otherCommunity', { community: interaction.community.name })}</Alert>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        {askCode ? (
          <>
            <p>{t('login.codeStep')}</p>
            <SecondFactorField label={t('code.label')} value={totp} onChange={setTotp} error={codeError} />
          </>
        ) : (
          <>
            <Field
              label={t('login.identifier')}
              hint={t('login.identifierHint')}
              value={identifier}
              onChange={(event) => setIdentifier(event.target.value)}
              autoComplete="username"
              autoCapitalize="none"
              required
              autoFocus
            />
            <Field
              label={t('login.password')}
              type="password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              autoComplete="current-password"
              required
            />
          </>
        )}
        <ErrorAlert error={codeError ? null : submit.error} />
        <Button type="submit" busy={submit.busy}>
          {t('oidcLogin.submit')}
        </Button>
      </form>
      <p>
        <Link href={`/forgot?community=${encodeURIComponent(interaction.community.slug)}`}>
          {t('login.forgot')}
        </Link>
      </p>
      <p>
        <a href={`/oidc/interaction/${encodeURIComponent(uid)}/cancel`}>
          {t('oidcLogin.cancel', { app: interaction.app.name })}
        </a>
      </p>
    </Shell>
  );
}
