import type { LoginKind, Role } from '../storage/schema.js';

/** A person of a community (SPEC §1), as the domain sees them: flags are booleans, names camelCase. */
export interface Person {
  id: string;
  communityId: string;
  loginKind: LoginKind;
  email: string | null;
  phone: string | null;
  username: string | null;
  /** userName as SCIM knows it (R28): as the identity provider sent it, else the login. */
  userName: string;
  givenName: string | null;
  familyName: string | null;
  displayName: string;
  jobTitle: string | null;
  department: string | null;
  division: string | null;
  organization: string | null;
  costCenter: string | null;
  location: string | null;
  locale: string | null;
  timeZone: string | null;
  managerId: string | null;
  externalId: string | null;
  startDate: string | null;
  frontline: boolean;
  role: Role;
  active: boolean;
  invited: boolean;
  claimed: boolean;
  invitedAt: string | null;
  claimedAt: string | null;
  deactivatedAt: string | null;
  passwordHash: string | null;
  /** Bumped by every invitation, reset or deactivation; links of older generations are dead (R8). */
  invitationGeneration: number;
  /** Bumped by every change, so read-then-write updates can tell they raced. */
  version: number;
  createdAt: string;
  updatedAt: string;
  /** argon2id of the current recovery code (R9); null when none or used. */
  recoveryCodeHash: string | null;
  recoveryCodeCreatedAt: string | null;
  /** When an admin last sent a claim invitation; reminders count from here (R13). */
  invitationSentAt: string | null;
  remindersSent: number;
  /** The TOTP secret sealed with the server key (R40); usable once confirmed. */
  totpSecret: string | null;
  /** A sealed secret being enrolled; it replaces totpSecret once a code from it is confirmed. */
  totpPendingSecret: string | null;
  totpConfirmedAt: string | null;
  /** The last 30-second step a code was accepted for; no code is accepted twice. */
  totpLastStep: number | null;
}

export type PersonState = 'not_invited' | 'invited' | 'active' | 'deactivated';

/**
 * What a list shows of a person, in the API and in an export (R24): their profile and state,
 * none of their secrets.
 */
export type ListedPerson = Pick<
  Person,
  | 'id'
  | 'loginKind'
  | 'email'
  | 'phone'
  | 'username'
  | 'givenName'
  | 'familyName'
  | 'displayName'
  | 'jobTitle'
  | 'department'
  | 'division'
  | 'organization'
  | 'costCenter'
  | 'location'
  | 'locale'
  | 'timeZone'
  | 'managerId'
  | 'externalId'
  | 'startDate'
  | 'frontline'
  | 'role'
  | 'active'
  | 'invited'
  | 'claimed'
  | 'invitedAt'
  | 'claimedAt'
  | 'deactivatedAt'
  | 'createdAt'
  | 'updatedAt'
>;

/** The Workplace derivation of state from (active, invited, claimed). */
export function stateOf(person: Pick<Person, 'active' | 'invited' | 'claimed'>): PersonState {
  if (!person.active) return 'deactivated';
  if (person.claimed) return 'active';
  return person.invited ? 'invited' : 'not_invited';
}

/** A new person with every optional field empty: active, not invited, no password, member. */
export function newPerson(fields: {
  id: string;
  communityId: string;
  login: { kind: LoginKind; value: string };
  displayName: string;
  now: string;
}): Person {
  const { id, communityId, login, displayName, now } = fields;
  return {
    id,
    communityId,
    loginKind: login.kind,
    email: login.kind === 'email' ? login.value : null,
    phone: login.kind === 'phone' ? login.value : null,
    // An access-code account's login is '' until the worker picks a username (R21).
    username: login.kind === 'username' && login.value !== '' ? login.value : null,
    userName: login.value,
    givenName: null,
    familyName: null,
    displayName,
    jobTitle: null,
    department: null,
    division: null,
    organization: null,
    costCenter: null,
    location: null,
    locale: null,
    timeZone: null,
    managerId: null,
    externalId: null,
    startDate: null,
    frontline: false,
    role: 'member',
    active: true,
    invited: false,
    claimed: false,
    invitedAt: null,
    claimedAt: null,
    deactivatedAt: null,
    passwordHash: null,
    invitationGeneration: 0,
    version: 1,
    createdAt: now,
    updatedAt: now,
    recoveryCodeHash: null,
    recoveryCodeCreatedAt: null,
    invitationSentAt: null,
    remindersSent: 0,
    totpSecret: null,
    totpPendingSecret: null,
    totpConfirmedAt: null,
    totpLastStep: null,
  };
}
