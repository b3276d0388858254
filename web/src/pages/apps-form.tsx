import { type FormEvent, useId, useState } from 'react';
import type { ApiError, OidcClient, OidcClientInput } from '../api';
import { t } from '../i18n';
import { Button, ErrorAlert } from '../ui/feedback';
import { Checkbox, Field, Select } from '../ui/forms';
import { fieldError } from '../ui/hooks';

/** One address a line, blank lines ignored. */
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

function Addresses({
  label,
  hint,
  value,
  onChange,
  error,
  required,
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  required?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? <span className="required"> ({t('app.required')})</span> : null}
      </label>
      <textarea
        id={id}
        rows={3}
        value={value}
        spellCheck={false}
        autoCapitalize="none"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(event) => onChange(event.target.value)}
      />
      <small id={`${id}-hint`} className="hint">
        {hint}
      </small>
      {error ? (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      ) : null}
    </div>
  );
}

/**
 * An app's settings (R60), to register it or change it. Public or confidential is chosen once,
 * when registering: the secret (or its absence) is part of how the app is built.
 */
export function AppForm({
  editing,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  editing: OidcClient | null;
  busy: boolean;
  error: ApiError | null;
  onSubmit: (input: OidcClientInput) => void;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(editing?.name ?? '');
  const [redirects, setRedirects] = useState(editing?.redirectUris.join('\n') ?? '');
  const [logouts, setLogouts] = useState(editing?.postLogoutRedirectUris.join('\n') ?? '');
  const [backchannel, setBackchannel] = useState(editing?.backchannelLogoutUri ?? '');
  const [firstParty, setFirstParty] = useState(editing?.firstParty ?? false);
  const [kind, setKind] = useState<'confidential' | 'public'>('confidential');
  const [missing, setMissing] = useState<{ name?: string; redirects?: string }>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...(name.trim() === '' ? { name: t('apps.nameRequired') } : {}),
      ...(lines(redirects).length === 0 ? { redirects: t('apps.redirectRequired') } : {}),
    };
    setMissing(found);
    if (Object.keys(found).length > 0) return;
    onSubmit({
      name: name.trim(),
      redirectUris: lines(redirects),
      postLogoutRedirectUris: lines(logouts),
      backchannelLogoutUri: backchannel.trim() === '' ? null : backchannel.trim(),
      firstParty,
      ...(editing ? {} : { public: kind === 'public' }),
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Field
        label={t('apps.name')}
        hint={t('apps.nameHint')}
        value={name}
        maxLength={100}
        autoComplete="off"
        onChange={(event) => setName(event.target.value)}
        error={missing.name ?? fieldError(error, 'name')}
        required
      />
      <Addresses
        label={t('apps.redirectUris')}
        hint={t('apps.redirectUrisHint')}
        value={redirects}
        onChange={setRedirects}
        error={missing.redirects ?? fieldError(error, 'redirectUris.0')}
        required
      />
      <Addresses
        label={t('apps.logoutUris')}
        hint={t('apps.logoutUrisHint')}
        value={logouts}
        onChange={setLogouts}
      />
      <Field
        label={t('apps.backchannel')}
        hint={t('apps.backchannelHint')}
        value={backchannel}
        type="url"
        autoComplete="off"
        onChange={(event) => setBackchannel(event.target.value)}
        error={fieldError(error, 'backchannelLogoutUri')}
      />
      {editing ? null : (
        <Select
          label={t('apps.kind')}
          hint={t('apps.kindHint')}
          value={kind}
          onChange={(event) => setKind(event.target.value === 'public' ? 'public' : 'confidential')}
          options={[
            { value: 'confidential', label: t('apps.confidential') },
            { value: 'public', label: t('apps.public') },
          ]}
        />
      )}
      <Checkbox
        label={t('apps.firstParty')}
        hint={t('apps.firstPartyHint')}
        checked={firstParty}
        onChange={(event) => setFirstParty(event.target.checked)}
      />
      <ErrorAlert error={error} />
      <div className="actions">
        <Button type="submit" busy={busy}>
          {editing ? t('app.save') : t('apps.register')}
        </Button>
        {onCancel ? (
          <Button kind="secondary" onClick={onCancel}>
            {t('app.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
