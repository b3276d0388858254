import { type ReactNode, useEffect, useRef } from 'react';
import type { ApiError, State } from '../api';
import { t } from '../i18n';
import { refusalText } from './refusal-text';

export function Alert({
  kind = 'info',
  children,
}: {
  kind?: 'info' | 'error' | 'success';
  children: ReactNode;
}) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** An API error as a person should read it: what happened and what to do, in the page's language. */
export function ErrorAlert({ error, onRetry }: { error: ApiError | null; onRetry?: () => void }) {
  if (!error) return null;
  return (
    <Alert kind="error">
      <p>{refusalText(error)}</p>
      {onRetry ? (
        <button type="button" className="button secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      ) : null}
    </Alert>
  );
}

export function Loading() {
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

export function Button({
  busy,
  children,
  kind = 'primary',
  type = 'button',
  ...rest
}: React.ButtonHTMLAttributes<HTMLButtonElement> & {
  busy?: boolean;
  kind?: 'primary' | 'secondary' | 'danger';
}) {
  // `disabled` comes after the spread, so a busy button stays disabled whatever the caller
  // passed: a double tap must not send two invitations.
  return (
    <button
      type={type}
      className={`button ${kind}`}
      aria-busy={busy || undefined}
      {...rest}
      disabled={busy || rest.disabled}
    >
      {children}
    </button>
  );
}

export function StateBadge({ state }: { state: State }) {
  return <span className={`badge badge-${state}`}>{t(`state.${state}`)}</span>;
}

/** A step's heading, focused when the step appears, so a screen reader announces the new step. */
export function StepHeading({ id, children }: { id: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <h2 id={id} ref={heading} tabIndex={-1}>
      {children}
    </h2>
  );
}
