import { type FormEvent, useState } from 'react';
import { type ApiError, type Person, post } from '../api';
import { t } from '../i18n';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { Alert, Button, ErrorAlert } from '../ui/feedback';
import { Checkbox, Field, Select } from '../ui/forms';
import { fieldError, useAction } from '../ui/hooks';
import { LocaleSelect } from '../ui/locale-select';
import { ltr } from '../ui/phone';
import { Shell } from '../ui/shell';
import { callingCode, countries } from './countries';

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

export type ProfileForm = Record<(typeof PROFILE_FIELDS)[number][0] | 'startDate' | 'locale', string> & {
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
  locale: '',
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
  hidden = [],
}: {
  form: ProfileForm;
  setForm: (form: ProfileForm) => void;
  error: ApiError | null;
  /** Fields shown elsewhere on the page (the employee ID, when it is the person's only identifier). */
  hidden?: readonly string[];
}) {
  return (
    <div className="grid">
      {PROFILE_FIELDS.filter(([key]) => !hidden.includes(key)).map(([key, label]) => (
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
      <LocaleSelect
        label={t('add.locale')}
        hint={t('add.localeHint')}
        inherit={t('add.localeDefault')}
        value={form.locale}
        onChange={(locale) => setForm({ ...form, locale })}
      />
      <Checkbox
        label={t('add.frontline')}
        checked={form.frontline}
        onChange={(event) => setForm({ ...form, frontline: event.target.checked })}
      />
    </div>
  );
}

type Method = 'phone' | 'email' | 'employeeId';

/** How the new person will sign in: a mobile number (with its country) or an email address. */
function useLogin() {
  const { me } = useSession();
  const phoneEnabled = me?.community.phoneProfilesEnabled ?? false;
  // People with neither email nor phone (R21): only while the community allows access codes.
  const accessCodesEnabled = me?.community.accessCodeProfilesEnabled ?? false;
  const [method, setMethod] = useState<Method>(phoneEnabled ? 'phone' : 'email');
  const [country, setCountry] = useState(me?.community.defaultCountry ?? 'US');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  return {
    phoneEnabled,
    accessCodesEnabled,
    method,
    setMethod,
    country,
    setCountry,
    phone,
    setPhone,
    email,
    setEmail,
  };
}

type Login = ReturnType<typeof useLogin>;

export function AddPersonPage() {
  const login = useLogin();
  const { method, phoneEnabled } = login;
  const [form, setForm] = useState(emptyProfile);
  const [added, setAdded] = useState<Person | null>(null);
  const add = useAction(async () => {
    const loginField =
      method === 'phone'
        ? { phone: withCountry(login.phone, login.country) }
        : method === 'email'
          ? { email: login.email }
          : {};
    const person = await post<Person>('/api/v1/people', {
      ...loginField,
      ...profilePayload(form, false),
      // Phone and email accounts get their claim link at once (R3, R20); access-code ones, a code later.
      sendInvitation: method !== 'employeeId',
    });
    setAdded(person);
    setForm(emptyProfile());
    login.setPhone('');
    login.setEmail('');
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    void add.run();
  };
  return (
    <Shell title={t('add.title')}>
      {added ? <AddedAlert person={added} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <LoginFields
          login={login}
          error={add.error}
          employeeId={{ value: form.externalId, set: (externalId) => setForm({ ...form, externalId }) }}
        />
        <ProfileFields
          form={form}
          setForm={setForm}
          error={add.error}
          hidden={method === 'employeeId' ? ['externalId'] : []}
        />
        <ErrorAlert error={add.error} />
        <div className="actions">
          <Button
            type="submit"
            busy={add.busy}
            disabled={
              (method === 'phone' && !phoneEnabled) || (method === 'employeeId' && !login.accessCodesEnabled)
            }
          >
            {method === 'phone' ? t('add.sendSms') : method === 'email' ? t('add.sendEmail') : t('add.save')}
          </Button>
          <Button kind="secondary" onClick={() => navigate('/people')}>
            {t('app.cancel')}
          </Button>
        </div>
      </form>
    </Shell>
  );
}

function AddedAlert({ person }: { person: Person }) {
  const message =
    person.loginKind === 'username'
      ? 'add.createdAccessCode'
      : person.state !== 'invited'
        ? 'add.created'
        : person.loginKind === 'email'
          ? 'add.createdEmail'
          : 'add.createdSms';
  return (
    <Alert kind="success">
      {t(message, { name: person.displayName })}{' '}
      <Link href={`/people/${person.id}`}>{person.displayName}</Link>
    </Alert>
  );
}

function LoginFields({
  login,
  error,
  employeeId,
}: {
  login: Login;
  error: ApiError | null;
  employeeId: { value: string; set: (value: string) => void };
}) {
  return (
    <>
      <Select
        label={t('add.accessMethod')}
        value={login.method}
        onChange={(event) => login.setMethod(event.target.value as Method)}
        options={[
          { value: 'phone', label: t('add.byPhone') },
          { value: 'email', label: t('add.byEmail') },
          { value: 'employeeId', label: t('add.byEmployeeId') },
        ]}
      />
      {login.method === 'phone' && !login.phoneEnabled ? (
        <Alert kind="error">{t('add.phoneDisabled')}</Alert>
      ) : null}
      {login.method === 'employeeId' ? (
        <EmployeeIdField enabled={login.accessCodesEnabled} employeeId={employeeId} error={error} />
      ) : login.method === 'phone' ? (
        <PhoneFields login={login} error={error} />
      ) : (
        <Field
          label={t('add.email')}
          hint={t('add.emailHint')}
          type="email"
          value={login.email}
          onChange={(event) => login.setEmail(event.target.value)}
          error={fieldError(error, 'email')}
          required
        />
      )}
    </>
  );
}

/** Someone with neither email nor phone, told apart by their employee ID, joins with an access code (R21). */
function EmployeeIdField({
  enabled,
  employeeId,
  error,
}: {
  enabled: boolean;
  employeeId: { value: string; set: (value: string) => void };
  error: ApiError | null;
}) {
  if (!enabled) return <Alert kind="error">{t('add.accessCodesDisabled')}</Alert>;
  return (
    <>
      <p className="hint">{t('add.employeeIdHelp')}</p>
      <Field
        label={t('add.externalId')}
        value={employeeId.value}
        onChange={(event) => employeeId.set(event.target.value)}
        error={fieldError(error, 'externalId')}
        autoComplete="off"
        required
      />
    </>
  );
}

function PhoneFields({ login, error }: { login: Login; error: ApiError | null }) {
  return (
    <div className="phone-row">
      <Select
        label={t('add.country')}
        value={login.country}
        onChange={(event) => login.setCountry(event.target.value)}
        options={countries().map(([code, name]) => ({
          value: code,
          label: `${name} (${ltr(`+${callingCode(code)}`)})`,
        }))}
      />
      <Field
        label={t('add.phone')}
        type="tel"
        inputMode="tel"
        autoComplete="off"
        hint={t('add.phoneHint')}
        value={login.phone}
        onChange={(event) => login.setPhone(event.target.value)}
        error={fieldError(error, 'phone')}
        required
      />
    </div>
  );
}

/**
 * The picker's country matters only for numbers typed in national form: a number with + or 00
 * is sent as typed, and the server reads the rest with the community's default country unless
 * we add the chosen country's code here.
 */
function withCountry(phone: string, country: string): string {
  const trimmed = phone.trim();
  if (trimmed.startsWith('+') || trimmed.startsWith('00')) return trimmed;
  const code = callingCode(country);
  const digits = trimmed.replace(/^0+/, '');
  // Typed with the country code but no plus: leave it for the server to recognise.
  if (digits.replace(/\D/g, '').startsWith(code) && digits.replace(/\D/g, '').length > 10) return trimmed;
  return `+${code} ${digits}`;
}
