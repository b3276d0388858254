import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type ApiTokenView, del, get, type NewApiToken, post } from '../api';
import { formatTime, t } from '../i18n';
import { Alert, Button, ErrorAlert, Loading, StepHeading } from '../ui/feedback';
import { Checkbox, CopyField, Field } from '../ui/forms';
import { fieldError, useAction, useLoad } from '../ui/hooks';
import { Shell } from '../ui/shell';
import { TokenTable, useMakers } from './integrations-table';

type Scope = ApiTokenView['scopes'][number];
const SCOPES: readonly Scope[] = ['scim', 'rest'];

/** What `POST /api/v1/tokens` takes. */
interface NewTokenRequest {
  name: string;
  scopes: Scope[];
  expiresInDays?: number;
}

const scimBaseUrl = () => `${location.origin}/scim/v2`;

/**
 * Integrations (R27): API tokens for identity providers (SCIM) and scripts (REST). A new token is
 * shown once, with the SCIM base URL to paste beside it; the list tells tokens apart by their
 * last four characters and shows when and from where each was last used.
 */
export function IntegrationsPage() {
  const tokens = useLoad(() => get<{ items: ApiTokenView[] }>('/api/v1/tokens'), []);
  const [created, setCreated] = useState<NewApiToken | null>(null);
  const [returning, setReturning] = useState(false);
  const [revoked, setRevoked] = useState<string | null>(null);
  const revoke = useAction(async (token: ApiTokenView) => {
    if (!window.confirm(t('integrations.confirmRevoke', { name: token.name }))) return;
    setRevoked(null);
    await del(`/api/v1/tokens/${token.id}`);
    setRevoked(t('integrations.revoked', { name: token.name }));
    await tokens.reload();
  });
  const onCreated = async (token: NewApiToken) => {
    setRevoked(null);
    setCreated(token);
    await tokens.reload();
  };
  const items = tokens.data?.items ?? [];
  const makers = useMakers(items);
  return (
    <Shell title={t('integrations.title')}>
      <p>{t('integrations.intro')}</p>
      <p>
        {t('integrations.scimBase')} <code className="url">{scimBaseUrl()}</code>
      </p>
      {created ? (
        <NewToken
          token={created}
          onDone={() => {
            setCreated(null);
            setReturning(true);
          }}
        />
      ) : (
        <CreateToken focusHeading={returning} onCreated={onCreated} />
      )}
      <section aria-labelledby="tokens-title">
        <h2 id="tokens-title">{t('integrations.listTitle')}</h2>
        {revoked ? <Alert kind="success">{revoked}</Alert> : null}
        <ErrorAlert error={tokens.error ?? revoke.error} onRetry={tokens.reload} />
        {tokens.loading && !tokens.data ? <Loading /> : null}
        {tokens.data && items.length === 0 ? <p>{t('integrations.empty')}</p> : null}
        {items.length > 0 ? (
          <TokenTable
            items={items}
            makers={makers}
            busy={revoke.busy || tokens.loading}
            onRevoke={revoke.run}
          />
        ) : null}
      </section>
    </Shell>
  );
}

interface FormProblems {
  name?: string;
  scopes?: string;
  days?: string;
}

function check(name: string, scopes: readonly Scope[], days: string): FormProblems {
  const problems: FormProblems = {};
  if (name.trim() === '') problems.name = t('integrations.nameRequired');
  if (scopes.length === 0) problems.scopes = t('integrations.scopeRequired');
  if (days.trim() !== '' && !(/^\d+$/.test(days.trim()) && Number(days) >= 1 && Number(days) <= 3650))
    problems.days = t('integrations.daysInvalid');
  return problems;
}

function CreateToken({
  focusHeading,
  onCreated,
}: {
  focusHeading: boolean;
  onCreated: (token: NewApiToken) => Promise<void>;
}) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['scim']);
  const [days, setDays] = useState('');
  const [problems, setProblems] = useState<FormProblems>({});
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const create = useAction(async (body: NewTokenRequest) => {
    await onCreated(await post<NewApiToken>('/api/v1/tokens', body));
  });
  // After a refused submit, the first field to fix gets the focus (and its message is read out).
  useEffect(() => {
    if (attempt > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = check(name, scopes, days);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    const expiresInDays = days.trim() === '' ? undefined : Number(days);
    void create.run({ name: name.trim(), scopes, ...(expiresInDays ? { expiresInDays } : {}) });
  };
  const toggle = (scope: Scope, on: boolean) =>
    setScopes((all) => SCOPES.filter((s) => (s === scope ? on : all.includes(s))));
  const nameError = problems.name ?? fieldError(create.error, 'name');
  const scopesError = problems.scopes ?? fieldError(create.error, 'scopes');
  const daysError = problems.days ?? fieldError(create.error, 'expiresInDays');
  const serverFieldError = create.error?.errors.length ? null : create.error;
  return (
    <section className="card form-card" aria-labelledby="create-title">
      {focusHeading ? (
        <StepHeading id="create-title">{t('integrations.createTitle')}</StepHeading>
      ) : (
        <h2 id="create-title">{t('integrations.createTitle')}</h2>
      )}
      <form ref={form} onSubmit={onSubmit} noValidate>
        <Field
          label={t('integrations.name')}
          hint={t('integrations.nameHint')}
          value={name}
          maxLength={100}
          autoComplete="off"
          onChange={(event) => setName(event.target.value)}
          error={nameError}
          required
        />
        <ScopeChoice scopes={scopes} error={scopesError} onToggle={toggle} />
        <Field
          label={t('integrations.expires')}
          hint={t('integrations.expiresHint')}
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          value={days}
          onChange={(event) => setDays(event.target.value)}
          error={daysError}
        />
        <ErrorAlert error={serverFieldError} />
        <Button type="submit" busy={create.busy}>
          {t('integrations.create')}
        </Button>
      </form>
    </section>
  );
}

function ScopeChoice({
  scopes,
  error,
  onToggle,
}: {
  scopes: readonly Scope[];
  error: string | undefined;
  onToggle: (scope: Scope, on: boolean) => void;
}) {
  return (
    <fieldset className="plain" aria-describedby={error ? 'token-scopes-error' : undefined}>
      <legend>{t('integrations.scopes')}</legend>
      {SCOPES.map((scope) => (
        <Checkbox
          key={scope}
          label={t(`integrations.scope.${scope}`)}
          hint={scope === 'scim' ? t('integrations.scopeScimHint') : t('integrations.scopeRestHint')}
          checked={scopes.includes(scope)}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onToggle(scope, event.target.checked)}
        />
      ))}
      {error ? (
        <small id="token-scopes-error" className="field-error">
          {error}
        </small>
      ) : null}
    </fieldset>
  );
}

/** The token, this once, with the SCIM base URL to paste beside it in the identity provider. */
function NewToken({ token, onDone }: { token: NewApiToken; onDone: () => void }) {
  return (
    <section className="card form-card" aria-labelledby="new-token-title">
      <StepHeading id="new-token-title">{t('integrations.newTitle', { name: token.name })}</StepHeading>
      <Alert kind="info">
        <p>
          <strong>{t('integrations.storeNow')}</strong>
        </p>
        <p>{t('integrations.storeWhy')}</p>
      </Alert>
      <CopyField
        label={t('integrations.token')}
        value={token.token}
        copyLabel={t('integrations.copyToken')}
        testId="new-token"
        wrap
      />
      {token.scopes.includes('scim') ? (
        <CopyField
          label={t('integrations.scimUrl')}
          value={scimBaseUrl()}
          hint={t('integrations.scimUrlHint')}
          copyLabel={t('integrations.copyUrl')}
        />
      ) : null}
      {token.scopes.includes('rest') ? (
        <p className="hint">{t('integrations.restHint', { base: location.origin })}</p>
      ) : null}
      <p>
        {token.expiresAt
          ? t('integrations.expiresOn', { when: formatTime(token.expiresAt) })
          : t('integrations.noExpiry')}
      </p>
      <Button onClick={onDone}>{t('integrations.stored')}</Button>
    </section>
  );
}
