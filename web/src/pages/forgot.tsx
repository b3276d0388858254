import { type FormEvent, useState } from 'react';
import { post, type SignedIn } from '../api';
import { t } from '../i18n';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { Alert, Button, ErrorAlert } from '../ui/feedback';
import { Field, NewPasswordField } from '../ui/forms';
import { useAction } from '../ui/hooks';
import { Shell } from '../ui/shell';

type Step = 'phone' | 'code' | 'password' | 'devices' | 'done';

/**
 * Forgot your password (R10), in Workplace's steps: number → Reset password → code → new
 * password → log out of other devices? → continue, signed in. Nothing is checked until the end,
 * so no step reveals whether a number has an account.
 */
export function ForgotPage() {
  const { signedIn } = useSession();
  const [step, setStep] = useState<Step>('phone');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [ended, setEnded] = useState(0);
  const [community, setCommunity] = useState(
    () => new URLSearchParams(location.search).get('community') ?? '',
  );
  const [askCommunity, setAskCommunity] = useState(community !== '');
  const submit = useAction(async (logoutOtherDevices: boolean) => {
    const result = await post<SignedIn & { otherSessionsEnded: number }>('/api/v1/auth/recover', {
      ...(community ? { community } : {}),
      phone,
      recoveryCode: code,
      newPassword: password,
      logoutOtherDevices,
    });
    signedIn(result);
    setEnded(result.otherSessionsEnded);
    setStep('done');
  });
  const next = (to: Step) => (event: FormEvent) => {
    event.preventDefault();
    setStep(to);
  };
  // A refusal sends the worker back to the step that can fix it.
  if (submit.error && step === 'devices') {
    const failed = submit.error.code;
    if (failed === 'community_required' || failed === 'community_not_found') setAskCommunity(true);
    setStep(
      failed.startsWith('password_')
        ? 'password'
        : failed.startsWith('phone_') || failed.startsWith('community_')
          ? 'phone'
          : 'code',
    );
  }
  return (
    <Shell title={t('forgot.title')} narrow>
      {step === 'phone' ? (
        <form onSubmit={next('code')} noValidate>
          <p>{t('forgot.phoneStep')}</p>
          <ErrorAlert error={submit.error} />
          {askCommunity ? (
            <Field
              label={t('forgot.community')}
              hint={t('forgot.communityHint')}
              value={community}
              onChange={(e) => setCommunity(e.target.value)}
              autoCapitalize="none"
            />
          ) : null}
          <Field
            label={t('forgot.phone')}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            required
            autoFocus
          />
          <Button type="submit" disabled={phone.trim() === ''}>
            {t('forgot.reset')}
          </Button>
        </form>
      ) : null}
      {step === 'code' ? (
        <form onSubmit={next('password')} noValidate>
          <p>{t('forgot.codeStep')}</p>
          <ErrorAlert error={submit.error} />
          <Field
            label={t('forgot.code')}
            hint={t('forgot.codeHint')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoCapitalize="characters"
            autoComplete="one-time-code"
            required
            autoFocus
          />
          <Button type="submit" disabled={code.replace(/[\s-]/g, '').length !== 10}>
            {t('app.continue')}
          </Button>
          <p className="hint">{t('forgot.noCode')}</p>
        </form>
      ) : null}
      {step === 'password' ? (
        <form onSubmit={next('devices')} noValidate>
          <p>{t('forgot.passwordStep')}</p>
          <ErrorAlert error={submit.error} />
          <NewPasswordField
            label={t('forgot.newPassword')}
            value={password}
            onChange={setPassword}
            minLength={8}
            autoFocus
          />
          <Button type="submit" disabled={[...password].length < 8}>
            {t('app.next')}
          </Button>
        </form>
      ) : null}
      {step === 'devices' ? (
        <div>
          <p>{t('forgot.devicesStep')}</p>
          <div className="actions">
            <Button busy={submit.busy} onClick={() => submit.run(true)}>
              {t('forgot.logoutOthers')}
            </Button>
            <Button kind="secondary" busy={submit.busy} onClick={() => submit.run(false)}>
              {t('forgot.keepOthers')}
            </Button>
          </div>
        </div>
      ) : null}
      {step === 'done' ? (
        <>
          <Alert kind="success">
            {ended > 0 ? t('forgot.doneOthers', { count: ended }) : t('forgot.done')}
          </Alert>
          <p>{t('forgot.newCodeHint')}</p>
          <Button onClick={() => navigate('/me/security')}>{t('app.continue')}</Button>
        </>
      ) : null}
      {step !== 'done' ? (
        <p>
          <Link href="/login">{t('app.back')}</Link>
        </p>
      ) : null}
    </Shell>
  );
}
