import { type FormEvent, useEffect, useState } from 'react';
import {
  type Allowance,
  del,
  get,
  type Page,
  type Person,
  patch,
  post,
  put,
  type Role,
  type SessionInfo,
  type Sms,
} from '../api';
import { formatTime, t } from '../i18n';
import { navigate } from '../router';
import { isAdmin, useSession } from '../session';
import { Alert, Button, ErrorAlert, Loading, StateBadge } from '../ui/feedback';
import { Field, Select } from '../ui/forms';
import { fieldError, useAction, useLoad } from '../ui/hooks';
import { formatPhone, loginText } from '../ui/phone';
import { Shell } from '../ui/shell';
import { emptyProfile, ProfileFields, type ProfileForm, profilePayload } from './add-person';
import { AccessCodeSection } from './person-access-code';
import { SmsTable } from './sms-log';

function toForm(person: Person): ProfileForm {
  const form = emptyProfile();
  for (const key of Object.keys(form) as (keyof ProfileForm)[]) {
    if (key === 'frontline') form.frontline = person.frontline;
    else form[key] = (person[key] as string | null) ?? '';
  }
  return form;
}

type PersonAction = 'invite' | 'remind' | 'unclaim' | 'deactivate' | 'reactivate' | 'delete' | 'lift-lockout';

/** What the page shows of one person: the profile, today's claim texts, their texts and sessions. */
function usePersonData(id: string, admin: boolean) {
  const person = useLoad(() => get<Person>(`/api/v1/people/${id}`), [id]);
  const allowance = useLoad(() => get<Allowance>(`/api/v1/people/${id}/claim-sms`), [id]);
  const sms = useLoad(() => get<Page<Sms>>(`/api/v1/sms-messages?personId=${id}&limit=20`), [id]);
  const sessions = useLoad(
    () =>
      admin ? get<{ items: SessionInfo[] }>(`/api/v1/people/${id}/sessions`) : Promise.resolve({ items: [] }),
    [id, admin],
  );
  const refresh = () => Promise.all([person.reload(), allowance.reload(), sms.reload(), sessions.reload()]);
  return { person, allowance, sms, sessions, refresh };
}

/** The edit form: the profile and, for an email account, the address; filled from the person. */
function usePersonEdit(id: string, person: ReturnType<typeof useLoad<Person>>, saved: () => void) {
  const [form, setForm] = useState<ProfileForm>(emptyProfile);
  const [email, setEmail] = useState('');
  useEffect(() => {
    if (person.data) {
      setForm(toForm(person.data));
      setEmail(person.data.email ?? '');
    }
  }, [person.data]);
  const save = useAction(async () => {
    const body = { ...profilePayload(form, true), ...(person.data?.loginKind === 'email' ? { email } : {}) };
    person.setData(await patch<Person>(`/api/v1/people/${id}`, body));
    saved();
  });
  return { form, setForm, email, setEmail, save };
}

type PersonEdit = ReturnType<typeof usePersonEdit>;

/** The account actions (invite, unclaim, deactivate, delete…) and the role change. */
function usePersonActions(
  id: string,
  person: ReturnType<typeof useLoad<Person>>,
  done: (message?: string) => void,
  refresh: () => Promise<unknown>,
) {
  const act = useAction(async (action: PersonAction) => {
    const name = person.data?.displayName ?? '';
    if (action === 'lift-lockout') {
      // Offered whether or not a lockout is on: lifting none is harmless (R33).
      await del(`/api/v1/people/${id}/lockout`);
      done(t('person.lockoutLifted', { name }));
      return;
    }
    if (action === 'delete') {
      if (!window.confirm(t('person.confirmDelete', { name }))) return;
      await del(`/api/v1/people/${id}`);
      navigate('/people');
      return;
    }
    if (action === 'unclaim' && !window.confirm(t('person.confirmUnclaim', { name }))) return;
    await post(`/api/v1/people/${id}/${action}`);
    done();
    await refresh();
  });
  const setRole = useAction(async (role: string) => {
    person.setData(await put<Person>(`/api/v1/people/${id}/role`, { role }));
  });
  return { act, setRole };
}

type PersonActions = ReturnType<typeof usePersonActions>;

export function PersonPage({ id }: { id: string }) {
  const { me } = useSession();
  const admin = isAdmin(me);
  const { person, allowance, sms, sessions, refresh } = usePersonData(id, admin);
  const [notice, setNotice] = useState<string | null>(null);
  const edit = usePersonEdit(id, person, () => setNotice(t('app.saved')));
  const { act, setRole } = usePersonActions(
    id,
    person,
    (message = t('person.done')) => setNotice(message),
    refresh,
  );
  const onSave = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    void edit.save.run();
  };

  if (person.loading && !person.data) return <Loading />;
  if (!person.data) {
    return (
      <Shell title={t('nav.people')}>
        <ErrorAlert error={person.error} onRetry={person.reload} />
      </Shell>
    );
  }
  const p = person.data;
  return (
    <Shell title={p.displayName}>
      <PersonSummary person={p} />
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <ErrorAlert error={act.error ?? setRole.error} />
      {admin ? (
        <AccountSection
          person={p}
          allowance={allowance.data}
          act={act}
          setRole={setRole}
          canSetRole={me?.person.role === 'system_admin' && me.person.id !== p.id}
        />
      ) : null}
      {admin && p.loginKind === 'username' && me?.person.id !== p.id ? (
        <AccessCodeSection person={p} onChange={person.reload} />
      ) : null}
      <EditSection person={p} admin={admin} edit={edit} onSave={onSave} />
      <section className="card" aria-labelledby="sms-title">
        <h2 id="sms-title">{t('person.smsTitle')}</h2>
        {sms.data ? <SmsTable items={sms.data.items} onChange={refresh} /> : <Loading />}
      </section>
      {admin ? <SessionsSection sessions={sessions.data?.items} /> : null}
    </Shell>
  );
}

function PersonSummary({ person: p }: { person: Person }) {
  return (
    <p className="person-summary">
      <StateBadge state={p.state} /> {t(`kind.${p.loginKind}`)}:{' '}
      <strong className="login">{loginText(p.phone ?? p.email ?? p.username)}</strong> · {t(`role.${p.role}`)}
      {p.invitedAt ? ` · ${t('person.invited', { when: formatTime(p.invitedAt) })}` : ''}
      {p.claimedAt ? ` · ${t('person.claimed', { when: formatTime(p.claimedAt) })}` : ''}
    </p>
  );
}

function AccountSection({
  person: p,
  allowance,
  act,
  setRole,
  canSetRole,
}: PersonActions & { person: Person; allowance: Allowance | null; canSetRole: boolean }) {
  return (
    <section className="card" aria-labelledby="account-title">
      <h2 id="account-title">{t('person.actions')}</h2>
      {p.loginKind === 'phone' && allowance ? (
        <p className="hint">{t('person.left', { left: allowance.left, limit: allowance.limit })}</p>
      ) : null}
      <AccountButtons person={p} allowance={allowance} act={act} />
      {canSetRole ? (
        <Select
          label={t('person.role')}
          value={p.role}
          onChange={(event) => setRole.run(event.target.value)}
          options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
        />
      ) : null}
    </section>
  );
}

const ROLES: readonly Role[] = ['member', 'analyst', 'account_manager', 'system_admin'];

function AccountButtons({
  person: p,
  allowance,
  act,
}: {
  person: Person;
  allowance: Allowance | null;
  act: PersonActions['act'];
}) {
  const unclaimed = p.state === 'invited' || p.state === 'not_invited';
  return (
    <div className="actions">
      {p.loginKind === 'phone' && unclaimed ? (
        <Button
          kind="secondary"
          busy={act.busy}
          disabled={allowance?.left === 0}
          onClick={() => act.run('invite')}
        >
          {t('person.resend')}
        </Button>
      ) : null}
      {p.loginKind === 'phone' && p.state === 'active' ? (
        <Button
          kind="secondary"
          busy={act.busy}
          disabled={allowance?.left === 0}
          onClick={() => act.run('unclaim')}
        >
          {t('person.unclaim')}
        </Button>
      ) : null}
      {p.state === 'deactivated' ? (
        <Button kind="secondary" busy={act.busy} onClick={() => act.run('reactivate')}>
          {t('person.reactivate')}
        </Button>
      ) : (
        <Button kind="danger" busy={act.busy} onClick={() => act.run('deactivate')}>
          {t('person.deactivate')}
        </Button>
      )}
      <Button kind="secondary" busy={act.busy} onClick={() => act.run('lift-lockout')}>
        {t('person.liftLockout')}
      </Button>
      {(unclaimed && !p.claimedAt) || p.state === 'deactivated' ? (
        <Button kind="danger" busy={act.busy} onClick={() => act.run('delete')}>
          {t('person.delete')}
        </Button>
      ) : null}
    </div>
  );
}

function EditSection({
  person: p,
  admin,
  edit,
  onSave,
}: {
  person: Person;
  admin: boolean;
  edit: PersonEdit;
  onSave: (event: FormEvent) => void;
}) {
  return (
    <section className="card" aria-labelledby="edit-title">
      <h2 id="edit-title">{t('person.edit')}</h2>
      <form onSubmit={onSave} noValidate>
        {p.loginKind === 'phone' ? (
          <Field
            label={t('add.phone')}
            value={p.phone ? formatPhone(p.phone) : ''}
            dir="ltr"
            readOnly
            hint={t('person.phoneFixed')}
          />
        ) : p.loginKind === 'username' ? (
          <Field
            label={t('kind.username')}
            value={p.username ?? ''}
            dir="ltr"
            readOnly
            hint={t(p.username ? 'person.usernameFixed' : 'person.usernameNotYet')}
          />
        ) : (
          <Field
            label={t('add.email')}
            type="email"
            value={edit.email}
            onChange={(event) => edit.setEmail(event.target.value)}
            readOnly={!admin}
            error={fieldError(edit.save.error, 'email')}
          />
        )}
        <fieldset disabled={!admin}>
          <ProfileFields form={edit.form} setForm={edit.setForm} error={edit.save.error} />
        </fieldset>
        <ErrorAlert error={edit.save.error} />
        {admin ? (
          <Button type="submit" busy={edit.save.busy}>
            {t('app.save')}
          </Button>
        ) : null}
      </form>
    </section>
  );
}

function SessionsSection({ sessions }: { sessions: SessionInfo[] | undefined }) {
  return (
    <section className="card" aria-labelledby="person-sessions-title">
      <h2 id="person-sessions-title">{t('person.sessionsTitle')}</h2>
      {sessions?.length === 0 ? <p>{t('person.noSessions')}</p> : null}
      <ul className="sessions">
        {sessions?.map((session) => (
          <li key={session.id}>
            {formatTime(session.createdAt)} · {session.userAgent ?? '—'} {session.ip ? `· ${session.ip}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
