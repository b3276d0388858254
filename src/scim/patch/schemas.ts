import { URN } from '../urns.js';
import type { PatchAttribute, PatchSchema } from './schema.js';

/**
 * The User and Group attributes Muster's SCIM server renders (RFC 7643 §4, the enterprise extension
 * of §4.3, and Workplace's three extensions, carried so Workplace-era scripts keep working, R28).
 */

export const USER_SCHEMA: string = URN.user;
export const GROUP_SCHEMA: string = URN.group;
export const ENTERPRISE_USER: string = URN.enterprise;
export const WORKPLACE_ACCOUNT_STATUS: string = URN.accountStatus;
export const WORKPLACE_AUTH_METHOD: string = URN.authMethod;
export const WORKPLACE_START_TERM_DATES: string = URN.startTermDates;

const TEXT: PatchAttribute = { type: 'string' };
const FLAG: PatchAttribute = { type: 'boolean' };
/** Workplace wrote its dates as Unix times; ISO 8601 text is accepted too, and kept as sent. */
const WORKPLACE_DATE: PatchAttribute = { type: 'integer', orType: 'dateTime' };

/** emails, phoneNumbers, ims and photos share one shape (RFC 7643 §2.4). */
function plural(value: PatchAttribute): PatchAttribute {
  return {
    type: 'complex',
    multiValued: true,
    subAttributes: { value, display: TEXT, type: TEXT, primary: FLAG },
  };
}

function readOnly(attribute: PatchAttribute): PatchAttribute {
  return { ...attribute, mutability: 'readOnly' };
}

export const USER_PATCH_SCHEMA: PatchSchema = {
  coreSchema: USER_SCHEMA,
  attributes: {
    userName: { type: 'string', required: true },
    name: {
      type: 'complex',
      subAttributes: {
        formatted: TEXT,
        familyName: TEXT,
        givenName: TEXT,
        middleName: TEXT,
        honorificPrefix: TEXT,
        honorificSuffix: TEXT,
      },
    },
    displayName: TEXT,
    nickName: TEXT,
    profileUrl: { type: 'reference' },
    title: TEXT,
    userType: TEXT,
    preferredLanguage: TEXT,
    locale: TEXT,
    timezone: TEXT,
    active: FLAG,
    emails: plural(TEXT),
    phoneNumbers: plural(TEXT),
    ims: plural(TEXT),
    photos: plural({ type: 'reference' }),
    addresses: {
      type: 'complex',
      multiValued: true,
      subAttributes: {
        formatted: TEXT,
        streetAddress: TEXT,
        locality: TEXT,
        region: TEXT,
        postalCode: TEXT,
        country: TEXT,
        type: TEXT,
        primary: FLAG,
      },
    },
    externalId: { type: 'string', caseExact: true },
    // The server lists a user's groups; membership changes through the Group (RFC 7643 §4.1.2).
    groups: readOnly({
      type: 'complex',
      multiValued: true,
      subAttributes: { value: TEXT, $ref: { type: 'reference' }, display: TEXT, type: TEXT },
    }),
    [`${ENTERPRISE_USER}:employeeNumber`]: TEXT,
    [`${ENTERPRISE_USER}:costCenter`]: TEXT,
    [`${ENTERPRISE_USER}:organization`]: TEXT,
    [`${ENTERPRISE_USER}:division`]: TEXT,
    [`${ENTERPRISE_USER}:department`]: TEXT,
    [`${ENTERPRISE_USER}:manager`]: {
      type: 'complex',
      subAttributes: { value: TEXT, $ref: { type: 'reference' }, displayName: TEXT },
    },
    [`${WORKPLACE_ACCOUNT_STATUS}:claimed`]: FLAG,
    [`${WORKPLACE_ACCOUNT_STATUS}:claimDate`]: WORKPLACE_DATE,
    [`${WORKPLACE_ACCOUNT_STATUS}:invited`]: FLAG,
    [`${WORKPLACE_ACCOUNT_STATUS}:inviteDate`]: WORKPLACE_DATE,
    [`${WORKPLACE_ACCOUNT_STATUS}:canDelete`]: readOnly(FLAG),
    [`${WORKPLACE_ACCOUNT_STATUS}:accessCode`]: readOnly(TEXT),
    [`${WORKPLACE_ACCOUNT_STATUS}:accessCodeExpirationDate`]: readOnly(WORKPLACE_DATE),
    [`${WORKPLACE_ACCOUNT_STATUS}:claimLink`]: readOnly({ type: 'reference' }),
    [`${WORKPLACE_AUTH_METHOD}:auth_method`]: TEXT,
    [`${WORKPLACE_START_TERM_DATES}:startDate`]: WORKPLACE_DATE,
    [`${WORKPLACE_START_TERM_DATES}:termDate`]: WORKPLACE_DATE,
  },
};

export const GROUP_PATCH_SCHEMA: PatchSchema = {
  coreSchema: GROUP_SCHEMA,
  attributes: {
    displayName: { type: 'string', required: true },
    externalId: { type: 'string', caseExact: true },
    members: {
      type: 'complex',
      multiValued: true,
      elementKey: 'value',
      subAttributes: {
        value: { type: 'string', caseExact: true },
        display: TEXT,
        $ref: { type: 'reference' },
        type: TEXT,
      },
    },
  },
};
