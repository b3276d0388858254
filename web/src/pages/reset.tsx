import { type FormEvent, useState } from 'react';
import { get, post, type ResetLinkView, type SignedIn } from '../api';
import { t, useLinkLocale } from '../i18n';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { Button, ErrorAlert, Loading } from '../ui/feedback';
import { Checkbox, NewPasswordField, SecondFactorField } from '../ui/forms';
import { fieldError, secondFactorError, useAction, useLoad } from '../ui/hooks';
import { Shell } from '../ui/shell';

/**
 * Forgot password by email (R20): the emailed link opens this page. Opening it changes nothing
 * (mail scanners open links too); saving the new password uses the link up and signs in. An
 * administrator gives their authenticator code as well (R40).
 */
export function ResetPage({ token }: { token: string }) {
  const { signedIn } = useSession();
  const path = `/api/v1/reset/${encodeURIComponent(token)}`;
  const info = useLoad(() => get<ResetLinkView>(path), [path]);
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [logoutOthers, setLogoutOthers] = useState(true);
  const submit = useAction(async () => {
    const me = await post<SignedIn>(path, {
      password,
      logoutOtherDevices: logoutOthers,
      ...(totp ? { totp } : {}),
    });
    signedIn(me);
    navigate('/');
  });
  useLinkLocale(info.data?.locale);
  if (info.loading && !info.data) return <Loading />;
  if (info.error || !info.data) {
    return (
      <Shell title={t('reset.problemTitle')} narrow>
        <ErrorAlert error={info.error} />
        <p>
          <Link href="/forgot">{t('reset.again')}</Link>
        </p>
      </Shell>
    );
  }
  const { community, displayName, passwordMinLength, secondFactorRequired } = info.data;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run();
  };
  return (
    <Shell title={t('reset.title')} narrow>
      <p>{t('reset.intro', { name: displayName, community })}</p>
      <form onSubmit={onSubmit} noValidate>
        <NewPasswordField
          label={t('reset.password')}
          value={password}
          onChange={setPassword}
          minLength={passwordMinLength}
          error={fieldError(submit.error, 'password')}
          autoFocus
        />
        {secondFactorRequired ? (
          <SecondFactorField
            label={t('code.label')}
            value={totp}
            onChange={setTotp}
            error={secondFactorError(submit.error)}
            autoFocus={false}
          />
        ) : null}
        <Checkbox
          label={t('reset.logoutOthers')}
          hint={t('reset.logoutOthersHint')}
          checked={logoutOthers}
          onChange={(event) => setLogoutOthers(event.target.checked)}
        />
        <ErrorAlert error={submit.error} />
        <Button type="submit" busy={submit.busy}>
          {t('reset.submit')}
        </Button>
      </form>
    </Shell>
  );
}
