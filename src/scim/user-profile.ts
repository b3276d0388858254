import { isTimeZone } from '../communities/settings-document.js';
import { findPersonById } from '../people/people.store.js';
import type { Executor } from '../storage/db.js';
import type { ScimUserFields } from './user-fields.js';

/** `en_US` → `en-US`; a locale Muster cannot use is kept only in the echo. */
function localeOf(value: string | null): string | null {
  if (value === null) return null;
  const [language, region] = value.replace('_', '-').split('-');
  const locale = region
    ? `${language?.toLowerCase()}-${region.toUpperCase()}`
    : (language?.toLowerCase() ?? '');
  return /^[a-z]{2,3}(-[A-Z]{2})?$/.test(locale) ? locale : null;
}

/**
 * The profile fields of a person a SCIM User sets (SPEC §1). Values Muster cannot hold as they
 * are (an unknown time zone, a manager who is not in the community) stay in the echo only, so a
 * client's write never fails on a detail Muster does not act on.
 */
export type ScimProfile = Record<
  | 'displayName'
  | 'givenName'
  | 'familyName'
  | 'jobTitle'
  | 'department'
  | 'division'
  | 'organization'
  | 'costCenter'
  | 'locale'
  | 'timeZone'
  | 'managerId'
  | 'externalId'
  | 'startDate',
  string | null
>;

export async function profileFromScim(
  db: Executor,
  communityId: string,
  fields: ScimUserFields,
): Promise<ScimProfile> {
  const manager = fields.managerId ? await findPersonById(db, communityId, fields.managerId) : null;
  const named = [fields.givenName, fields.familyName].filter(Boolean).join(' ');
  return {
    displayName: fields.displayName ?? (named || fields.userName || null),
    givenName: fields.givenName,
    familyName: fields.familyName,
    jobTitle: fields.title,
    department: fields.department,
    division: fields.division,
    organization: fields.organization,
    costCenter: fields.costCenter,
    locale: localeOf(fields.locale),
    timeZone: fields.timezone !== null && isTimeZone(fields.timezone) ? fields.timezone : null,
    managerId: manager?.id ?? null,
    externalId: fields.employeeNumber,
    startDate: fields.startDate,
  };
}
