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

interface FormState {
  name: string;
  redirects: string;
  logouts: string;
  backchannel: string;
  firstParty: boolean;
  kind: 'confidential' | 'public';
}

const initialState = (editing: OidcClient | null): FormState => ({
  name: editing?.name ?? '',
  redirects: editing?.redirectUris.join('\n') ?? '',
  logouts: editing?.postLogoutRedirectUris.join('\n') ?? '',
  backchannel: editing?.backchannelLogoutUri ?? '',
  firstParty: editing?.firstParty ?? false,
  kind: 'confidential',
});

/** What the API takes from the form; public or confidential only when registering. */
function toInput(form: FormState, registering: boolean): OidcClientInput {
  return {
    name: form.name.trim(),
    redirectUris: lines(form.redirects),
    postLogoutRedirectUris: lines(form.logouts),
    backchannelLogoutUri: form.backchannel.trim() === '' ? null : form.backchannel.trim(),
    firstParty: form.firstParty,
    ...(registering ? { public: form.kind === 'public' } : {}),
  };
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
  const [form, setForm] = useState<FormState>(() => initialState(editing));
  const [missing, setMissing] = useState<Missing>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Missing = {
      ...(form.name.trim() === '' ? { name: t('apps.nameRequired') } : {}),
      ...(lines(form.redirects).length === 0 ? { redirects: t('apps.redirectRequired') } : {}),
    };
    setMissing(found);
    if (Object.keys(found).length === 0) onSubmit(toInput(form, editing === null));
  };
  return (
    <form onSubmit={submit} noValidate>
      <AppFields
        form={form}
        set={(changes) => setForm((current) => ({ ...current, ...changes }))}
        registering={editing === null}
        missing={missing}
        error={error}
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

type Missing = { name?: string; redirects?: string };

function AppFields({
  form,
  set,
  registering,
  missing,
  error,
}: {
  form: FormState;
  set: (changes: Partial<FormState>) => void;
  registering: boolean;
  missing: Missing;
  error: ApiError | null;
}) {
  return (
    <>
      <Field
        label={t('apps.name')}
        hint={t('apps.nameHint')}
        value={form.name}
        maxLength={100}
        autoComplete="off"
        onChange={(event) => set({ name: event.target.value })}
        error={missing.name ?? fieldError(error, 'name')}
        required
      />
      <Addresses
        label={t('apps.redirectUris')}
        hint={t('apps.redirectUrisHint')}
        value={form.redirects}
        onChange={(redirects) => set({ redirects })}
        error={missing.redirects ?? fieldError(error, 'redirectUris.0')}
        required
      />
      <Addresses
        label={t('apps.logoutUris')}
        hint={t('apps.logoutUrisHint')}
        value={form.logouts}
        onChange={(logouts) => set({ logouts })}
      />
      <Field
        label={t('apps.backchannel')}
        hint={t('apps.backchannelHint')}
        value={form.backchannel}
        type="url"
        autoComplete="off"
        onChange={(event) => set({ backchannel: event.target.value })}
        error={fieldError(error, 'backchannelLogoutUri')}
      />
      {registering ? (
        <Select
          label={t('apps.kind')}
          hint={t('apps.kindHint')}
          value={form.kind}
          onChange={(event) => set({ kind: event.target.value === 'public' ? 'public' : 'confidential' })}
          options={[
            { value: 'confidential', label: t('apps.confidential') },
            { value: 'public', label: t('apps.public') },
          ]}
        />
      ) : null}
      <Checkbox
        label={t('apps.firstParty')}
        hint={t('apps.firstPartyHint')}
        checked={form.firstParty}
        onChange={(event) => set({ firstParty: event.target.checked })}
      />
    </>
  );
}
