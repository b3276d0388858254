import { type FormEvent, useState } from 'react';
import { del, get, post, type SessionInfo, type SignedIn } from '../api';
import { formatTime, t } from '../i18n';
import { Link, navigate } from '../router';
import { TWO_STEP_PATH, useSession } from '../session';
import { Alert, Button, ErrorAlert, Loading } from '../ui/feedback';
import { Checkbox, Field, NewPasswordField } from '../ui/forms';
import { fieldError, useAction, useLoad } from '../ui/hooks';
import { Shell } from '../ui/shell';

/** Settings and privacy → Security and login: recovery code, password, devices (R11, R31, R40). */
export function SecurityPage() {
  const { me } = useSession();
  const twoStep = me?.secondFactor ?? 'not_required';
  // An admin who must set it up sees it first; for everyone else it is an option further down.
  const required = twoStep === 'enrollment_required';
  return (
    <Shell title={t('security.title')} narrow>
      {required ? <TwoStep status={twoStep} /> : null}
      {me?.person.loginKind === 'phone' ? <RecoveryCode /> : null}
      <ChangePassword minLength={me?.community.passwordMinLength ?? 8} />
      {required ? null : <TwoStep status={twoStep} />}
      <Sessions />
    </Shell>
  );
}

/** Anyone may add an authenticator; an admin must (R40), and comes here first. */
function TwoStep({ status }: { status: SignedIn['secondFactor'] }) {
  const text =
    status === 'enrolled'
      ? t('security.twoStepOn')
      : status === 'enrollment_required'
        ? t('security.twoStepRequired')
        : t('security.twoStepOff');
  return (
    <section aria-labelledby="two-step-title" className="card">
      <h2 id="two-step-title">{t('security.twoStepTitle')}</h2>
      <p>{text}</p>
      <Link
        className={`button ${status === 'enrollment_required' ? 'primary' : 'secondary'}`}
        href={TWO_STEP_PATH}
      >
        {status === 'enrolled' ? t('security.twoStepReplace') : t('security.twoStepSetUp')}
      </Link>
    </section>
  );
}

function RecoveryCode() {
  const [password, setPassword] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const make = useAction(async () => {
    const result = await post<{ recoveryCode: string }>('/api/v1/me/recovery-code', { password });
    setCode(result.recoveryCode);
    setPassword('');
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void make.run();
  };
  const copy = async () => {
    if (!code) return;
    await navigator.clipboard?.writeText(code).catch(() => undefined);
    setCopied(true);
  };
  return (
    <section aria-labelledby="recovery-title" className="card">
      <h2 id="recovery-title">{t('security.recoveryTitle')}</h2>
      <p>{t('security.recoveryIntro')}</p>
      {code ? (
        <div className="recovery-code" role="status">
          <p>{t('security.recoveryShown')}</p>
          <p className="code" data-testid="recovery-code">
            {code}
          </p>
          <Button kind="secondary" onClick={copy}>
            {copied ? t('app.copied') : t('app.copy')}
          </Button>
          <p className="hint">{t('security.recoveryStore')}</p>
        </div>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Field
            label={t('security.recoveryPassword')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={fieldError(make.error, 'password')}
            required
          />
          <ErrorAlert error={make.error?.errors.length ? null : make.error} />
          <Button type="submit" busy={make.busy}>
            {t('security.recoveryButton')}
          </Button>
        </form>
      )}
    </section>
  );
}

function ChangePassword({ minLength }: { minLength: number }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [logoutOthers, setLogoutOthers] = useState(true);
  const [done, setDone] = useState(false);
  const change = useAction(async () => {
    await post('/api/v1/me/password', {
      currentPassword: current,
      newPassword: next,
      logoutOtherDevices: logoutOthers,
    });
    setDone(true);
    setCurrent('');
    setNext('');
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    void change.run();
  };
  return (
    <section aria-labelledby="password-title" className="card">
      <h2 id="password-title">{t('security.changeTitle')}</h2>
      <form onSubmit={onSubmit} noValidate>
        <Field
          label={t('security.current')}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
          error={fieldError(change.error, 'currentPassword')}
          required
        />
        <NewPasswordField label={t('security.new')} value={next} onChange={setNext} minLength={minLength} />
        <Checkbox
          label={t('security.logoutOthers')}
          checked={logoutOthers}
          onChange={(event) => setLogoutOthers(event.target.checked)}
        />
        <ErrorAlert error={change.error} />
        {done ? <Alert kind="success">{t('security.changed')}</Alert> : null}
        <Button type="submit" busy={change.busy}>
          {t('security.changeButton')}
        </Button>
      </form>
    </section>
  );
}

function Sessions() {
  const { signedOut } = useSession();
  const sessions = useLoad(() => get<{ items: SessionInfo[] }>('/api/v1/me/sessions'), []);
  const [ended, setEnded] = useState<number | null>(null);
  const revokeOthers = useAction(async () => {
    const result = await post<{ sessionsEnded: number }>('/api/v1/me/sessions/revoke-others');
    setEnded(result.sessionsEnded);
    await sessions.reload();
  });
  const revoke = useAction(async (session: SessionInfo) => {
    await del(`/api/v1/me/sessions/${session.id}`);
    if (session.current) {
      signedOut();
      navigate('/login');
    } else await sessions.reload();
  });
  return (
    <section aria-labelledby="sessions-title" className="card">
      <h2 id="sessions-title">{t('security.sessionsTitle')}</h2>
      {sessions.loading && !sessions.data ? <Loading /> : null}
      <ErrorAlert error={sessions.error ?? revoke.error ?? revokeOthers.error} onRetry={sessions.reload} />
      <ul className="sessions">
        {sessions.data?.items.map((session) => (
          <li key={session.id}>
            <div>
              <strong>{session.current ? t('security.thisDevice') : describeAgent(session.userAgent)}</strong>
              <br />
              <small>
                {t('security.signedInAt', { when: formatTime(session.createdAt) })},{' '}
                {t('security.lastUsed', { when: formatTime(session.lastUsedAt) })}
                {session.ip ? ` · ${session.ip}` : ''}
              </small>
            </div>
            <Button kind="secondary" onClick={() => revoke.run(session)}>
              {t('security.signOutDevice')}
            </Button>
          </li>
        ))}
      </ul>
      {ended !== null ? <Alert kind="success">{t('security.othersEnded', { count: ended })}</Alert> : null}
      <Button kind="secondary" busy={revokeOthers.busy} onClick={() => revokeOthers.run()}>
        {t('security.logoutOthersButton')}
      </Button>
    </section>
  );
}

/** "Chrome on Android" from a user agent, enough for a person to recognise their device. */
function describeAgent(agent: string | null): string {
  if (!agent) return '—';
  const browser = /Edg\//.test(agent)
    ? 'Edge'
    : /Chrome\//.test(agent)
      ? 'Chrome'
      : /Firefox\//.test(agent)
        ? 'Firefox'
        : /Safari\//.test(agent)
          ? 'Safari'
          : t('security.browser');
  const system = /Android/.test(agent)
    ? 'Android'
    : /iPhone|iPad/.test(agent)
      ? 'iOS'
      : /Windows/.test(agent)
        ? 'Windows'
        : /Mac OS/.test(agent)
          ? 'macOS'
          : /Linux/.test(agent)
            ? 'Linux'
            : '';
  return system ? `${browser} · ${system}` : browser;
}
