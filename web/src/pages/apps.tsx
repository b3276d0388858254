import { useState } from 'react';
import {
  del,
  get,
  type NewOidcClient,
  type OidcClient,
  type OidcClientInput,
  type OidcClientSecret,
  patch,
  post,
} from '../api';
import { formatTime, t } from '../i18n';
import { Alert, Button, ErrorAlert, Loading, StepHeading } from '../ui/feedback';
import { CopyField } from '../ui/forms';
import { useAction, useLoad } from '../ui/hooks';
import { Shell } from '../ui/shell';
import { AppForm } from './apps-form';

const discoveryUrl = () => `${location.origin}/oidc/.well-known/openid-configuration`;

/** A client's id, and its secret this once (registered, or a new one). */
type Shown = { clientId: string; clientSecret?: string | undefined; name: string };

/**
 * Apps (R60): the company's other apps that sign people in with Muster. A system admin registers
 * each (its addresses, first-party or not, public or confidential); a secret is shown once and can
 * be replaced; removing an app ends its sign-ins at once.
 */
export function AppsPage() {
  const apps = useLoad(() => get<{ items: OidcClient[] }>('/api/v1/oidc/clients'), []);
  const [shown, setShown] = useState<Shown | null>(null);
  const [editing, setEditing] = useState<OidcClient | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useAction(async (input: OidcClientInput) => {
    setNotice(null);
    if (editing) {
      await patch<OidcClient>(`/api/v1/oidc/clients/${encodeURIComponent(editing.clientId)}`, input);
      setNotice(t('apps.saved', { name: input.name }));
      setEditing(null);
    } else {
      const created = await post<NewOidcClient>('/api/v1/oidc/clients', input);
      setShown({ clientId: created.clientId, clientSecret: created.clientSecret, name: created.name });
    }
    await apps.reload();
  });
  const rotate = useAction(async (app: OidcClient) => {
    if (!window.confirm(t('apps.confirmRotate', { name: app.name }))) return;
    const fresh = await post<OidcClientSecret>(
      `/api/v1/oidc/clients/${encodeURIComponent(app.clientId)}/secret`,
    );
    setShown({ ...fresh, name: app.name });
    await apps.reload();
  });
  const remove = useAction(async (app: OidcClient) => {
    if (!window.confirm(t('apps.confirmRemove', { name: app.name }))) return;
    await del(`/api/v1/oidc/clients/${encodeURIComponent(app.clientId)}`);
    setNotice(t('apps.removed', { name: app.name }));
    await apps.reload();
  });
  const items = apps.data?.items ?? [];
  return (
    <Shell title={t('apps.title')}>
      <p>{t('apps.intro')}</p>
      <p>
        {t('apps.discovery')} <code className="url">{discoveryUrl()}</code>
      </p>
      {shown ? (
        <ShownCredentials shown={shown} onDone={() => setShown(null)} />
      ) : (
        <section className="card form-card" aria-labelledby="app-form-title">
          <h2 id="app-form-title">
            {editing ? t('apps.editTitle', { name: editing.name }) : t('apps.createTitle')}
          </h2>
          <AppForm
            key={editing?.clientId ?? 'new'}
            editing={editing}
            busy={save.busy}
            error={save.error}
            onSubmit={(input) => void save.run(input)}
            {...(editing ? { onCancel: () => setEditing(null) } : {})}
          />
        </section>
      )}
      <section aria-labelledby="apps-title">
        <h2 id="apps-title">{t('apps.listTitle')}</h2>
        {notice ? <Alert kind="success">{notice}</Alert> : null}
        <ErrorAlert error={apps.error ?? rotate.error ?? remove.error} onRetry={apps.reload} />
        {apps.loading && !apps.data ? <Loading /> : null}
        {apps.data && items.length === 0 ? <p>{t('apps.empty')}</p> : null}
        <ul className="app-list">
          {items.map((app) => (
            <AppCard
              key={app.clientId}
              app={app}
              busy={rotate.busy || remove.busy}
              onEdit={() => {
                setShown(null);
                setEditing(app);
              }}
              onRotate={() => void rotate.run(app)}
              onRemove={() => void remove.run(app)}
            />
          ))}
        </ul>
      </section>
    </Shell>
  );
}

function ShownCredentials({ shown, onDone }: { shown: Shown; onDone: () => void }) {
  return (
    <section className="card" aria-labelledby="shown-title">
      <StepHeading id="shown-title">{t('apps.shownTitle', { name: shown.name })}</StepHeading>
      <CopyField
        label={t('apps.clientId')}
        value={shown.clientId}
        copyLabel={t('app.copy')}
        testId="client-id"
      />
      {shown.clientSecret ? (
        <>
          <Alert kind="info">{t('apps.secretOnce')}</Alert>
          <CopyField
            label={t('apps.clientSecret')}
            value={shown.clientSecret}
            copyLabel={t('app.copy')}
            testId="client-secret"
            wrap
          />
        </>
      ) : (
        <p>{t('apps.noSecret')}</p>
      )}
      <Button onClick={onDone}>{t('apps.done')}</Button>
    </section>
  );
}

function AppCard({
  app,
  busy,
  onEdit,
  onRotate,
  onRemove,
}: {
  app: OidcClient;
  busy: boolean;
  onEdit: () => void;
  onRotate: () => void;
  onRemove: () => void;
}) {
  const kind = app.public
    ? t('apps.public')
    : app.tokenEndpointAuthMethod === 'private_key_jwt'
      ? t('apps.withKeys')
      : t('apps.confidential');
  return (
    <li className="card">
      <h3>{app.name}</h3>
      <dl>
        <dt>{t('apps.clientId')}</dt>
        <dd>
          <code>{app.clientId}</code>
        </dd>
        <dt>{t('apps.kind')}</dt>
        <dd>
          {kind}
          {app.firstParty ? ` · ${t('apps.firstPartyBadge')}` : ''}
        </dd>
        <dt>{t('apps.redirectUris')}</dt>
        {app.redirectUris.map((uri) => (
          <dd key={uri}>
            <code className="url">{uri}</code>
          </dd>
        ))}
        <dt>{t('apps.backchannel')}</dt>
        <dd>{app.backchannelLogoutUri ? <code className="url">{app.backchannelLogoutUri}</code> : '—'}</dd>
        {app.tokenEndpointAuthMethod === 'client_secret_basic' ? (
          <>
            <dt>{t('apps.secretRotated')}</dt>
            <dd>{formatTime(app.secretRotatedAt ?? app.createdAt)}</dd>
          </>
        ) : null}
      </dl>
      <div className="actions">
        <Button kind="secondary" onClick={onEdit} aria-label={t('apps.editFor', { name: app.name })}>
          {t('apps.edit')}
        </Button>
        {app.tokenEndpointAuthMethod === 'client_secret_basic' ? (
          <Button
            kind="secondary"
            busy={busy}
            onClick={onRotate}
            aria-label={t('apps.rotateFor', { name: app.name })}
          >
            {t('apps.rotate')}
          </Button>
        ) : null}
        <Button
          kind="danger"
          busy={busy}
          onClick={onRemove}
          aria-label={t('apps.removeFor', { name: app.name })}
        >
          {t('apps.remove')}
        </Button>
      </div>
    </li>
  );
}
