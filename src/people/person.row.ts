import type { PeopleTable } from '../storage/schema.js';
import { newPerson, type Person } from './person.js';

/** Each field of a person and the column that holds it. */
const COLUMN_OF = {
  id: 'id',
  communityId: 'community_id',
  loginKind: 'login_kind',
  email: 'email',
  phone: 'phone',
  username: 'username',
  userName: 'user_name',
  givenName: 'given_name',
  familyName: 'family_name',
  displayName: 'display_name',
  jobTitle: 'job_title',
  department: 'department',
  division: 'division',
  organization: 'organization',
  costCenter: 'cost_center',
  location: 'location',
  locale: 'locale',
  timeZone: 'time_zone',
  managerId: 'manager_id',
  externalId: 'external_id',
  startDate: 'start_date',
  frontline: 'frontline',
  role: 'role',
  active: 'active',
  invited: 'invited',
  claimed: 'claimed',
  invitedAt: 'invited_at',
  claimedAt: 'claimed_at',
  deactivatedAt: 'deactivated_at',
  passwordHash: 'password_hash',
  invitationGeneration: 'invitation_generation',
  version: 'version',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  recoveryCodeHash: 'recovery_code_hash',
  recoveryCodeCreatedAt: 'recovery_code_created_at',
  invitationSentAt: 'invitation_sent_at',
  remindersSent: 'reminders_sent',
  totpSecret: 'totp_secret',
  totpPendingSecret: 'totp_pending_secret',
  totpConfirmedAt: 'totp_confirmed_at',
  totpLastStep: 'totp_last_step',
} as const satisfies Record<keyof Person, keyof PeopleTable>;

/** Flags: booleans in the domain, 0/1 in both databases. */
const FLAGS = new Set<keyof Person>(['frontline', 'active', 'invited', 'claimed']);

/** The columns for some fields of a person, flags turned into 0/1. */
export function toColumns(fields: Partial<Person>): Partial<PeopleTable> {
  const columns: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields) as [keyof Person, unknown][]) {
    if (value === undefined) continue;
    // An access-code account has no userName until it picks a username (R21): '' in the domain,
    // NULL in the row, where NULLs never collide in the unique index.
    if (field === 'userName' && value === '') columns.user_name = null;
    else columns[COLUMN_OF[field]] = FLAGS.has(field) ? (value ? 1 : 0) : value;
  }
  return columns as Partial<PeopleTable>;
}

export function toPersonRow(person: Person): PeopleTable {
  return { ...(toColumns(person) as PeopleTable), scim_attributes: null, scim_external_id: null };
}

/** Written out field by field: it runs for every signed-in request. */
export function toPerson(
  row: Omit<PeopleTable, 'scim_attributes' | 'scim_external_id' | `access_code_${string}`>,
): Person {
  return {
    id: row.id,
    communityId: row.community_id,
    loginKind: row.login_kind,
    email: row.email,
    phone: row.phone,
    username: row.username,
    userName: row.user_name ?? row.email ?? row.phone ?? row.username ?? '',
    givenName: row.given_name,
    familyName: row.family_name,
    displayName: row.display_name,
    jobTitle: row.job_title,
    department: row.department,
    division: row.division,
    organization: row.organization,
    costCenter: row.cost_center,
    location: row.location,
    locale: row.locale,
    timeZone: row.time_zone,
    managerId: row.manager_id,
    externalId: row.external_id,
    startDate: row.start_date,
    frontline: row.frontline === 1,
    role: row.role,
    active: row.active === 1,
    invited: row.invited === 1,
    claimed: row.claimed === 1,
    invitedAt: row.invited_at,
    claimedAt: row.claimed_at,
    deactivatedAt: row.deactivated_at,
    passwordHash: row.password_hash,
    invitationGeneration: row.invitation_generation,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    recoveryCodeHash: row.recovery_code_hash,
    recoveryCodeCreatedAt: row.recovery_code_created_at,
    invitationSentAt: row.invitation_sent_at,
    remindersSent: row.reminders_sent,
    totpSecret: row.totp_secret,
    totpPendingSecret: row.totp_pending_secret,
    totpConfirmedAt: row.totp_confirmed_at,
    totpLastStep: row.totp_last_step,
  };
}

/** A new person as a row, for tests and benchmarks that seed the table directly. */
export function newPersonRow(fields: Parameters<typeof newPerson>[0]): PeopleTable {
  return toPersonRow(newPerson(fields));
}
