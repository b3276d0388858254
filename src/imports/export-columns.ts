import type { ListedPerson } from '../people/person.js';
import { stateOf } from '../people/person.js';
import type { ManagerRef } from './people-keys.store.js';

/**
 * The columns of an export (R24): Workplace's template and agent columns, so the file imports
 * back unchanged (here or into a tool made for Workplace), then what only an export can say.
 */
export const EXPORT_HEADER = [
  'Email',
  'First Name',
  'Last Name',
  'Display Name',
  'Job Title',
  'Department',
  'Phone Number',
  'Location',
  'Locale',
  'Timezone',
  'Manager Email',
  'Manager Employee Id',
  'Division',
  'Organization',
  'Cost Center',
  'Employee Id',
  'Start Date',
  'Frontline',
  'Username',
  'Status',
  'Invited Date',
  'Claimed Date',
  'Manager',
] as const;

const STATUS = {
  active: 'Active',
  invited: 'Invited',
  not_invited: 'Not invited',
  deactivated: 'Deactivated',
} as const;

/** Workplace wrote locales `en_US`; its tools (and Muster's importer) read them so. */
const workplaceLocale = (locale: string | null) => locale?.replace('-', '_') ?? '';

export function exportCells(person: ListedPerson, manager: ManagerRef | undefined): string[] {
  return [
    person.email ?? '',
    person.givenName ?? '',
    person.familyName ?? '',
    person.displayName,
    person.jobTitle ?? '',
    person.department ?? '',
    person.phone ?? '',
    person.location ?? '',
    workplaceLocale(person.locale),
    person.timeZone ?? '',
    manager?.email ?? '',
    manager?.externalId ?? '',
    person.division ?? '',
    person.organization ?? '',
    person.costCenter ?? '',
    person.externalId ?? '',
    person.startDate ?? '',
    person.frontline ? 'true' : 'false',
    person.username ?? '',
    STATUS[stateOf(person)],
    person.invitedAt ?? '',
    person.claimedAt ?? '',
    manager?.displayName ?? '',
  ];
}
