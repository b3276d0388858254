import { canonicalKeys } from './keys.js';
import { ScimError } from './scim-error.js';
import { URN } from './urns.js';

type Json = Record<string, unknown>;

/** What Muster takes from a SCIM User: its own fields, and the rest kept to echo back as sent. */
export interface ScimUserFields {
  userName: string | undefined;
  /** The identity provider's own id for the user (Entra's objectId): kept as sent, not the employee ID. */
  externalId: string | null;
  /** The employee ID: the enterprise extension's employeeNumber, as Entra and Okta map it. */
  employeeNumber: string | null;
  active: boolean;
  displayName: string | null;
  givenName: string | null;
  familyName: string | null;
  title: string | null;
  locale: string | null;
  timezone: string | null;
  department: string | null;
  division: string | null;
  organization: string | null;
  costCenter: string | null;
  managerId: string | null;
  /** The work (or primary) email, as sent. */
  workEmail: string | null;
  /** The mobile number, as sent. */
  mobile: string | null;
  /** Workplace's account status: invited false adds a phone account without texting it. */
  invited: boolean | undefined;
  claimed: boolean | undefined;
  startDate: string | null;
  /** Every attribute as sent (names in the schema's spelling), echoed back on reads. */
  echo: Json;
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function text(value: unknown, attribute: string, max = 200): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new ScimError(400, `${attribute} must be text.`, 'invalidValue');
  }
  const trimmed = String(value).trim();
  if (trimmed.length > max)
    throw new ScimError(400, `${attribute} is longer than ${max} characters.`, 'invalidValue');
  return trimmed === '' ? null : trimmed;
}

/** A boolean, as JSON or as Entra's strings "True" and "False". */
function scimBoolean(value: unknown, attribute: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
    return value.trim().toLowerCase() === 'true';
  throw new ScimError(400, `${attribute} must be true or false.`, 'invalidValue');
}

/** The element of a multi-valued attribute of a type (else the primary one), case-insensitively. */
function pick(list: unknown, type: string, fallbackToPrimary: boolean): Json | null {
  if (list === undefined || list === null) return null;
  if (!Array.isArray(list))
    throw new ScimError(400, 'A multi-valued attribute must be a list.', 'invalidValue');
  const elements = list.filter(isObject);
  const typed = (e: Json) => typeof e.type === 'string' && e.type.toLowerCase() === type;
  return (
    elements.find(typed) ?? (fallbackToPrimary ? (elements.find((e) => e.primary === true) ?? null) : null)
  );
}

/** Workplace sends dates as unix seconds; ISO dates are accepted too. */
function date(value: unknown, attribute: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  const when =
    typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value))
      ? new Date(Number(value) * 1000)
      : typeof value === 'string'
        ? new Date(value)
        : new Date(Number.NaN);
  if (Number.isNaN(when.getTime())) {
    throw new ScimError(
      400,
      `${attribute} must be a date: unix seconds or an ISO date such as 2026-03-02.`,
      'invalidValue',
    );
  }
  return when.toISOString().slice(0, 10);
}

/** Reads a SCIM User body (RFC 7643 §4.1, the enterprise and Workplace extensions). */
export function readScimUser(body: unknown): ScimUserFields {
  if (!isObject(body)) throw new ScimError(400, 'Send a User as a JSON object.', 'invalidSyntax');
  const user = canonicalKeys(body) as Json;
  const name = isObject(user.name) ? user.name : {};
  const enterprise = isObject(user[URN.enterprise]) ? (user[URN.enterprise] as Json) : {};
  const status = isObject(user[URN.accountStatus]) ? (user[URN.accountStatus] as Json) : {};
  const dates = isObject(user[URN.startTermDates]) ? (user[URN.startTermDates] as Json) : {};
  const manager = isObject(enterprise.manager) ? enterprise.manager.value : enterprise.manager;
  const { id: _id, meta: _meta, password: _password, groups: _groups, ...echo } = user;
  return {
    userName: text(user.userName, 'userName', 254) ?? undefined,
    externalId: text(user.externalId, 'externalId', 200),
    employeeNumber: text(enterprise.employeeNumber, 'employeeNumber', 100),
    active: scimBoolean(user.active, 'active') ?? true,
    displayName: text(user.displayName, 'displayName'),
    givenName: text(name.givenName, 'name.givenName'),
    familyName: text(name.familyName, 'name.familyName'),
    title: text(user.title, 'title'),
    locale: text(user.locale ?? user.preferredLanguage, 'locale', 20),
    timezone: text(user.timezone, 'timezone', 60),
    department: text(enterprise.department, 'department'),
    division: text(enterprise.division, 'division'),
    organization: text(enterprise.organization, 'organization'),
    costCenter: text(enterprise.costCenter, 'costCenter'),
    managerId: text(manager, 'manager', 100),
    workEmail: text(pick(user.emails, 'work', true)?.value, 'emails.value', 254),
    mobile: text(pick(user.phoneNumbers, 'mobile', false)?.value, 'phoneNumbers.value', 40),
    invited: scimBoolean(status.invited, 'invited'),
    claimed: scimBoolean(status.claimed, 'claimed'),
    startDate: date(dates.startDate, 'startDate'),
    echo,
  };
}
