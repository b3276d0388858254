import type { Person } from '../people/person.js';
import { URN } from './urns.js';
import type { ScimPerson } from './users.store.js';

type Json = Record<string, unknown>;

const unixSeconds = (iso: string | null) => (iso ? Math.floor(Date.parse(iso) / 1000) : null);

/** The ETag of a resource at a version: weak, since the representation may vary in detail. */
export const etagOf = (version: number) => `W/"${version}"`;

/** Drops members whose value is null or undefined, so absent attributes are left out (RFC 7643 §2.5). */
function compact(object: Json): Json {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== null && value !== undefined),
  );
}

/**
 * A person as a SCIM User (R28): what the identity provider sent, echoed as sent (a number sent
 * as 555-0100 comes back so), with Muster's own fields over it — they are the truth of the
 * account: names, state, login — and Workplace's extensions for Workplace-era scripts.
 */
export function toScimUser(
  { person, externalId, sent }: ScimPerson,
  {
    location,
    groups,
    managerName,
  }: { location: string; groups: { id: string; displayName: string }[]; managerName: string | null },
): Json {
  const echo: Json = { ...(sent ?? {}) };
  const sentEnterprise = (echo[URN.enterprise] as Json | undefined) ?? {};
  const sentName = (echo.name as Json | undefined) ?? {};
  delete echo[URN.enterprise];
  delete echo[URN.accountStatus];
  delete echo[URN.authMethod];
  delete echo[URN.startTermDates];
  delete echo.schemas;
  const enterprise = compact({
    ...sentEnterprise,
    employeeNumber: person.externalId,
    department: person.department,
    division: person.division,
    organization: person.organization,
    costCenter: person.costCenter,
    manager: person.managerId ? compact({ value: person.managerId, displayName: managerName }) : null,
  });
  const extensions = compact({
    [URN.enterprise]: nonEmpty(enterprise),
    [URN.accountStatus]: accountStatus(person),
    [URN.authMethod]: { auth_method: 'password' },
    [URN.startTermDates]: nonEmpty(
      compact({
        startDate: person.startDate ? unixSeconds(person.startDate) : null,
        termDate: (sent?.[URN.startTermDates] as Json | undefined)?.termDate,
      }),
    ),
  });
  return compact({
    schemas: [URN.user, ...Object.keys(extensions)],
    id: person.id,
    ...echo,
    externalId,
    userName: person.userName,
    name: nonEmpty(compact({ ...sentName, givenName: person.givenName, familyName: person.familyName })),
    displayName: person.displayName,
    title: person.jobTitle,
    locale: person.locale,
    timezone: person.timeZone,
    active: person.active,
    emails:
      (echo.emails as unknown) ??
      (person.email ? [{ value: person.email, type: 'work', primary: true }] : null),
    phoneNumbers:
      (echo.phoneNumbers as unknown) ??
      (person.phone ? [{ value: person.phone, type: 'mobile', primary: true }] : null),
    groups: groups.map((g) => ({
      value: g.id,
      display: g.displayName,
      $ref: location.replace(/\/Users\/[^/]+$/, `/Groups/${g.id}`),
    })),
    ...extensions,
    meta: {
      resourceType: 'User',
      created: person.createdAt,
      lastModified: person.updatedAt,
      location,
      version: etagOf(person.version),
    },
  });
}

const nonEmpty = (object: Json) => (Object.keys(object).length > 0 ? object : null);

/** Workplace's account status extension: claimed and invited, when, and whether it may be deleted (R23). */
function accountStatus(person: Person): Json {
  return compact({
    claimed: person.claimed,
    claimDate: unixSeconds(person.claimedAt),
    invited: person.invited,
    inviteDate: unixSeconds(person.invitedAt),
    canDelete: !(person.active && person.claimedAt !== null),
  });
}
