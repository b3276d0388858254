import { URN } from './urns.js';

// The schema definitions /Schemas serves (RFC 7643 §7), written compactly: identity providers read
// them to map their attributes. They describe exactly what Muster accepts and returns.

type Type = 'string' | 'boolean' | 'integer' | 'dateTime' | 'reference' | 'complex';
type Mutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
interface Attribute {
  name: string;
  type: Type;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: Mutability;
  returned: 'default' | 'never';
  uniqueness: 'none' | 'server';
  canonicalValues?: string[];
  subAttributes?: Attribute[];
}

interface Options {
  multiValued?: boolean;
  required?: boolean;
  caseExact?: boolean;
  mutability?: Mutability;
  uniqueness?: 'none' | 'server';
  canonicalValues?: string[];
  subAttributes?: Attribute[];
  description?: string;
  returned?: 'default' | 'never';
}

function attribute(name: string, type: Type, options: Options = {}): Attribute {
  return {
    name,
    type,
    multiValued: options.multiValued ?? false,
    description: options.description ?? name,
    required: options.required ?? false,
    caseExact: options.caseExact ?? false,
    mutability: options.mutability ?? 'readWrite',
    returned: options.returned ?? 'default',
    uniqueness: options.uniqueness ?? 'none',
    ...(options.canonicalValues ? { canonicalValues: options.canonicalValues } : {}),
    ...(options.subAttributes ? { subAttributes: options.subAttributes } : {}),
  };
}

const plural = (name: string, subs: Attribute[], description: string) =>
  attribute(name, 'complex', { multiValued: true, subAttributes: subs, description });

const valueTypePrimary = (types: string[]) => [
  attribute('value', 'string'),
  attribute('display', 'string'),
  attribute('type', 'string', { canonicalValues: types }),
  attribute('primary', 'boolean'),
];

const userAttributes = [
  attribute('userName', 'string', {
    required: true,
    uniqueness: 'server',
    description:
      'Unique within the community. An email address makes an email account, a mobile number a phone account.',
  }),
  attribute('name', 'complex', {
    subAttributes: [
      'formatted',
      'familyName',
      'givenName',
      'middleName',
      'honorificPrefix',
      'honorificSuffix',
    ].map((n) => attribute(n, 'string')),
  }),
  attribute('displayName', 'string'),
  attribute('nickName', 'string'),
  attribute('profileUrl', 'reference'),
  attribute('title', 'string', { description: 'Job title.' }),
  attribute('userType', 'string'),
  attribute('preferredLanguage', 'string'),
  attribute('locale', 'string'),
  attribute('timezone', 'string'),
  attribute('active', 'boolean', { description: 'false deactivates the account and ends its sessions.' }),
  plural(
    'emails',
    valueTypePrimary(['work', 'home', 'other']),
    'The work email is the login of an email account.',
  ),
  plural(
    'phoneNumbers',
    valueTypePrimary(['mobile', 'work', 'home', 'fax', 'other']),
    'The mobile number is the login of a phone account and never changes.',
  ),
  plural('ims', valueTypePrimary(['other']), 'Instant messaging addresses.'),
  plural('photos', valueTypePrimary(['photo', 'thumbnail']), 'Photos.'),
  plural(
    'addresses',
    ['formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country', 'type']
      .map((n) => attribute(n, 'string'))
      .concat(attribute('primary', 'boolean')),
    'Addresses.',
  ),
  plural(
    'groups',
    [
      attribute('value', 'string', { mutability: 'readOnly' }),
      attribute('display', 'string', { mutability: 'readOnly' }),
    ],
    'Groups the user belongs to; change them through /Groups.',
  ),
];

const enterpriseAttributes = [
  attribute('employeeNumber', 'string'),
  attribute('costCenter', 'string'),
  attribute('organization', 'string'),
  attribute('division', 'string'),
  attribute('department', 'string'),
  attribute('manager', 'complex', {
    subAttributes: [
      attribute('value', 'string'),
      attribute('displayName', 'string', { mutability: 'readOnly' }),
    ],
  }),
];

// Kept so Workplace-era scripts find the names they know, but never returned: access codes and
// claim links are stored hashed and shown once, to the admin who makes a code or to the person
// invited (R8, R21); they cannot be read back, nor can a code's expiry without its code.
const NEVER_RETURNED: Options = {
  mutability: 'readOnly',
  returned: 'never',
  description: 'Never returned: Muster shows access codes and claim links only once.',
};

const accountStatusAttributes = [
  attribute('claimed', 'boolean', {
    description: 'The person has set a password. false with invited true resets the account to unclaimed.',
  }),
  attribute('claimDate', 'integer', { mutability: 'readOnly' }),
  attribute('invited', 'boolean', {
    description: 'false on create adds a phone account without texting it.',
  }),
  attribute('inviteDate', 'integer', { mutability: 'readOnly' }),
  attribute('canDelete', 'boolean', { mutability: 'readOnly' }),
  attribute('accessCode', 'string', NEVER_RETURNED),
  attribute('accessCodeExpirationDate', 'integer', NEVER_RETURNED),
  attribute('claimLink', 'string', NEVER_RETURNED),
];

function schema(id: string, name: string, description: string, attributes: Attribute[], base: string) {
  return {
    schemas: [URN.schema],
    id,
    name,
    description,
    attributes,
    meta: { resourceType: 'Schema', location: `${base}/Schemas/${id}` },
  };
}

export function schemaDefinitions(base: string) {
  return [
    schema(URN.user, 'User', 'User Account', userAttributes, base),
    schema(
      URN.group,
      'Group',
      'Group',
      [
        attribute('displayName', 'string', { required: true }),
        plural(
          'members',
          [
            attribute('value', 'string', { mutability: 'immutable' }),
            attribute('display', 'string', { mutability: 'readOnly' }),
            attribute('type', 'string'),
          ],
          'People in the group, by their id.',
        ),
      ],
      base,
    ),
    schema(URN.enterprise, 'EnterpriseUser', 'Enterprise User', enterpriseAttributes, base),
    schema(
      URN.accountStatus,
      'AccountStatusDetails',
      'Workplace account status',
      accountStatusAttributes,
      base,
    ),
    schema(
      URN.authMethod,
      'AuthMethod',
      'Workplace sign-in method',
      [attribute('auth_method', 'string', { canonicalValues: ['password'] })],
      base,
    ),
    schema(
      URN.startTermDates,
      'StartTermDates',
      'Workplace start and termination dates (unix seconds; ISO dates accepted)',
      [attribute('startDate', 'integer'), attribute('termDate', 'integer')],
      base,
    ),
  ];
}
