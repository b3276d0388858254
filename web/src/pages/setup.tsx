import { type FormEvent, useState } from 'react';
import { type ApiError, post } from '../api';
import { t } from '../i18n';
import { Link } from '../router';
import { Alert, Button, ErrorAlert } from '../ui/feedback';
import { Field, NewPasswordField } from '../ui/forms';
import { fieldError, useAction } from '../ui/hooks';
import { Shell } from '../ui/shell';

interface SetupForm {
  name: string;
  slug: string;
  timeZone: string;
  defaultCountry: string;
  displayName: string;
  email: string;
}

/** Makes the change handler of one field of the form. */
type Setter = (key: keyof SetupForm) => (event: { target: { value: string } }) => void;

const initialForm = (): SetupForm => ({
  name: '',
  slug: '',
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  defaultCountry: (navigator.language.split('-')[1] ?? 'US').toUpperCase(),
  displayName: '',
  email: '',
});

/** The token is read once and dropped from the address bar, so it is not left in history. */
function useSetupToken(): string {
  const [token] = useState(() => {
    const value = new URLSearchParams(location.search).get('token') ?? '';
    if (value) history.replaceState(null, '', '/setup');
    return value;
  });
  return token;
}

export function SetupPage() {
  const token = useSetupToken();
  const [form, setForm] = useState(initialForm);
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const set: Setter = (key) => (event) => setForm({ ...form, [key]: event.target.value });
  const submit = useAction(async () => {
    await post('/api/v1/setup', {
      token,
      community: {
        name: form.name,
        slug: form.slug.toLowerCase(),
        timeZone: form.timeZone,
        defaultCountry: form.defaultCountry.toUpperCase(),
      },
      admin: { displayName: form.displayName, email: form.email, password },
    });
    setDone(true);
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run();
  };
  if (done) return <SetupDone />;
  return (
    <Shell title={t('setup.title')} narrow>
      {token ? <p>{t('setup.intro')}</p> : <Alert kind="error">{t('setup.noToken')}</Alert>}
      <form onSubmit={onSubmit} noValidate>
        <CommunityFields form={form} set={set} error={submit.error} />
        <AdminFields
          form={form}
          set={set}
          password={password}
          setPassword={setPassword}
          error={submit.error}
        />
        <ErrorAlert error={submit.error} />
        <Button type="submit" busy={submit.busy} disabled={!token}>
          {t('setup.submit')}
        </Button>
      </form>
    </Shell>
  );
}

function SetupDone() {
  return (
    <Shell title={t('setup.title')} narrow>
      <Alert kind="success">{t('setup.done')}</Alert>
      <Link className="button primary" href="/login">
        {t('login.submit')}
      </Link>
    </Shell>
  );
}

function CommunityFields({ form, set, error }: { form: SetupForm; set: Setter; error: ApiError | null }) {
  return (
    <fieldset>
      <legend>{t('setup.community')}</legend>
      <Field
        label={t('setup.name')}
        value={form.name}
        onChange={set('name')}
        required
        autoComplete="organization"
        error={fieldError(error, 'name')}
      />
      <Field
        label={t('setup.slug')}
        value={form.slug}
        onChange={set('slug')}
        required
        hint={t('setup.slugHint')}
        autoCapitalize="none"
        error={fieldError(error, 'slug')}
      />
      <Field
        label={t('setup.timeZone')}
        value={form.timeZone}
        onChange={set('timeZone')}
        required
        hint={t('setup.timeZoneHint')}
        error={fieldError(error, 'timeZone')}
      />
      <Field
        label={t('setup.country')}
        value={form.defaultCountry}
        onChange={set('defaultCountry')}
        required
        maxLength={2}
        error={fieldError(error, 'defaultCountry')}
      />
    </fieldset>
  );
}

function AdminFields({
  form,
  set,
  password,
  setPassword,
  error,
}: {
  form: SetupForm;
  set: Setter;
  password: string;
  setPassword: (password: string) => void;
  error: ApiError | null;
}) {
  return (
    <fieldset>
      <legend>{t('setup.you')}</legend>
      <Field
        label={t('setup.yourName')}
        value={form.displayName}
        onChange={set('displayName')}
        required
        autoComplete="name"
      />
      <Field
        label={t('setup.email')}
        type="email"
        value={form.email}
        onChange={set('email')}
        required
        autoComplete="email"
        error={fieldError(error, 'email')}
      />
      <NewPasswordField
        label={t('setup.password')}
        value={password}
        onChange={setPassword}
        minLength={8}
        error={fieldError(error, 'password')}
      />
    </fieldset>
  );
}
