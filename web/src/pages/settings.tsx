import { type FormEvent, useEffect, useState } from 'react';
import { get, patch, type Settings, type SettingsChanges } from '../api';
import { type MessageKey, t } from '../i18n';
import { useSession } from '../session';
import { Alert, Button, ErrorAlert, Loading } from '../ui/feedback';
import { Checkbox, Field } from '../ui/forms';
import { fieldError, useAction, useLoad } from '../ui/hooks';
import { LocaleSelect } from '../ui/locale-select';
import { Shell } from '../ui/shell';
import { PlanSummary } from './plan-summary';

type Draft = Record<keyof Settings, string | boolean>;

const toDraft = (s: Settings): Draft => ({
  ...s,
  smsCountries: s.smsCountries.join(', '),
  reminderDays: s.reminderDays.join(', '),
  claimLinkLifetimeDays: String(s.claimLinkLifetimeDays),
  passwordMinLength: String(s.passwordMinLength),
  sessionIdleMinutes: String(s.sessionIdleMinutes),
  sessionAbsoluteHours: String(s.sessionAbsoluteHours),
  adminSessionIdleMinutes: String(s.adminSessionIdleMinutes),
  adminSessionAbsoluteHours: String(s.adminSessionAbsoluteHours),
});

const list = (value: string) =>
  value
    .split(/[\s,]+/)
    .map((v) => v.trim())
    .filter(Boolean);

/** The draft as the API takes it: numbers, lists and flags from the text of the fields. */
const toChanges = (draft: Draft): SettingsChanges => ({
  name: String(draft.name),
  timeZone: String(draft.timeZone),
  defaultCountry: String(draft.defaultCountry).toUpperCase(),
  defaultLocale: String(draft.defaultLocale),
  phoneProfilesEnabled: draft.phoneProfilesEnabled === true,
  accessCodeProfilesEnabled: draft.accessCodeProfilesEnabled === true,
  smsCountries: list(String(draft.smsCountries)).map((c) => c.toUpperCase()),
  claimLinkLifetimeDays: Number(draft.claimLinkLifetimeDays),
  remindersEnabled: draft.remindersEnabled === true,
  reminderDays: list(String(draft.reminderDays)).map(Number),
  passwordMinLength: Number(draft.passwordMinLength),
  sessionIdleMinutes: Number(draft.sessionIdleMinutes),
  sessionAbsoluteHours: Number(draft.sessionAbsoluteHours),
  adminSessionIdleMinutes: Number(draft.adminSessionIdleMinutes),
  adminSessionAbsoluteHours: Number(draft.adminSessionAbsoluteHours),
  secondFactorForAccountManagers: draft.secondFactorForAccountManagers === true,
});

/** Settings (R25): each with a sentence saying what it does; changes apply at once. */
export function SettingsPage() {
  const { refresh } = useSession();
  const settings = useLoad(() => get<Settings>('/api/v1/settings'), []);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data) setDraft(toDraft(settings.data));
  }, [settings.data]);
  const save = useAction(async () => {
    if (!draft) return;
    settings.setData(await patch<Settings>('/api/v1/settings', toChanges(draft)));
    setSaved(true);
    await refresh();
  });
  if (!draft) {
    return (
      <Shell title={t('settings.title')}>
        <ErrorAlert error={settings.error} onRetry={settings.reload} />
        {settings.loading ? <Loading /> : null}
      </Shell>
    );
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void save.run();
  };
  const toggle = (key: keyof Settings, label: MessageKey, help: MessageKey) => (
    <Checkbox
      label={t(label)}
      hint={t(help)}
      checked={Boolean(draft[key])}
      onChange={(event) => setDraft({ ...draft, [key]: event.target.checked })}
    />
  );
  const text = (key: keyof Settings, label: MessageKey, help: MessageKey, type = 'text') => (
    <Field
      label={t(label)}
      hint={t(help)}
      type={type}
      value={String(draft[key])}
      onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
      error={fieldError(save.error, key)}
    />
  );
  return (
    <Shell title={t('settings.title')} narrow>
      {settings.data ? <PlanSummary settings={settings.data} linkToDomains /> : null}
      <form onSubmit={onSubmit} noValidate>
        <fieldset>
          <legend>{t('nav.people')}</legend>
          {toggle('phoneProfilesEnabled', 'settings.phoneProfiles', 'settings.phoneProfilesHelp')}
          {toggle('accessCodeProfilesEnabled', 'settings.accessCodes', 'settings.accessCodesHelp')}
          {text('smsCountries', 'settings.smsCountries', 'settings.smsCountriesHelp')}
          {text('claimLinkLifetimeDays', 'settings.claimLink', 'settings.claimLinkHelp', 'number')}
          {toggle('remindersEnabled', 'settings.reminders', 'settings.remindersHelp')}
          {text('reminderDays', 'settings.reminderDays', 'settings.reminderDaysHelp')}
        </fieldset>
        <fieldset>
          <legend>{t('nav.security')}</legend>
          {text('passwordMinLength', 'settings.passwordMin', 'settings.passwordMinHelp', 'number')}
          {text('sessionIdleMinutes', 'settings.idle', 'settings.idleHelp', 'number')}
          {text('sessionAbsoluteHours', 'settings.absolute', 'settings.absoluteHelp', 'number')}
          {text('adminSessionIdleMinutes', 'settings.adminIdle', 'settings.adminIdleHelp', 'number')}
          {text(
            'adminSessionAbsoluteHours',
            'settings.adminAbsolute',
            'settings.adminAbsoluteHelp',
            'number',
          )}
          {toggle(
            'secondFactorForAccountManagers',
            'settings.secondFactorManagers',
            'settings.secondFactorManagersHelp',
          )}
        </fieldset>
        <fieldset>
          <legend>{t('setup.community')}</legend>
          {text('name', 'settings.name', 'settings.nameHelp')}
          {text('timeZone', 'settings.timeZone', 'settings.timeZoneHelp')}
          {text('defaultCountry', 'settings.country', 'settings.countryHelp')}
          <LocaleSelect
            label={t('settings.language')}
            hint={t('settings.languageHelp')}
            value={String(draft.defaultLocale)}
            onChange={(defaultLocale) => setDraft({ ...draft, defaultLocale })}
          />
        </fieldset>
        <ErrorAlert error={save.error} />
        {saved ? <Alert kind="success">{t('app.saved')}</Alert> : null}
        <Button type="submit" busy={save.busy}>
          {t('app.save')}
        </Button>
      </form>
    </Shell>
  );
}
