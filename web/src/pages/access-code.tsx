import { type FormEvent, useEffect, useState } from 'react';
import { type AccessCodeRedeemed, type ApiError, post } from '../api';
import { t } from '../i18n';
import { Link, navigate } from '../router';
import { mustEnrol, TWO_STEP_PATH, useSession } from '../session';
import { Alert, Button, ErrorAlert } from '../ui/feedback';
import { Field, NewPasswordField, SecondFactorField } from '../ui/forms';
import { fieldError, secondFactorError, useAction } from '../ui/hooks';
import { Shell } from '../ui/shell';

/** Shown until the server says otherwise: every community asks for at least this many (R30). */
const MIN_PASSWORD = 8;

/** The code and community a printed QR code put in the address, read once. */
function useLinkParameters() {
  const [initial] = useState(() => {
    const search = new URLSearchParams(location.search);
    return { code: search.get('code') ?? '', community: search.get('community') ?? undefined };
  });
  // The code is a secret: it leaves the address bar and the history as soon as it is in the form.
  useEffect(() => {
    if (location.search) history.replaceState(null, '', location.pathname);
  }, []);
  return initial;
}

/** Refusals that mean the account has an authenticator app, whose code the form must ask for. */
const ASKS_FOR_CODE = ['second_factor_required', 'totp_invalid'];

/**
 * Redeem an access code (R21): a worker with neither email nor phone types the code from their
 * card, picks a username and a password, and is in. The same page resets the password of a
 * worker whose admin gave them a new code. Built for a cheap phone: one column, big fields,
 * no JavaScript-only controls beyond the form. An account with an authenticator app (R40) is
 * asked for its code once the server says so, and the same form is sent again with it.
 */
export function AccessCodePage() {
  const { signedIn } = useSession();
  const link = useLinkParameters();
  const [code, setCode] = useState(link.code);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [done, setDone] = useState<AccessCodeRedeemed | null>(null);
  const submit = useAction(async () => {
    const me = await post<AccessCodeRedeemed>('/api/v1/access-code/claim', {
      accessCode: code,
      password,
      ...(username.trim() ? { username } : {}),
      ...(link.community ? { community: link.community } : {}),
      ...(totp.trim() ? { totp } : {}),
    });
    signedIn(me);
    setDone(me);
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run();
  };
  if (done) return <Redeemed me={done} />;
  return (
    <Shell title={t('accessCode.title')} narrow>
      <p>{t('accessCode.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <Field
          label={t('accessCode.code')}
          hint={t('accessCode.codeHint')}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={fieldError(submit.error, 'accessCode')}
          autoComplete="one-time-code"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          dir="ltr"
          required
          autoFocus={link.code === ''}
        />
        <Field
          label={t('accessCode.username')}
          hint={t('accessCode.usernameHint')}
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          error={fieldError(submit.error, 'username')}
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          dir="ltr"
          autoFocus={link.code !== ''}
        />
        <NewPasswordField
          label={t('accessCode.password')}
          value={password}
          onChange={setPassword}
          minLength={MIN_PASSWORD}
          error={fieldError(submit.error, 'password')}
        />
        <AuthenticatorCode error={submit.error} value={totp} onChange={setTotp} />
        <ErrorAlert error={secondFactorError(submit.error) ? null : submit.error} />
        <Button type="submit" busy={submit.busy}>
          {t('accessCode.submit')}
        </Button>
      </form>
      <p>
        {t('accessCode.haveAccount')} <Link href="/login">{t('accessCode.signIn')}</Link>
      </p>
    </Shell>
  );
}

/** The authenticator code (R40), asked for from the moment the server says the account has one. */
function AuthenticatorCode({
  error,
  value,
  onChange,
}: {
  error: ApiError | null;
  value: string;
  onChange: (value: string) => void;
}) {
  const [asked, setAsked] = useState(false);
  if (!asked && error && ASKS_FOR_CODE.includes(error.code)) setAsked(true);
  if (!asked) return null;
  return (
    <>
      <p>{t('accessCode.totpStep')}</p>
      <SecondFactorField
        label={t('code.label')}
        value={value}
        onChange={onChange}
        // Being asked is said by the words above; the field speaks only of a wrong code.
        error={error?.code === 'second_factor_required' ? undefined : secondFactorError(error)}
      />
    </>
  );
}

function Redeemed({ me }: { me: AccessCodeRedeemed }) {
  const username = me.person.username ?? '';
  return (
    <Shell title={t('claim.title', { community: me.community.name })} narrow>
      <Alert kind="success">
        {t(me.outcome === 'claimed' ? 'accessCode.claimed' : 'accessCode.recovered', { username })}
      </Alert>
      <Button onClick={() => navigate(mustEnrol(me) ? TWO_STEP_PATH : '/')}>
        {t('accessCode.continue')}
      </Button>
    </Shell>
  );
}
