import { type FormEvent, useState } from 'react';
import { type Person, post } from '../api';
import { t } from '../i18n';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { Alert, Button, ErrorAlert } from '../ui/feedback';
import { Checkbox, Field, Select } from '../ui/forms';
import { fieldError, useAction } from '../ui/hooks';
import { Shell } from '../ui/shell';
import { COUNTRIES, callingCode } from './countries';

/** Profile fields shared by the add and edit forms. */
export const PROFILE_FIELDS = [
  ['givenName', 'add.givenName'],
  ['familyName', 'add.familyName'],
  ['displayName', 'add.displayName'],
  ['jobTitle', 'add.jobTitle'],
  ['department', 'add.department'],
  ['division', 'add.division'],
  ['organization', 'add.organization'],
  ['costCenter', 'add.costCenter'],
  ['location', 'add.location'],
  ['externalId', 'add.externalId'],
] as const;

export type ProfileForm = Record<(typeof PROFILE_FIELDS)[number][0] | 'startDate', string> & {
  frontline: boolean;
};

export const emptyProfile = (): ProfileForm => ({
  givenName: '',
  familyName: '',
  displayName: '',
  jobTitle: '',
  department: '',
  division: '',
  organization: '',
  costCenter: '',
  location: '',
  externalId: '',
  startDate: '',
  frontline: false,
});

/** Empty text becomes null, so a cleared field is cleared on the server too. */
export function profilePayload(form: ProfileForm, keepEmpty: boolean) {
  const payload: Record<string, unknown> = { frontline: form.frontline };
  for (const [key, value] of Object.entries(form)) {
    if (key === 'frontline') continue;
    const text = String(value).trim();
    if (text !== '') payload[key] = text;
    else if (keepEmpty) payload[key] = null;
  }
  return payload;
}

export function ProfileFields({
  form,
  setForm,
  error,
}: {
  form: ProfileForm;
  setForm: (form: ProfileForm) => void;
  error: Parameters<typeof fieldError>[0];
}) {
  return (
    <div className="grid">
      {PROFILE_FIELDS.map(([key, label]) => (
        <Field
          key={key}
          label={t(label)}
          value={form[key]}
          onChange={(event) => setForm({ ...form, [key]: event.target.value })}
          error={fieldError(error, key)}
        />
      ))}
      <Field
        label={t('add.startDate')}
        type="date"
        value={form.startDate}
        onChange={(event) => setForm({ ...form, startDate: event.target.value })}
        error={fieldError(error, 'startDate')}
      />
      <Checkbox
        label={t('add.frontline')}
        checked={form.frontline}
        onChange={(event) => setForm({ ...form, frontline: event.target.checked })}
      />
    </div>
  );
}

export function AddPersonPage() {
  const { me } = useSession();
  const phoneEnabled = me?.community.phoneProfilesEnabled ?? false;
  const [method, setMethod] = useState<'phone' | 'email'>(phoneEnabled ? 'phone' : 'email');
  const [country, setCountry] = useState(me?.community.defaultCountry ?? 'US');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [form, setForm] = useState(emptyProfile);
  const [added, setAdded] = useState<Person | null>(null);
  const add = useAction(async () => {
    const login = method === 'phone' ? { phone: withCountry(phone, country) } : { email };
    const person = await post<Person>('/api/v1/people', {
      ...login,
      ...profilePayload(form, false),
      sendInvitation: method === 'phone',
    });
    setAdded(person);
    setForm(emptyProfile());
    setPhone('');
    setEmail('');
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    add.run();
  };
  return (
    <Shell title={t('add.title')}>
      {added ? (
        <Alert kind="success">
          {t(added.state === 'invited' ? 'add.createdSms' : 'add.created', { name: added.displayName })}{' '}
          <Link href={`/people/${added.id}`}>{added.displayName}</Link>
        </Alert>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <Select
          label={t('add.accessMethod')}
          value={method}
          onChange={(event) => setMethod(event.target.value as 'phone' | 'email')}
          options={[
            { value: 'phone', label: t('add.byPhone') },
            { value: 'email', label: t('add.byEmail') },
          ]}
        />
        {method === 'phone' && !phoneEnabled ? <Alert kind="error">{t('add.phoneDisabled')}</Alert> : null}
        {method === 'phone' ? (
          <div className="phone-row">
            <Select
              label={t('add.country')}
              value={country}
              onChange={(event) => setCountry(event.target.value)}
              options={COUNTRIES.map(([code, name]) => ({
                value: code,
                label: `${name} (+${callingCode(code)})`,
              }))}
            />
            <Field
              label={t('add.phone')}
              type="tel"
              inputMode="tel"
              autoComplete="off"
              hint={t('add.phoneHint')}
              value={phone}
              onChange={(event) => setPhone(event.target.value)}
              error={fieldError(add.error, 'phone')}
              required
            />
          </div>
        ) : (
          <Field
            label={t('add.email')}
            type="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={fieldError(add.error, 'email')}
            required
          />
        )}
        <ProfileFields form={form} setForm={setForm} error={add.error} />
        <ErrorAlert error={add.error} />
        <div className="actions">
          <Button type="submit" busy={add.busy} disabled={method === 'phone' && !phoneEnabled}>
            {method === 'phone' ? t('add.sendSms') : t('add.save')}
          </Button>
          <Button kind="secondary" onClick={() => navigate('/people')}>
            {t('app.cancel')}
          </Button>
        </div>
      </form>
    </Shell>
  );
}

/**
 * The picker's country matters only for numbers typed in national form: a number with + or 00
 * is sent as typed, and the server reads the rest with the community's default country unless
 * we add the chosen country's code here.
 */
export function withCountry(phone: string, country: string): string {
  const trimmed = phone.trim();
  if (trimmed.startsWith('+') || trimmed.startsWith('00')) return trimmed;
  const code = callingCode(country);
  const digits = trimmed.replace(/^0+/, '');
  // Typed with the country code but no plus: leave it for the server to recognise.
  if (digits.replace(/\D/g, '').startsWith(code) && digits.replace(/\D/g, '').length > 10) return trimmed;
  return `+${code} ${digits}`;
}
