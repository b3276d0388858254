import { type FormEvent, useState } from 'react';
import { post, type SignedIn } from '../api';
import { t } from '../i18n';
import { navigate } from '../router';
import { useSession } from '../session';
import { Alert, Button, ErrorAlert, StepHeading } from '../ui/feedback';
import { Field, SecondFactorField } from '../ui/forms';
import { secondFactorError, useAction } from '../ui/hooks';
import { Shell } from '../ui/shell';

/** What `POST /api/v1/me/totp` answers: the new key, shown once, and the new session's token. */
interface Enrolment {
  secret: string;
  otpauthUrl: string;
  qrCodeSvg: string;
  csrfToken: string;
}

/**
 * Two-step sign-in (R40): password again → scan the QR code (or type the key) → confirm with a
 * code from the app → the ten backup codes, shown once. Admins come here before any admin page.
 */
export function TwoStepPage() {
  const { me } = useSession();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [backupCodes, setBackupCodes] = useState<string[] | null>(null);
  return (
    <Shell title={t('twoStep.title')} narrow>
      {backupCodes ? (
        <BackupCodes codes={backupCodes} />
      ) : enrolment ? (
        <ConfirmStep
          enrolment={enrolment}
          onConfirmed={setBackupCodes}
          onRestart={() => setEnrolment(null)}
        />
      ) : (
        <StartStep status={me?.secondFactor ?? 'not_required'} onStarted={setEnrolment} />
      )}
    </Shell>
  );
}

function StartStep({
  status,
  onStarted,
}: {
  status: SignedIn['secondFactor'];
  onStarted: (enrolment: Enrolment) => void;
}) {
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  // Replacing an authenticator in use needs a code from it: a stolen session cannot swap it.
  const replacing = status === 'enrolled';
  const start = useAction(async () => {
    onStarted(await post<Enrolment>('/api/v1/me/totp', { password, ...(replacing ? { code } : {}) }));
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void start.run();
  };
  const passwordError = start.error?.code === 'password_incorrect' ? start.error.detail : undefined;
  const codeError = secondFactorError(start.error);
  return (
    <form onSubmit={onSubmit} noValidate>
      {status === 'enrollment_required' ? (
        <Alert kind="info">{t('twoStep.required')}</Alert>
      ) : (
        <p>{replacing ? t('twoStep.replaceIntro') : t('twoStep.intro')}</p>
      )}
      <Field
        label={t('twoStep.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={passwordError}
        required
      />
      {replacing ? (
        <SecondFactorField
          label={t('twoStep.currentCode')}
          value={code}
          onChange={setCode}
          error={codeError}
          autoFocus={false}
        />
      ) : null}
      <ErrorAlert error={passwordError || codeError ? null : start.error} />
      <Button type="submit" busy={start.busy}>
        {t('twoStep.start')}
      </Button>
    </form>
  );
}

function ConfirmStep({
  enrolment,
  onConfirmed,
  onRestart,
}: {
  enrolment: Enrolment;
  onConfirmed: (codes: string[]) => void;
  onRestart: () => void;
}) {
  const [code, setCode] = useState('');
  const confirm = useAction(async () => {
    const result = await post<{ backupCodes: string[] }>('/api/v1/me/totp/confirm', { code });
    onConfirmed(result.backupCodes);
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void confirm.run();
  };
  const codeError = secondFactorError(confirm.error);
  return (
    <>
      <section className="card" aria-labelledby="scan-title">
        <StepHeading id="scan-title">{t('twoStep.scanTitle')}</StepHeading>
        <p>{t('twoStep.scan')}</p>
        <img className="qr" src={svgDataUrl(enrolment.qrCodeSvg)} alt={t('twoStep.qrAlt')} />
        <SecretKey secret={enrolment.secret} />
      </section>
      <section className="card" aria-labelledby="confirm-title">
        <h2 id="confirm-title">{t('twoStep.confirmTitle')}</h2>
        <form onSubmit={onSubmit} noValidate>
          <Field
            label={t('twoStep.code')}
            hint={t('twoStep.codeHint')}
            // Only the app's 6-digit code confirms it, so the number pad fits here.
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            error={codeError}
            required
          />
          <ErrorAlert error={codeError ? null : confirm.error} />
          <div className="actions">
            <Button type="submit" busy={confirm.busy}>
              {t('twoStep.confirm')}
            </Button>
            <Button kind="secondary" onClick={onRestart}>
              {t('twoStep.startAgain')}
            </Button>
          </div>
        </form>
      </section>
    </>
  );
}

/** The key for typing by hand, in groups of four as authenticator apps show it. */
function SecretKey({ secret }: { secret: string }) {
  const { copied, copy } = useCopy();
  return (
    <div className="secret-key">
      <p>{t('twoStep.key')}</p>
      <p className="code" data-testid="totp-key">
        {secret.match(/.{1,4}/g)?.join(' ') ?? secret}
      </p>
      <p className="hint">{t('twoStep.keyHint')}</p>
      <Button kind="secondary" onClick={() => copy(secret)}>
        {copied ? t('app.copied') : t('twoStep.copyKey')}
      </Button>
    </div>
  );
}

function BackupCodes({ codes }: { codes: string[] }) {
  const { refresh } = useSession();
  const { copied, copy } = useCopy();
  // The session now counts as enrolled: read it again, then on to the admin pages.
  const done = useAction(async () => {
    await refresh();
    navigate('/');
  });
  return (
    <section className="card" aria-labelledby="backup-title">
      <StepHeading id="backup-title">{t('twoStep.backupTitle')}</StepHeading>
      <Alert kind="success">{t('twoStep.on')}</Alert>
      <p>{t('twoStep.backupIntro')}</p>
      <ol className="backup-codes" data-testid="backup-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p className="hint">{t('twoStep.backupStore')}</p>
      <ErrorAlert error={done.error} />
      <div className="actions">
        <Button kind="secondary" onClick={() => copy(codes.join('\n'))}>
          {copied ? t('app.copied') : t('twoStep.copyCodes')}
        </Button>
        <Button busy={done.busy} onClick={() => done.run()}>
          {t('twoStep.saved')}
        </Button>
      </div>
    </section>
  );
}

function useCopy() {
  const [copied, setCopied] = useState(false);
  const copy = async (text: string) => {
    await navigator.clipboard?.writeText(text).catch(() => undefined);
    setCopied(true);
  };
  return { copied, copy };
}

/** The server's QR code as an image (the page's CSP allows `data:` images, never inline SVG). */
function svgDataUrl(svg: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(svg)) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}
