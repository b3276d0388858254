import { type FormEvent, useRef, useState } from 'react';
import { type DomainView, del, get, post, type Settings } from '../api';
import { formatTime, t } from '../i18n';
import { Alert, Button, ErrorAlert, Loading } from '../ui/feedback';
import { CopyField, Field } from '../ui/forms';
import { fieldError, useAction, useLoad } from '../ui/hooks';
import { Shell } from '../ui/shell';
import { PlanSummary } from './plan-summary';

/**
 * Domains (R26): add the organisation's domains, publish each one's TXT record, verify it, and
 * remove it. Every card says what to publish and where, and what the last check found; the
 * buttons name their domain, so a screen reader (or a test) can tell the cards apart.
 */
export function DomainsPage() {
  const domains = useLoad(() => get<{ items: DomainView[] }>('/api/v1/domains'), []);
  const settings = useLoad(() => get<Settings>('/api/v1/settings'), []);
  const [notice, setNotice] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const refresh = async () => {
    await Promise.all([domains.reload(), settings.reload()]);
  };
  const remove = useAction(async (domain: DomainView) => {
    if (!window.confirm(t('domains.confirmRemove', { name: domain.name }))) return;
    setNotice(null);
    await del(`/api/v1/domains/${domain.id}`);
    setNotice(t('domains.removed', { name: domain.name }));
    await refresh();
    // The card that had the focus is gone: the list's heading takes it, and the notice is read.
    listHeading.current?.focus();
  });
  const items = domains.data?.items ?? [];
  return (
    <Shell title={t('domains.title')}>
      <p>{t('domains.intro')}</p>
      {settings.data ? <PlanSummary settings={settings.data} linkToDomains={false} /> : null}
      <AddDomain
        onAdded={async (domain) => {
          setNotice(t('domains.added', { name: domain.name }));
          await refresh();
        }}
      />
      <section aria-labelledby="domains-title">
        <h2 id="domains-title" ref={listHeading} tabIndex={-1}>
          {t('domains.listTitle')}
        </h2>
        {notice ? <Alert kind="success">{notice}</Alert> : null}
        <ErrorAlert error={domains.error ?? remove.error} onRetry={domains.reload} />
        {domains.loading && !domains.data ? <Loading /> : null}
        {domains.data && items.length === 0 ? <p>{t('domains.empty')}</p> : null}
        {items.map((domain) => (
          <DomainCard
            key={domain.id}
            domain={domain}
            busy={remove.busy}
            onVerified={async () => {
              setNotice(null);
              await refresh();
            }}
            onRemove={() => remove.run(domain)}
          />
        ))}
      </section>
    </Shell>
  );
}

function AddDomain({ onAdded }: { onAdded: (domain: DomainView) => Promise<void> }) {
  const [name, setName] = useState('');
  const [missing, setMissing] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const focusField = () => form.current?.querySelector('input')?.focus();
  const add = useAction(async (typed: string) => {
    const domain = await post<DomainView>('/api/v1/domains', { name: typed });
    setName('');
    await onAdded(domain);
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const empty = name.trim() === '';
    setMissing(empty);
    if (empty) {
      focusField();
      return;
    }
    void add.run(name).then(focusField);
  };
  const error = missing ? t('domains.nameRequired') : fieldError(add.error, 'name');
  return (
    <section className="card form-card" aria-labelledby="add-domain-title">
      <h2 id="add-domain-title">{t('domains.addTitle')}</h2>
      <form ref={form} onSubmit={onSubmit} noValidate>
        <Field
          label={t('domains.name')}
          hint={t('domains.nameHint')}
          value={name}
          maxLength={300}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          inputMode="url"
          onChange={(event) => setName(event.target.value)}
          error={error}
          required
        />
        {/* Field problems show under the field; a refusal about the domain itself shows here. */}
        <ErrorAlert error={add.error?.errors.length ? null : add.error} />
        <Button type="submit" busy={add.busy}>
          {t('domains.add')}
        </Button>
      </form>
    </section>
  );
}

function DomainCard({
  domain,
  busy,
  onVerified,
  onRemove,
}: {
  domain: DomainView;
  busy: boolean;
  onVerified: () => Promise<void>;
  onRemove: () => unknown;
}) {
  const [result, setResult] = useState<string | null>(null);
  const verify = useAction(async () => {
    setResult(null);
    const verified = await post<DomainView>(`/api/v1/domains/${domain.id}/verify`);
    setResult(t('domains.verifiedNow', { name: verified.name }));
    await onVerified();
  });
  const headingId = `domain-${domain.id}`;
  return (
    <article className="card domain-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="domain-name">
        {domain.name}{' '}
        <span className={`badge ${domain.verified ? 'badge-active' : 'badge-invited'}`}>
          {domain.verified ? t('domains.status.verified') : t('domains.status.unverified')}
        </span>
      </h3>
      <p className="hint">
        {domain.verified && domain.verifiedAt
          ? t('domains.verifiedSince', { when: formatTime(domain.verifiedAt) })
          : t('domains.howTo', { name: domain.name })}{' '}
        {domain.lastCheckedAt
          ? t('domains.lastChecked', { when: formatTime(domain.lastCheckedAt) })
          : t('domains.neverChecked')}
      </p>
      <CopyField
        label={t('domains.recordFor', { name: domain.name })}
        value={domain.txtRecord}
        copyLabel={t('domains.copyRecord')}
        wrap
      />
      {result ? <Alert kind="success">{result}</Alert> : null}
      {/* The server's words: the record it looked for, what it found, and what to do. */}
      <ErrorAlert error={verify.error} />
      <div className="actions">
        <Button
          busy={verify.busy}
          aria-label={t('domains.verifyFor', { name: domain.name })}
          onClick={() => void verify.run()}
        >
          {t('domains.verify')}
        </Button>
        <Button
          kind="danger"
          busy={busy}
          aria-label={t('domains.removeFor', { name: domain.name })}
          onClick={onRemove}
        >
          {t('domains.remove')}
        </Button>
      </div>
    </article>
  );
}
