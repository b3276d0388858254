import { USER_EXTENSIONS } from './urns.js';

/**
 * SCIM attribute names are case-insensitive (RFC 7643 §2.1): clients send `Primary`, `Department`,
 * `Value`. Input is rewritten with the schema's spelling, and names no schema has are dropped, so
 * a misspelt attribute is neither stored nor echoed back.
 */
const NAMES = [
  'schemas',
  'id',
  'externalId',
  'meta',
  'userName',
  'name',
  'formatted',
  'familyName',
  'givenName',
  'middleName',
  'honorificPrefix',
  'honorificSuffix',
  'displayName',
  'nickName',
  'profileUrl',
  'title',
  'userType',
  'preferredLanguage',
  'locale',
  'timezone',
  'active',
  'password',
  'emails',
  'phoneNumbers',
  'ims',
  'photos',
  'addresses',
  'groups',
  'entitlements',
  'roles',
  'x509Certificates',
  'value',
  'display',
  'type',
  'primary',
  '$ref',
  'streetAddress',
  'locality',
  'region',
  'postalCode',
  'country',
  'members',
  'employeeNumber',
  'costCenter',
  'organization',
  'division',
  'department',
  'manager',
  'claimed',
  'claimDate',
  'invited',
  'inviteDate',
  'canDelete',
  'accessCode',
  'accessCodeExpirationDate',
  'claimLink',
  'auth_method',
  'startDate',
  'termDate',
  ...USER_EXTENSIONS,
];

const CANONICAL = new Map(NAMES.map((name) => [name.toLowerCase(), name]));

/** Values kept of a list (a user's addresses, numbers, roles): a PATCH scans them once an operation. */
const MAX_LIST = 1000;

/**
 * A JSON value with every object key in the schema's spelling and unknown keys gone. A group's
 * members are kept whole, however many (the body limit bounds what one request sends); other
 * lists are cut at MAX_LIST.
 */
export function canonicalKeys(value: unknown, depth = 0, whole = false): unknown {
  if (depth > 8) return undefined;
  if (Array.isArray(value)) {
    return (whole ? value : value.slice(0, MAX_LIST)).map((item) => canonicalKeys(item, depth + 1));
  }
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const canonical = CANONICAL.get(key.toLowerCase());
    if (canonical !== undefined) out[canonical] = canonicalKeys(inner, depth + 1, canonical === 'members');
  }
  return out;
}
