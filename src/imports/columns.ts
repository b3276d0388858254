/** What a column of an imported file holds. */
export type Field =
  | 'email'
  | 'phone'
  | 'externalId'
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
  | 'startDate'
  | 'frontline'
  | 'managerEmail'
  | 'managerExternalId';

/**
 * Columns of Muster's own files that describe a person but cannot be imported: the export's state,
 * dates and manager name, and the row number and reason of an errors file (so a corrected errors
 * file imports as it is).
 */
const READ_ONLY = new Set(['status', 'inviteddate', 'claimeddate', 'manager', 'username', 'row', 'error']);

/**
 * Header names, as written by Workplace's two templates, its agent header (SPEC R54) and common
 * variants, compared without case, spaces, dashes, dots or underscores.
 */
const ALIASES: Record<string, Field> = {
  email: 'email',
  emailaddress: 'email',
  phone: 'phone',
  phonenumber: 'phone',
  mobile: 'phone',
  mobilenumber: 'phone',
  mobilephone: 'phone',
  employeeid: 'externalId',
  externalid: 'externalId',
  employeenumber: 'externalId',
  firstname: 'givenName',
  givenname: 'givenName',
  lastname: 'familyName',
  familyname: 'familyName',
  surname: 'familyName',
  name: 'displayName',
  displayname: 'displayName',
  fullname: 'displayName',
  jobtitle: 'jobTitle',
  title: 'jobTitle',
  department: 'department',
  division: 'division',
  organization: 'organization',
  organisation: 'organization',
  costcenter: 'costCenter',
  costcentre: 'costCenter',
  location: 'location',
  locale: 'locale',
  language: 'locale',
  timezone: 'timeZone',
  startdate: 'startDate',
  frontline: 'frontline',
  manageremail: 'managerEmail',
  manageremployeeid: 'managerExternalId',
  managerexternalid: 'managerExternalId',
};

export function headerKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '');
}

export interface ColumnMap {
  /** The field of each column, by position; null for a column that is skipped. */
  fields: readonly (Field | null)[];
  /** Header cells Muster does not know (and repeats of a known one): reported, never silently dropped. */
  unknown: readonly string[];
}

export function mapHeader(header: readonly string[]): ColumnMap {
  const seen = new Set<Field>();
  const unknown: string[] = [];
  const fields = header.map((cell) => {
    const key = headerKey(cell);
    const field = ALIASES[key];
    if (field && !seen.has(field)) {
      seen.add(field);
      return field;
    }
    if (key !== '' && !READ_ONLY.has(key)) unknown.push(cell.trim());
    return null;
  });
  return { fields, unknown };
}

/** A file can only be imported if some column says who each row is. */
export function hasIdentityColumn(map: ColumnMap): boolean {
  return map.fields.some((field) => field === 'email' || field === 'phone' || field === 'externalId');
}
