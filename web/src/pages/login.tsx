import { type FormEvent, useState } from 'react';
import { ApiError, post, type SignedIn } from '../api';
import { t } from '../i18n';
import { Link, navigate } from '../router';
import { mustEnrol, TWO_STEP_PATH, useSession } from '../session';
import { Button, ErrorAlert } from '../ui/feedback';
import { Field, SecondFactorField } from '../ui/forms';
import { secondFactorError, useAction } from '../ui/hooks';
import { Shell } from '../ui/shell';

/**
 * Sign in: login and password, then, for an account with an authenticator (R40), a second step
 * that asks for its code; the password is sent again with it, as the server keeps no half-session.
 */
export function LoginPage() {
  const { signedIn } = useSession();
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const [community, setCommunity] = useState(
    () => new URLSearchParams(location.search).get('community') ?? '',
  );
  const [askCommunity, setAskCommunity] = useState(community !== '');
  const [askCode, setAskCode] = useState(false);
  const [totp, setTotp] = useState('');
  const submit = useAction(async () => {
    try {
      const me = await post<SignedIn>('/api/v1/auth/login', {
        identifier,
        password,
        ...(community ? { community } : {}),
        ...(askCode ? { totp } : {}),
      });
      signedIn(me);
      navigate(mustEnrol(me) ? TWO_STEP_PATH : '/');
    } catch (error) {
      // The password was right: what is missing is the code, which the next step asks for.
      if (error instanceof ApiError && error.code === 'totp_required' && !askCode) setAskCode(true);
      else throw error;
    }
  });
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await submit.run();
  };
  const startOver = () => {
    setAskCode(false);
    setTotp('');
    setPassword('');
    submit.setError(null);
  };
  if (submit.error?.code === 'community_required' && !askCommunity) setAskCommunity(true);
  const codeError = askCode ? secondFactorError(submit.error) : undefined;
  return (
    <Shell title={t('login.title')} narrow>
      <form onSubmit={onSubmit} noValidate>
        {askCode ? (
          <>
            <p>{t('login.codeStep')}</p>
            <SecondFactorField label={t('code.label')} value={totp} onChange={setTotp} error={codeError} />
          </>
        ) : (
          <PasswordFields
            identifier={identifier}
            setIdentifier={setIdentifier}
            password={password}
            setPassword={setPassword}
            community={askCommunity ? { value: community, set: setCommunity } : null}
          />
        )}
        <ErrorAlert error={codeError ? null : submit.error} />
        <Button type="submit" busy={submit.busy}>
          {t('login.submit')}
        </Button>
      </form>
      <p>
        {askCode ? (
          <button type="button" className="link-inline" onClick={startOver}>
            {t('login.otherAccount')}
          </button>
        ) : (
          <Link href="/forgot">{t('login.forgot')}</Link>
        )}
      </p>
      {askCode ? null : (
        <p>
          {t('login.accessCode')} <Link href="/access-code">{t('login.useAccessCode')}</Link>
        </p>
      )}
    </Shell>
  );
}

function PasswordFields({
  identifier,
  setIdentifier,
  password,
  setPassword,
  community,
}: {
  identifier: string;
  setIdentifier: (value: string) => void;
  password: string;
  setPassword: (value: string) => void;
  /** Asked only when the login alone cannot tell the community. */
  community: { value: string; set: (value: string) => void } | null;
}) {
  return (
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
      {community ? (
        <Field
          label={t('login.community')}
          hint={t('login.communityHint')}
          value={community.value}
          onChange={(event) => community.set(event.target.value)}
          autoCapitalize="none"
        />
      ) : null}
    </>
  );
}
