import { parsePhone } from '../phone/phone.js';
import type { FilterNode } from './filter/ast.js';
import type { AttributeMap } from './filter/filter.sql.js';
import { URN } from './urns.js';

/**
 * Where each filterable User attribute lives in the people table (R28). Filters become SQL over
 * these columns, served by indexes for the lookups identity providers make (`userName eq`,
 * `externalId eq`, `emails[type eq "work" and value eq "…"]`). A person has one email (the work one) and
 * one mobile number as far as filters go: other emails and numbers are echoed, not searched.
 */
export const USER_FILTER_MAP: AttributeMap = {
  coreSchema: URN.user,
  attributes: {
    id: { kind: 'column', column: 'people.id', type: 'string', caseExact: true },
    userName: { kind: 'column', column: 'people.user_name', type: 'string' },
    externalId: { kind: 'column', column: 'people.scim_external_id', type: 'string', caseExact: true },
    displayName: { kind: 'column', column: 'people.display_name', type: 'string' },
    'name.givenName': { kind: 'column', column: 'people.given_name', type: 'string' },
    'name.familyName': { kind: 'column', column: 'people.family_name', type: 'string' },
    title: { kind: 'column', column: 'people.job_title', type: 'string' },
    locale: { kind: 'column', column: 'people.locale', type: 'string' },
    preferredLanguage: { kind: 'column', column: 'people.locale', type: 'string' },
    timezone: { kind: 'column', column: 'people.time_zone', type: 'string' },
    active: { kind: 'column', column: 'people.active', type: 'boolean' },
    'meta.created': { kind: 'column', column: 'people.created_at', type: 'dateTime' },
    'meta.lastModified': { kind: 'column', column: 'people.updated_at', type: 'dateTime' },
    emails: {
      kind: 'multi',
      subAttributes: {
        value: { column: 'people.email', type: 'string' },
        type: { constant: 'work' },
        primary: { constant: true },
      },
    },
    phoneNumbers: {
      kind: 'multi',
      subAttributes: {
        value: { column: 'people.phone', type: 'string', caseExact: true },
        type: { constant: 'mobile' },
        primary: { constant: true },
      },
    },
    [`${URN.enterprise}:employeeNumber`]: {
      kind: 'column',
      column: 'people.external_id',
      type: 'string',
      caseExact: true,
    },
    [`${URN.enterprise}:department`]: { kind: 'column', column: 'people.department', type: 'string' },
    [`${URN.enterprise}:division`]: { kind: 'column', column: 'people.division', type: 'string' },
    [`${URN.enterprise}:organization`]: { kind: 'column', column: 'people.organization', type: 'string' },
    [`${URN.enterprise}:costCenter`]: { kind: 'column', column: 'people.cost_center', type: 'string' },
    [`${URN.enterprise}:manager.value`]: {
      kind: 'column',
      column: 'people.manager_id',
      type: 'string',
      caseExact: true,
    },
    [`${URN.accountStatus}:claimed`]: { kind: 'column', column: 'people.claimed', type: 'boolean' },
    [`${URN.accountStatus}:invited`]: { kind: 'column', column: 'people.invited', type: 'boolean' },
  },
};

/**
 * Phone numbers are stored in E.164, but identity providers filter with the number as they sent
 * it (`phoneNumbers[type eq "mobile"].value eq "555-0100"`): such values are read as the
 * community reads numbers, so they match the stored form.
 */
export function canonicalPhones(node: FilterNode, defaultCountry: string): FilterNode {
  return mapPhoneValues(node, (value) => {
    const parsed = parsePhone(value, defaultCountry);
    return parsed.ok ? parsed.e164 : value;
  });
}

/** Whether a filter compares phone numbers, so that reading them needs the community's country. */
export function comparesPhones(node: FilterNode): boolean {
  let found = false;
  mapPhoneValues(node, (value) => {
    found = true;
    return value;
  });
  return found;
}

function mapPhoneValues(node: FilterNode, map: (value: string) => string, inPhones = false): FilterNode {
  switch (node.kind) {
    case 'and':
    case 'or':
      return { ...node, filters: node.filters.map((f) => mapPhoneValues(f, map, inPhones)) };
    case 'not':
      return { ...node, filter: mapPhoneValues(node.filter, map, inPhones) };
    case 'valuePath':
      return { ...node, filter: mapPhoneValues(node.filter, map, node.path.name === 'phonenumbers') };
    case 'present':
      return node;
    case 'compare': {
      const isPhone =
        (inPhones && node.path.name === 'value') ||
        (node.path.name === 'phonenumbers' && node.path.sub !== 'type');
      if (!isPhone || typeof node.value !== 'string' || !['eq', 'ne'].includes(node.op)) return node;
      return { ...node, value: map(node.value) };
    }
  }
}
