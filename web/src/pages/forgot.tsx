import { type FormEvent, useState } from 'react';
import { type ApiError, post, type SignedIn } from '../api';
import { t } from '../i18n';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { Alert, Button, ErrorAlert } from '../ui/feedback';
import { Field, NewPasswordField, SecondFactorField } from '../ui/forms';
import { secondFactorError, useAction } from '../ui/hooks';
import { Shell } from '../ui/shell';

type Step = 'phone' | 'email' | 'code' | 'password' | 'devices' | 'totp' | 'refused' | 'done';

interface Details {
  community: string;
  phone: string;
  code: string;
  password: string;
  /** An admin's authenticator or backup code (R40), asked for only when the server needs it. */
  totp: string;
}

/** The step that can fix what the server refused. */
const stepToFix = (failed: string): Step =>
  failed === 'second_factor_required' || failed === 'totp_invalid'
    ? 'totp'
    : failed === 'recovery_not_allowed'
      ? 'refused'
      : failed.startsWith('password_')
        ? 'password'
        : failed.startsWith('phone_') || failed.startsWith('community_')
          ? 'phone'
          : 'code';

/** The one call of the flow, made at the end: reset the password and sign in. */
function useRecover(details: Details, onDone: () => void) {
  const { signedIn } = useSession();
  const [ended, setEnded] = useState(0);
  // Kept for the second try an admin makes with their authenticator code.
  const [logoutOthers, setLogoutOthers] = useState(true);
  const submit = useAction(async (logoutOtherDevices: boolean) => {
    setLogoutOthers(logoutOtherDevices);
    const result = await post<SignedIn & { otherSessionsEnded: number }>('/api/v1/auth/recover', {
      ...(details.community ? { community: details.community } : {}),
      phone: details.phone,
      recoveryCode: details.code,
      newPassword: details.password,
      logoutOtherDevices,
      ...(details.totp ? { totp: details.totp } : {}),
    });
    signedIn(result);
    setEnded(result.otherSessionsEnded);
    onDone();
  });
  return { submit, ended, retry: () => submit.run(logoutOthers) };
}

/** The details the worker types, step by step; the community only when the number cannot tell it. */
function useDetails() {
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [community, setCommunity] = useState(
    () => new URLSearchParams(location.search).get('community') ?? '',
  );
  const [askCommunity, setAskCommunity] = useState(community !== '');
  const details: Details = { community, phone, code, password, totp };
  const set = { setPhone, setCode, setPassword, setTotp, setCommunity, setAskCommunity };
  return { details, askCommunity, ...set };
}

/**
 * Forgot your password (R10), in Workplace's steps: number → Reset password → code → new
 * password → log out of other devices? → continue, signed in. Nothing is checked until the end,
 * so no step reveals whether a number has an account. An admin also gives their authenticator
 * code (R40), asked for once the server says the rest is right.
 */
export function ForgotPage() {
  const [step, setStep] = useState<Step>('phone');
  const d = useDetails();
  const { submit, ended, retry } = useRecover(d.details, () => setStep('done'));
  const next = (to: Step) => (event: FormEvent) => {
    event.preventDefault();
    // Moving on after a refusal: its message belongs to the step it sent the worker back to.
    submit.setError(null);
    setStep(to);
  };
  // A refusal sends the worker back to the step that can fix it.
  if (submit.error && (step === 'devices' || step === 'totp')) {
    const failed = submit.error.code;
    if (failed === 'community_required' || failed === 'community_not_found') d.setAskCommunity(true);
    if (stepToFix(failed) !== step) setStep(stepToFix(failed));
  }
  const onRetry = (event: FormEvent) => {
    event.preventDefault();
    void retry();
  };
  return (
    <Shell title={t('forgot.title')} narrow>
      {step === 'phone' ? (
        <PhoneStep
          onSubmit={next('code')}
          error={submit.error}
          community={d.askCommunity ? { value: d.details.community, set: d.setCommunity } : null}
          phone={d.details.phone}
          setPhone={d.setPhone}
          onUseEmail={() => setStep('email')}
        />
      ) : null}
      {step === 'email' ? (
        <EmailStep
          community={d.askCommunity ? { value: d.details.community, set: d.setCommunity } : null}
          onUsePhone={() => setStep('phone')}
          onCommunityNeeded={() => d.setAskCommunity(true)}
        />
      ) : null}
      {step === 'code' ? (
        <CodeStep
          onSubmit={next('password')}
          error={submit.error}
          code={d.details.code}
          setCode={d.setCode}
        />
      ) : null}
      {step === 'password' ? (
        <PasswordStep
          onSubmit={next('devices')}
          error={submit.error}
          password={d.details.password}
          setPassword={d.setPassword}
        />
      ) : null}
      {step === 'devices' ? <DevicesStep busy={submit.busy} choose={submit.run} /> : null}
      {step === 'totp' ? (
        <TotpStep
          onSubmit={onRetry}
          error={submit.error}
          busy={submit.busy}
          totp={d.details.totp}
          setTotp={d.setTotp}
        />
      ) : null}
      {step === 'refused' ? <ErrorAlert error={submit.error} /> : null}
      {step === 'done' ? <DoneStep ended={ended} /> : null}
      {step !== 'done' ? (
        <p>
          <Link href="/login">{t('app.back')}</Link>
        </p>
      ) : null}
    </Shell>
  );
}

interface StepProps {
  onSubmit: (event: FormEvent) => void;
  error: ApiError | null;
}

function PhoneStep({
  onSubmit,
  error,
  community,
  phone,
  setPhone,
  onUseEmail,
}: StepProps & {
  /** Asked only when the number alone cannot tell the community. */
  community: { value: string; set: (community: string) => void } | null;
  phone: string;
  setPhone: (phone: string) => void;
  onUseEmail: () => void;
}) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <p>{t('forgot.phoneStep')}</p>
      <ErrorAlert error={error} />
      {community ? (
        <Field
          label={t('forgot.community')}
          hint={t('forgot.communityHint')}
          value={community.value}
          onChange={(e) => community.set(e.target.value)}
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
      <p>
        <button type="button" className="link-inline" onClick={onUseEmail}>
          {t('forgot.useEmail')}
        </button>
      </p>
    </form>
  );
}

/**
 * Forgot password by email (R20): the server answers the same whether or not the address has an
 * account, and emails a link that opens the reset page.
 */
function EmailStep({
  community,
  onUsePhone,
  onCommunityNeeded,
}: {
  community: { value: string; set: (community: string) => void } | null;
  onUsePhone: () => void;
  onCommunityNeeded: () => void;
}) {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const send = useAction(async () => {
    await post('/api/v1/auth/forgot', { ...(community?.value ? { community: community.value } : {}), email });
    setSentTo(email.trim());
  });
  const failed = send.error?.code;
  if (failed === 'community_required' || failed === 'community_not_found') onCommunityNeeded();
  if (sentTo) return <Alert kind="success">{t('forgot.emailSent', { email: sentTo })}</Alert>;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send.run();
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <p>{t('forgot.emailStep')}</p>
      <ErrorAlert error={send.error} />
      {community ? (
        <Field
          label={t('forgot.community')}
          hint={t('forgot.communityHint')}
          value={community.value}
          onChange={(e) => community.set(e.target.value)}
          autoCapitalize="none"
        />
      ) : null}
      <Field
        label={t('forgot.email')}
        type="email"
        autoComplete="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        required
        autoFocus
      />
      <Button type="submit" busy={send.busy} disabled={!email.includes('@')}>
        {t('forgot.sendLink')}
      </Button>
      <p>
        <button type="button" className="link-inline" onClick={onUsePhone}>
          {t('forgot.usePhone')}
        </button>
      </p>
    </form>
  );
}

function CodeStep({
  onSubmit,
  error,
  code,
  setCode,
}: StepProps & { code: string; setCode: (code: string) => void }) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <p>{t('forgot.codeStep')}</p>
      <ErrorAlert error={error} />
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
  );
}

function PasswordStep({
  onSubmit,
  error,
  password,
  setPassword,
}: StepProps & { password: string; setPassword: (password: string) => void }) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <p>{t('forgot.passwordStep')}</p>
      <ErrorAlert error={error} />
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
  );
}

/** An admin's second factor (R40): the rest was right, so the same reset is sent again with it. */
function TotpStep({
  onSubmit,
  error,
  busy,
  totp,
  setTotp,
}: StepProps & { busy: boolean; totp: string; setTotp: (totp: string) => void }) {
  // The first refusal only asks for the code, which this step does in its own words.
  const shown = error?.code === 'second_factor_required' ? null : error;
  const codeError = secondFactorError(shown);
  return (
    <form onSubmit={onSubmit} noValidate>
      <p>{t('forgot.totpStep')}</p>
      <ErrorAlert error={codeError ? null : shown} />
      <SecondFactorField label={t('code.label')} value={totp} onChange={setTotp} error={codeError} />
      <Button type="submit" busy={busy} disabled={totp.trim() === ''}>
        {t('forgot.finish')}
      </Button>
    </form>
  );
}

function DevicesStep({ busy, choose }: { busy: boolean; choose: (logoutOthers: boolean) => unknown }) {
  return (
    <div>
      <p>{t('forgot.devicesStep')}</p>
      <div className="actions">
        <Button busy={busy} onClick={() => choose(true)}>
          {t('forgot.logoutOthers')}
        </Button>
        <Button kind="secondary" busy={busy} onClick={() => choose(false)}>
          {t('forgot.keepOthers')}
        </Button>
      </div>
    </div>
  );
}

function DoneStep({ ended }: { ended: number }) {
  return (
    <>
      <Alert kind="success">{ended > 0 ? t('forgot.doneOthers', { count: ended }) : t('forgot.done')}</Alert>
      <p>{t('forgot.newCodeHint')}</p>
      <Button onClick={() => navigate('/me/security')}>{t('app.continue')}</Button>
    </>
  );
}
