import { type FormEvent, useState } from 'react';
import { type ClaimInfo, get, post, type SignedIn } from '../api';
import { t, useLinkLocale } from '../i18n';
import { navigate } from '../router';
import { useSession } from '../session';
import { Alert, Button, ErrorAlert, Loading } from '../ui/feedback';
import { NewPasswordField } from '../ui/forms';
import { fieldError, useAction, useLoad } from '../ui/hooks';
import { ltr } from '../ui/phone';
import { Shell } from '../ui/shell';

/** Claim (R7): shows the community and the masked number; only the button changes anything. */
export function ClaimPage({ token }: { token: string }) {
  const { signedIn } = useSession();
  const info = useLoad(() => get<ClaimInfo>(`/api/v1/claim/${encodeURIComponent(token)}`), [token]);
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const submit = useAction(async () => {
    const me = await post<SignedIn>(`/api/v1/claim/${encodeURIComponent(token)}`, { password });
    signedIn(me);
    setDone(true);
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run();
  };
  // The page speaks the language the invitation text was in, unless the worker picks another.
  useLinkLocale(info.data?.locale);
  if (info.loading && !info.data) return <Loading />;
  if (info.error || !info.data) {
    return (
      <Shell title={t('claim.problemTitle')} narrow>
        <ErrorAlert error={info.error} />
      </Shell>
    );
  }
  const { community, maskedPhone, maskedEmail, passwordMinLength } = info.data;
  if (done) {
    return (
      <Shell title={t('claim.title', { community })} narrow>
        <Alert kind="success">{t(maskedPhone ? 'claim.done' : 'claim.doneEmail')}</Alert>
        <Button onClick={() => navigate('/me/security')}>{t('claim.continue')}</Button>
      </Shell>
    );
  }
  return (
    <Shell title={t('claim.title', { community })} narrow>
      <p>
        {maskedPhone || !maskedEmail
          ? t('claim.intro', { phone: maskedPhone ? ltr(maskedPhone) : '' })
          : t('claim.introEmail', { email: ltr(maskedEmail) })}
      </p>
      <form onSubmit={onSubmit} noValidate>
        <NewPasswordField
          label={t('claim.password')}
          value={password}
          onChange={setPassword}
          minLength={passwordMinLength}
          error={fieldError(submit.error, 'password')}
          autoFocus
        />
        <ErrorAlert error={submit.error} />
        <Button type="submit" busy={submit.busy}>
          {t('claim.submit')}
        </Button>
      </form>
    </Shell>
  );
}
