import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPatch, type ScimResource } from '../src/scim/patch/apply.js';
import { ScimPatchError, type ScimPatchType } from '../src/scim/patch/error.js';
import { MAX_OPERATIONS, MAX_VALUES, PATCH_OP_SCHEMA } from '../src/scim/patch/request.js';
import type { PatchSchema } from '../src/scim/patch/schema.js';
import {
  ENTERPRISE_USER,
  GROUP_PATCH_SCHEMA,
  GROUP_SCHEMA,
  USER_PATCH_SCHEMA,
  USER_SCHEMA,
  WORKPLACE_ACCOUNT_STATUS,
  WORKPLACE_AUTH_METHOD,
  WORKPLACE_START_TERM_DATES,
} from '../src/scim/patch/schemas.js';

/*
 * The request bodies below are written after the forms Microsoft Entra ID and Okta document for
 * their SCIM provisioning (Entra's "Replace"/"False", path-less objects with dotted and URN keys,
 * members removed by a value list; Okta's path-less {"active": false} and group operations), with
 * our own identifiers and values.
 */

const USER_ID = '2819c223-7f76-453a-919d-413861904646';
const MANAGER_ID = '26118915-6090-4610-87e4-49d8ca9f808d';
const GROUP_ID = 'e9e30dba-f08f-4109-8486-d5c6a331660a';

/** A User as Muster's server renders it. */
function renderedUser(): ScimResource {
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_USER, WORKPLACE_ACCOUNT_STATUS],
    id: USER_ID,
    externalId: 'e-1001',
    userName: 'ada@example.org',
    name: { givenName: 'Ada', familyName: 'Lovelace' },
    displayName: 'Ada Lovelace',
    title: 'Analyst',
    active: true,
    emails: [{ value: 'ada@example.org', type: 'work', primary: true }],
    phoneNumbers: [{ value: '+44 20 7946 0000', type: 'mobile', primary: true }],
    groups: [
      { value: GROUP_ID, display: 'Engines', $ref: `https://muster.example/scim/v2/Groups/${GROUP_ID}` },
    ],
    [ENTERPRISE_USER]: { department: 'Engines', manager: { value: MANAGER_ID, displayName: 'Charles' } },
    [WORKPLACE_ACCOUNT_STATUS]: { claimed: false, invited: true, inviteDate: 1767225600, canDelete: true },
    meta: {
      resourceType: 'User',
      created: '2026-01-01T09:00:00.000Z',
      lastModified: '2026-02-01T09:00:00.000Z',
      location: `https://muster.example/scim/v2/Users/${USER_ID}`,
      version: 'W/"3"',
    },
  };
}

/** A user with only the core schema, as after a minimal create. */
function bareUser(): ScimResource {
  return {
    schemas: [USER_SCHEMA],
    id: USER_ID,
    userName: 'grace',
    active: true,
    meta: { resourceType: 'User' },
  };
}

function renderedGroup(members: { value: string; display?: string }[] = []): ScimResource {
  return {
    schemas: [GROUP_SCHEMA],
    id: GROUP_ID,
    displayName: 'Engines',
    ...(members.length > 0 ? { members } : {}),
    meta: { resourceType: 'Group', version: 'W/"7"' },
  };
}

/** A request body in the RFC form. */
const body = (...Operations: unknown[]) => ({ schemas: [PATCH_OP_SCHEMA], Operations });

const patchUser = (resource: ScimResource, ...operations: unknown[]) =>
  applyPatch(resource, body(...operations), USER_PATCH_SCHEMA);
const patchGroup = (resource: ScimResource, ...operations: unknown[]) =>
  applyPatch(resource, body(...operations), GROUP_PATCH_SCHEMA);

/** The ScimPatchError a call throws; fails the test if it throws nothing or something else. */
function patchError(call: () => unknown): ScimPatchError {
  try {
    call();
  } catch (error) {
    if (error instanceof ScimPatchError) return error;
    throw error;
  }
  throw new Error('expected a ScimPatchError, but nothing was thrown');
}

function expectError(call: () => unknown, scimType: ScimPatchType, message?: RegExp): ScimPatchError {
  const error = patchError(call);
  expect({ scimType: error.scimType, status: error.status }).toEqual({ scimType, status: 400 });
  if (message) expect(error.message).toMatch(message);
  return error;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

const extension = (resource: ScimResource, urn: string) =>
  resource[urn] as Record<string, unknown> | undefined;

describe('SCIM PATCH request bodies (R28)', () => {
  it('applies the RFC form, a body without "schemas", and a bare Operations array alike', () => {
    const operation = { op: 'replace', path: 'displayName', value: 'Ada King' };
    const rfc = applyPatch(renderedUser(), body(operation), USER_PATCH_SCHEMA);
    expect(rfc.displayName).toBe('Ada King');
    expect(applyPatch(renderedUser(), { Operations: [operation] }, USER_PATCH_SCHEMA)).toEqual(rfc);
    expect(applyPatch(renderedUser(), [operation], USER_PATCH_SCHEMA)).toEqual(rfc);
  });

  it('reads op names and member names in any case, as Entra writes "Replace"', () => {
    const result = applyPatch(
      renderedUser(),
      {
        SCHEMAS: [PATCH_OP_SCHEMA.toUpperCase()],
        operations: [
          { Op: 'Replace', Path: 'title', Value: 'Engineer' },
          { op: 'ADD', path: 'nickName', value: 'Ada' },
          { op: 'Remove', path: 'displayName' },
        ],
      },
      USER_PATCH_SCHEMA,
    );
    expect(result).toMatchObject({ title: 'Engineer', nickName: 'Ada' });
    expect(result).not.toHaveProperty('displayName');
  });

  it('refuses a body that is not a list of operations with invalidSyntax', () => {
    const user = renderedUser();
    for (const bad of [
      null,
      'replace',
      42,
      {},
      { Operations: {} },
      { Operations: [] },
      { schemas: [PATCH_OP_SCHEMA] },
    ]) {
      expectError(() => applyPatch(user, bad, USER_PATCH_SCHEMA), 'invalidSyntax');
    }
    expectError(() => applyPatch(user, [], USER_PATCH_SCHEMA), 'invalidSyntax', /empty/);
  });

  it('points at PUT when a whole resource is sent to PATCH (R28)', () => {
    const asResource = { schemas: [USER_SCHEMA], Operations: [{ op: 'replace', path: 'title', value: 'x' }] };
    expectError(() => applyPatch(renderedUser(), asResource, USER_PATCH_SCHEMA), 'invalidSyntax', /use PUT/);
  });

  it('refuses malformed operations, naming which one', () => {
    const user = renderedUser();
    expectError(() => patchUser(user, 'replace'), 'invalidSyntax', /^Operation 1 is "replace"/);
    expectError(
      () => patchUser(user, { op: 'add', path: 'title', value: 'x' }, { op: 'move', path: 'title' }),
      'invalidSyntax',
      /^Operation 2 has "op" "move": use "add", "replace" or "remove"/,
    );
    expectError(() => patchUser(user, { path: 'title', value: 'x' }), 'invalidSyntax', /"op" nothing/);
    expectError(() => patchUser(user, { op: 'add', path: 'title' }), 'invalidSyntax', /has no "value"/);
    expectError(
      () => patchUser(user, { op: 'replace', path: 7, value: 'x' }),
      'invalidPath',
      /a path is text/,
    );
  });

  it('refuses a remove without a path with noTarget, as RFC 7644 §3.5.2.2 says', () => {
    expectError(() => patchUser(renderedUser(), { op: 'remove' }), 'noTarget', /has no "path"/);
    expectError(() => patchUser(renderedUser(), { op: 'Remove', path: '', value: 'x' }), 'noTarget');
  });

  it(`accepts ${MAX_OPERATIONS} operations and refuses more, and caps the values carried`, () => {
    const one = { op: 'replace', path: 'title', value: 'x' };
    expect(patchUser(renderedUser(), ...Array(MAX_OPERATIONS).fill(one)).title).toBe('x');
    expectError(
      () => patchUser(renderedUser(), ...Array(MAX_OPERATIONS + 1).fill(one)),
      'invalidSyntax',
      /split it/,
    );
    const members = Array.from({ length: MAX_VALUES + 1 }, (_, i) => ({ value: `m${i}` }));
    expectError(
      () => patchGroup(renderedGroup(), { op: 'add', path: 'members', value: members }),
      'invalidSyntax',
    );
    const many = Object.fromEntries(Array.from({ length: MAX_VALUES + 1 }, (_, i) => [`k${i}`, i]));
    expectError(() => patchUser(renderedUser(), { op: 'add', value: many }), 'invalidSyntax');
    expect(
      patchGroup(renderedGroup(), { op: 'add', path: 'members', value: members.slice(1) }).members,
    ).toHaveLength(MAX_VALUES);
  });
});

describe('Microsoft Entra ID requests (R28)', () => {
  it('disables a user with "Replace" of active to the string "False"', () => {
    const result = patchUser(renderedUser(), { op: 'Replace', path: 'active', value: 'False' });
    expect(result.active).toBe(false);
    expect(patchUser(result, { op: 'Replace', path: 'active', value: 'TRUE' }).active).toBe(true);
    expect(patchUser(result, { op: 'Replace', path: 'active', value: true }).active).toBe(true);
  });

  it('refuses a string that is not true or false for a boolean with invalidValue', () => {
    for (const value of ['yes', '0', '', 'False ', 1]) {
      expectError(
        () => patchUser(renderedUser(), { op: 'Replace', path: 'active', value }),
        'invalidValue',
        /"active" takes true or false/,
      );
    }
  });

  it('updates the work email and the family name by path', () => {
    const result = patchUser(
      renderedUser(),
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'ada.king@example.org' },
      { op: 'Replace', path: 'name.familyName', value: 'King' },
    );
    expect(result.emails).toEqual([{ value: 'ada.king@example.org', type: 'work', primary: true }]);
    expect(result.name).toEqual({ givenName: 'Ada', familyName: 'King' });
  });

  it('creates the element an "Add" to an unmatched value path names, from the filter', () => {
    const result = patchUser(
      bareUser(),
      { op: 'Add', path: 'emails[type eq "work"].value', value: 'grace@example.org' },
      { op: 'Add', path: 'emails[type eq "work"].primary', value: 'True' },
      { op: 'Add', path: 'phoneNumbers[type eq "mobile"].value', value: '+1 555 0100' },
      { op: 'Add', path: 'addresses[type eq "work"].streetAddress', value: '1 Navy Yard' },
      { op: 'Add', path: 'addresses[type eq "work"].locality', value: 'Arlington' },
    );
    expect(result.emails).toEqual([{ type: 'work', value: 'grace@example.org', primary: true }]);
    expect(result.phoneNumbers).toEqual([{ type: 'mobile', value: '+1 555 0100' }]);
    expect(result.addresses).toEqual([{ type: 'work', streetAddress: '1 Navy Yard', locality: 'Arlington' }]);
  });

  it('applies a path-less "Replace" whose keys are plain, dotted, filtered and URN-prefixed paths', () => {
    const result = patchUser(renderedUser(), {
      op: 'Replace',
      value: {
        displayName: 'Ada King',
        'name.givenName': 'Augusta',
        'emails[type eq "work"].value': 'augusta@example.org',
        externalId: 'e-2002',
        [`${ENTERPRISE_USER}:department`]: 'Analytical Engines',
        [`${ENTERPRISE_USER}:employeeNumber`]: '1815',
      },
    });
    expect(result).toMatchObject({
      displayName: 'Ada King',
      name: { givenName: 'Augusta', familyName: 'Lovelace' },
      emails: [{ value: 'augusta@example.org', type: 'work', primary: true }],
      externalId: 'e-2002',
      [ENTERPRISE_USER]: { department: 'Analytical Engines', employeeNumber: '1815' },
    });
  });

  it('sets the manager from a bare id, and by its value sub-attribute, and removes it', () => {
    const set = patchUser(bareUser(), {
      op: 'Add',
      path: `${ENTERPRISE_USER}:manager`,
      value: MANAGER_ID,
    });
    expect(set[ENTERPRISE_USER]).toEqual({ manager: { value: MANAGER_ID } });
    expect(set.schemas).toEqual([USER_SCHEMA, ENTERPRISE_USER]);
    const moved = patchUser(set, {
      op: 'Replace',
      path: `${ENTERPRISE_USER}:manager.value`,
      value: 'other-id',
    });
    expect(extension(moved, ENTERPRISE_USER)?.manager).toEqual({ value: 'other-id' });
    const removed = patchUser(renderedUser(), { op: 'Remove', path: `${ENTERPRISE_USER}:manager` });
    expect(removed[ENTERPRISE_USER]).toEqual({ department: 'Engines' });
  });

  it('adds members as Entra does, with "$ref": null, and never twice', () => {
    const group = renderedGroup([{ value: 'u-1', display: 'Ada' }]);
    const result = patchGroup(group, {
      op: 'Add',
      path: 'members',
      value: [
        { $ref: null, value: 'u-2' },
        { $ref: null, value: 'u-1' },
        { $ref: null, value: 'u-2' },
      ],
    });
    expect(result.members).toEqual([{ value: 'u-1', display: 'Ada' }, { value: 'u-2' }]);
  });

  it('removes only the members listed when Entra sends "Remove" of members with a value', () => {
    const group = renderedGroup([{ value: 'u-1' }, { value: 'u-2' }, { value: 'u-3' }]);
    const result = patchGroup(group, {
      op: 'Remove',
      path: 'members',
      value: [{ value: 'u-1' }, { value: 'u-3' }, { value: 'not-a-member' }],
    });
    expect(result.members).toEqual([{ value: 'u-2' }]);
  });

  it('renames a group with "Replace" of displayName', () => {
    expect(
      patchGroup(renderedGroup(), { op: 'Replace', path: 'displayName', value: 'Mills' }).displayName,
    ).toBe('Mills');
  });

  it('reads a bare string where members belong as one member id (Microsoft test collection)', () => {
    const result = patchGroup(renderedGroup([{ value: 'u-1' }]), {
      op: 'add',
      path: 'members',
      value: 'u-2',
    });
    expect(result.members).toEqual([{ value: 'u-1' }, { value: 'u-2' }]);
    const removed = patchGroup(result, { op: 'remove', path: 'members', value: 'u-1' });
    expect(removed.members).toEqual([{ value: 'u-2' }]);
  });
});

describe('Okta requests (R28)', () => {
  it('deactivates a user with a path-less replace of {"active": false}', () => {
    const result = applyPatch(
      renderedUser(),
      { schemas: [PATCH_OP_SCHEMA], Operations: [{ op: 'replace', value: { active: false } }] },
      USER_PATCH_SCHEMA,
    );
    expect(result.active).toBe(false);
  });

  it('renames a group with a path-less replace that repeats its id, but refuses another id', () => {
    const result = patchGroup(renderedGroup(), {
      op: 'replace',
      value: { id: GROUP_ID, displayName: 'Looms' },
    });
    expect(result).toMatchObject({ id: GROUP_ID, displayName: 'Looms' });
    expectError(
      () => patchGroup(renderedGroup(), { op: 'replace', value: { id: 'another', displayName: 'Looms' } }),
      'mutability',
      /"id" is read-only/,
    );
  });

  it('adds members with their display names and removes one by a value path', () => {
    const added = patchGroup(renderedGroup(), {
      op: 'add',
      path: 'members',
      value: [
        { value: 'u-1', display: 'ada@example.org' },
        { value: 'u-2', display: 'grace@example.org' },
      ],
    });
    const removed = patchGroup(added, { op: 'remove', path: 'members[value eq "u-1"]' });
    expect(removed.members).toEqual([{ value: 'u-2', display: 'grace@example.org' }]);
  });

  it('replaces all members, and removes them all', () => {
    const group = renderedGroup([{ value: 'u-1' }, { value: 'u-2' }]);
    const replaced = patchGroup(group, { op: 'replace', path: 'members', value: [{ value: 'u-3' }] });
    expect(replaced.members).toEqual([{ value: 'u-3' }]);
    const emptied = patchGroup(group, { op: 'remove', path: 'members' });
    expect(emptied).not.toHaveProperty('members');
    expect(emptied).toMatchObject({ id: GROUP_ID, displayName: 'Engines' });
  });
});

describe('Workplace extensions (R28)', () => {
  it("sets invited and claimed from Entra's strings, and the dates as Unix times or ISO 8601", () => {
    const result = patchUser(
      renderedUser(),
      { op: 'Replace', path: `${WORKPLACE_ACCOUNT_STATUS}:invited`, value: 'False' },
      { op: 'Replace', path: `${WORKPLACE_ACCOUNT_STATUS}:claimed`, value: 'true' },
      { op: 'Add', path: `${WORKPLACE_ACCOUNT_STATUS}:claimDate`, value: 1767312000 },
      { op: 'Add', path: `${WORKPLACE_START_TERM_DATES}:startDate`, value: '2026-03-02T09:00:00Z' },
      { op: 'Add', path: `${WORKPLACE_START_TERM_DATES}:termDate`, value: 1798761600 },
      { op: 'Add', path: `${WORKPLACE_AUTH_METHOD}:auth_method`, value: 'sso' },
    );
    expect(result[WORKPLACE_ACCOUNT_STATUS]).toEqual({
      claimed: true,
      invited: false,
      inviteDate: 1767225600,
      canDelete: true,
      claimDate: 1767312000,
    });
    expect(result[WORKPLACE_START_TERM_DATES]).toEqual({
      startDate: '2026-03-02T09:00:00Z',
      termDate: 1798761600,
    });
    expect(result[WORKPLACE_AUTH_METHOD]).toEqual({ auth_method: 'sso' });
    expect(result.schemas).toEqual([
      USER_SCHEMA,
      ENTERPRISE_USER,
      WORKPLACE_ACCOUNT_STATUS,
      WORKPLACE_START_TERM_DATES,
      WORKPLACE_AUTH_METHOD,
    ]);
  });

  it('refuses dates that are neither, and a non-boolean for canDelete', () => {
    for (const value of ['next Tuesday', '2026-02-30', 1.5, '2026-03-02T25:00:00Z']) {
      expectError(
        () =>
          patchUser(renderedUser(), { op: 'add', path: `${WORKPLACE_START_TERM_DATES}:startDate`, value }),
        'invalidValue',
        /a whole number, such as 42 or a date and time/,
      );
    }
  });

  it('refuses changes to the read-only canDelete, accessCode and claimLink, but not a repeat of canDelete', () => {
    for (const [name, value] of [
      ['canDelete', 'False'],
      ['accessCode', '123456'],
      ['claimLink', 'https://example.org/claim'],
    ] as const) {
      expectError(
        () =>
          patchUser(renderedUser(), { op: 'replace', path: `${WORKPLACE_ACCOUNT_STATUS}:${name}`, value }),
        'mutability',
        new RegExp(`${name}" is read-only`),
      );
    }
    const same = patchUser(renderedUser(), {
      op: 'replace',
      path: `${WORKPLACE_ACCOUNT_STATUS}:canDelete`,
      value: 'True',
    });
    expect(same).toEqual(renderedUser());
  });
});

describe('RFC 7644 §3.5.2 semantics (R28)', () => {
  it('appends to a multi-valued attribute, skipping a value that is already there', () => {
    const home = { value: 'ada@home.example', type: 'home' };
    const result = patchUser(renderedUser(), {
      op: 'add',
      path: 'emails',
      value: [home, { value: 'ada@example.org', type: 'work', primary: true }, home],
    });
    expect(result.emails).toEqual([{ value: 'ada@example.org', type: 'work', primary: true }, home]);
  });

  it('updates a member already there instead of adding it twice', () => {
    const group = renderedGroup([{ value: 'u-1' }]);
    const result = patchGroup(group, { op: 'add', path: 'members', value: { value: 'u-1', display: 'Ada' } });
    expect(result.members).toEqual([{ value: 'u-1', display: 'Ada' }]);
  });

  it('replaces whole matching elements, or one sub-attribute of every match', () => {
    const user = patchUser(renderedUser(), {
      op: 'add',
      path: 'emails',
      value: [
        { value: 'a@home.example', type: 'home' },
        { value: 'b@home.example', type: 'home' },
      ],
    });
    const subs = patchUser(user, { op: 'replace', path: 'emails[type eq "home"].type', value: 'other' });
    expect((subs.emails as { type: string }[]).map((email) => email.type)).toEqual([
      'work',
      'other',
      'other',
    ]);
    const whole = patchUser(user, {
      op: 'replace',
      path: 'emails[value eq "a@home.example"]',
      value: { value: 'c@home.example', type: 'home' },
    });
    expect(whole.emails).toEqual([
      { value: 'ada@example.org', type: 'work', primary: true },
      { value: 'c@home.example', type: 'home' },
      { value: 'b@home.example', type: 'home' },
    ]);
  });

  it('answers a replace whose value path matches nothing with noTarget, never an implied add', () => {
    expectError(
      () =>
        patchUser(renderedUser(), { op: 'replace', path: 'emails[type eq "home"].value', value: 'x@y.z' }),
      'noTarget',
      /^Operation 1 \(replace "emails\[type eq "home"\]\.value"\): No element matches/,
    );
    expectError(
      () =>
        patchGroup(renderedGroup(), {
          op: 'replace',
          path: 'members[value eq "u-9"]',
          value: { value: 'u-9' },
        }),
      'noTarget',
    );
  });

  it('answers an add to an unmatched value path with noTarget when the filter cannot say what to create', () => {
    for (const path of ['emails[type ne "work"].value', 'emails[type eq "home" or type eq "other"].value']) {
      expectError(
        () => patchUser(bareUser(), { op: 'add', path, value: 'x@y.z' }),
        'noTarget',
        /only a filter of "eq"/,
      );
    }
  });

  it('replaces the whole attribute when a replace has no filter', () => {
    const result = patchUser(renderedUser(), {
      op: 'replace',
      path: 'phoneNumbers',
      value: [{ value: '+1 555 0199', type: 'work' }],
    });
    expect(result.phoneNumbers).toEqual([{ value: '+1 555 0199', type: 'work' }]);
  });

  it('removes the elements a filter matches, a sub-attribute of them, or the whole attribute', () => {
    const user = renderedUser();
    expect(patchUser(user, { op: 'remove', path: 'emails[type eq "work"]' })).not.toHaveProperty('emails');
    expect(patchUser(user, { op: 'remove', path: 'emails[type eq "work"].primary' }).emails).toEqual([
      { value: 'ada@example.org', type: 'work' },
    ]);
    expect(patchUser(user, { op: 'remove', path: 'phoneNumbers' })).not.toHaveProperty('phoneNumbers');
    expect(patchUser(user, { op: 'remove', path: 'name.givenName' }).name).toEqual({
      familyName: 'Lovelace',
    });
    expect(patchUser(user, { op: 'remove', path: 'name' })).not.toHaveProperty('name');
  });

  it('treats removing what is not there as done, so a retried request succeeds', () => {
    const group = renderedGroup([{ value: 'u-1' }]);
    expect(patchGroup(group, { op: 'remove', path: 'members[value eq "u-2"]' })).toEqual(group);
    expect(patchUser(bareUser(), { op: 'remove', path: 'nickName' })).toEqual(bareUser());
  });

  it('makes a value primary by clearing primary on the others, and refuses two primaries at once', () => {
    const user = patchUser(renderedUser(), {
      op: 'add',
      path: 'emails',
      value: { value: 'a@home.example', type: 'home' },
    });
    const result = patchUser(user, { op: 'replace', path: 'emails[type eq "home"].primary', value: 'True' });
    expect(result.emails).toEqual([
      { value: 'ada@example.org', type: 'work', primary: false },
      { value: 'a@home.example', type: 'home', primary: true },
    ]);
    expectError(
      () =>
        patchUser(renderedUser(), {
          op: 'replace',
          path: 'emails',
          value: [
            { value: 'a@x.example', primary: true },
            { value: 'b@x.example', primary: true },
          ],
        }),
      'invalidValue',
      /makes 2 values primary/,
    );
  });

  it('merges a path-less add of complex values and appends to multi-valued ones', () => {
    const result = patchUser(renderedUser(), {
      op: 'add',
      value: {
        name: { middleName: 'Byron' },
        emails: [{ value: 'ada@home.example', type: 'home' }],
        nickName: 'Countess',
        [ENTERPRISE_USER]: { division: 'Difference' },
      },
    });
    expect(result.name).toEqual({ givenName: 'Ada', familyName: 'Lovelace', middleName: 'Byron' });
    expect(result.emails).toHaveLength(2);
    expect(result.nickName).toBe('Countess');
    expect(result[ENTERPRISE_USER]).toMatchObject({ department: 'Engines', division: 'Difference' });
  });

  it("reads names in any case and writes the schema's spelling", () => {
    const result = patchUser(
      bareUser(),
      { op: 'add', path: 'NAME.GIVENNAME', value: 'Grace' },
      { op: 'add', path: 'Emails[TYPE eq "work"].VALUE', value: 'grace@example.org' },
      { op: 'add', path: `${ENTERPRISE_USER.toUpperCase()}:DEPARTMENT`, value: 'Navy' },
      { op: 'add', path: 'phonenumbers', value: [{ VALUE: '+1 555 0100', Type: 'mobile' }] },
      { op: 'replace', value: { DisplayName: 'Grace Hopper', USERNAME: 'ghopper' } },
      { op: 'add', path: `${USER_SCHEMA}:title`, value: 'Rear Admiral' },
    );
    expect(result).toEqual({
      schemas: [USER_SCHEMA, ENTERPRISE_USER],
      id: USER_ID,
      userName: 'ghopper',
      active: true,
      meta: { resourceType: 'User' },
      name: { givenName: 'Grace' },
      emails: [{ type: 'work', value: 'grace@example.org' }],
      [ENTERPRISE_USER]: { department: 'Navy' },
      phoneNumbers: [{ value: '+1 555 0100', type: 'mobile' }],
      displayName: 'Grace Hopper',
      title: 'Rear Admiral',
    });
  });

  it('finds an extension attribute written without its URN when only one extension has it', () => {
    const result = patchUser(bareUser(), { op: 'add', path: 'costCenter', value: 'CC-7' });
    expect(result[ENTERPRISE_USER]).toEqual({ costCenter: 'CC-7' });
    expect(result.schemas).toEqual([USER_SCHEMA, ENTERPRISE_USER]);
  });

  it("takes an extension's URN as a path for its attributes at once, and removes the extension by it", () => {
    const added = patchUser(bareUser(), {
      op: 'add',
      path: ENTERPRISE_USER,
      value: { division: 'D', department: 'E' },
    });
    expect(added[ENTERPRISE_USER]).toEqual({ division: 'D', department: 'E' });
    const removed = patchUser(added, { op: 'remove', path: ENTERPRISE_USER });
    expect(removed).not.toHaveProperty(ENTERPRISE_USER);
  });

  it('takes null as unassigned: replace with null removes, add of null adds nothing', () => {
    expect(patchUser(renderedUser(), { op: 'replace', path: 'title', value: null })).not.toHaveProperty(
      'title',
    );
    expect(patchUser(renderedUser(), { op: 'add', path: 'title', value: null }).title).toBe('Analyst');
    expect(patchUser(renderedUser(), { op: 'replace', value: { 'name.givenName': null } }).name).toEqual({
      familyName: 'Lovelace',
    });
  });

  it('never changes the resource it is given', () => {
    const user = deepFreeze(renderedUser());
    const result = patchUser(
      user,
      { op: 'replace', path: 'emails[type eq "work"].value', value: 'new@example.org' },
      { op: 'remove', path: `${ENTERPRISE_USER}:manager` },
      { op: 'add', value: { 'name.middleName': 'B' } },
    );
    expect(user).toEqual(renderedUser());
    expect(result).not.toEqual(user);
  });
});

describe('SCIM PATCH errors (R28)', () => {
  it('answers paths that name nothing with invalidPath, saying what there is', () => {
    const user = renderedUser();
    const cases: [string, RegExp][] = [
      ['nickname2', /A User has no attribute "nickname2"/],
      ['name.nickName', /"name" has no sub-attribute "nickName": it has formatted, familyName, givenName/],
      ['active.value', /"active" has no sub-attributes/],
      ['title[value eq "x"]', /not a multi-valued complex attribute/],
      ['emails.value', /does not say which of the emails to change: pick them with a filter/],
      ['name.givenName.first', /at most one dot/],
      ['emails[type eq "work"]value', /only a sub-attribute may follow/],
      ['user name', /"name" is not a name|not a name/],
      [`urn:example:unknown:2.0:User:x`, /has no schema "urn:example:unknown:2.0:user"/],
    ];
    for (const [path, message] of cases) {
      expectError(() => patchUser(user, { op: 'replace', path, value: 'x' }), 'invalidPath', message);
    }
  });

  it('answers a filter that cannot be used with invalidFilter, as RFC 7644 §3.12 lists for PATCH', () => {
    const user = renderedUser();
    for (const path of [
      'emails[type eq work].value',
      'emails[colour eq "red"].value',
      'emails[type eq "work"',
      'emails[primary eq "yes"]',
    ]) {
      expectError(
        () => patchUser(user, { op: 'replace', path, value: 'x' }),
        'invalidFilter',
        /filter|not closed/,
      );
    }
  });

  it('answers values of the wrong type with invalidValue', () => {
    const user = renderedUser();
    const cases: [unknown, RegExp][] = [
      [{ op: 'replace', path: 'userName', value: 42 }, /"userName" takes text in double quotes, not 42/],
      [{ op: 'replace', path: 'name', value: 3 }, /"name" takes an object with its sub-attributes/],
      [{ op: 'add', path: 'name', value: { nick: 'A' } }, /"name" has no sub-attribute "nick"/],
      [
        { op: 'add', path: 'emails', value: [{ value: 'a@b.c', kind: 'home' }] },
        /"emails" has no sub-attribute "kind"/,
      ],
      [{ op: 'replace', value: [{ active: false }] }, /Without a "path", "value" holds the attributes/],
      [
        { op: 'replace', path: ENTERPRISE_USER, value: 'Sales' },
        /takes an object of the extension's attributes/,
      ],
      [{ op: 'add', path: 'emails[type eq "work"].primary', value: 'maybe' }, /takes true or false/],
    ];
    for (const [operation, message] of cases)
      expectError(() => patchUser(user, operation), 'invalidValue', message);
  });

  it('answers changes to id, meta, schemas, groups and a removed userName with mutability', () => {
    const user = renderedUser();
    const cases: [unknown, RegExp][] = [
      [{ op: 'replace', path: 'id', value: 'other' }, /"id" is read-only/],
      [{ op: 'remove', path: 'id' }, /"id" is read-only/],
      [{ op: 'replace', path: 'meta.version', value: 'W/"9"' }, /"meta" is read-only/],
      [
        { op: 'add', path: 'schemas', value: 'urn:example:other' },
        /"schemas" cannot be given "urn:example:other"/,
      ],
      [{ op: 'remove', path: 'schemas' }, /"schemas" cannot be removed/],
      [{ op: 'add', path: 'groups', value: { value: 'g-2' } }, /"groups" is read-only/],
      [{ op: 'remove', path: 'userName' }, /"userName" is required: replace it instead/],
      [{ op: 'replace', path: 'userName', value: null }, /"userName" is required/],
      [{ op: 'remove', path: WORKPLACE_ACCOUNT_STATUS }, /canDelete" is read-only/],
    ];
    for (const [operation, message] of cases)
      expectError(() => patchUser(user, operation), 'mutability', message);
    expectError(() => patchGroup(renderedGroup(), { op: 'remove', path: 'displayName' }), 'mutability');
  });

  it('accepts schemas, id and meta sent back unchanged, as some clients do', () => {
    const user = renderedUser();
    const result = patchUser(user, {
      op: 'replace',
      value: { schemas: [USER_SCHEMA, ENTERPRISE_USER], id: USER_ID, meta: user.meta, title: 'Engineer' },
    });
    expect(result).toEqual({ ...renderedUser(), title: 'Engineer' });
  });

  it('keeps an immutable attribute once set, but lets it be set the first time', () => {
    const schema: PatchSchema = {
      coreSchema: USER_SCHEMA,
      attributes: { userName: { type: 'string' }, badge: { type: 'string', mutability: 'immutable' } },
    };
    const set = applyPatch(bareUser(), [{ op: 'add', path: 'badge', value: 'B-1' }], schema);
    expect(set.badge).toBe('B-1');
    expect(applyPatch(set, [{ op: 'replace', path: 'badge', value: 'B-1' }], schema)).toEqual(set);
    expectError(
      () => applyPatch(set, [{ op: 'replace', path: 'badge', value: 'B-2' }], schema),
      'mutability',
      /"badge" cannot be changed once it is set/,
    );
  });

  it("names the operation and, without a path, the value's key that failed", () => {
    const error = expectError(
      () =>
        patchUser(
          renderedUser(),
          { op: 'replace', path: 'title', value: 'ok' },
          { op: 'Replace', value: { displayName: 'ok', 'name.givenName': false } },
        ),
      'invalidValue',
    );
    expect(error.message).toBe(
      'Operation 2 (replace): "name.givenName" takes text in double quotes, not false',
    );
  });
});

describe('SCIM PATCH properties (R28)', () => {
  const EXTENSIONS = [
    ENTERPRISE_USER,
    WORKPLACE_ACCOUNT_STATUS,
    WORKPLACE_AUTH_METHOD,
    WORKPLACE_START_TERM_DATES,
  ];
  const SCIM_TYPES: ScimPatchType[] = [
    'invalidSyntax',
    'invalidPath',
    'invalidFilter',
    'noTarget',
    'invalidValue',
    'mutability',
  ];

  /** The text with each letter's case picked at random, as clients may spell names. */
  const anyCase = (text: string) =>
    fc
      .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
      .map((upper) => [...text].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch.toLowerCase())).join(''));

  const text = fc.string({ maxLength: 12 });
  const flag = fc.oneof(fc.boolean(), fc.constantFrom('True', 'False', 'true', 'FALSE'));
  const asFlag = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() === 'true' : value);
  const workplaceDate = fc.oneof(
    fc.integer({ min: 0, max: 4_102_444_800 }),
    fc
      .date({ min: new Date(0), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString()),
  );

  /** Single-valued attributes and sub-attributes, canonical paths, with values for them. */
  const SIMPLE: { path: string; value: fc.Arbitrary<unknown>; read?: (sent: unknown) => unknown }[] = [
    ...['userName', 'displayName', 'nickName', 'title', 'userType', 'locale', 'timezone', 'externalId'].map(
      (path) => ({ path, value: text }),
    ),
    ...['name.givenName', 'name.familyName', 'name.middleName', 'name.honorificPrefix'].map((path) => ({
      path,
      value: text,
    })),
    ...['department', 'division', 'costCenter', 'employeeNumber', 'manager.value'].map((name) => ({
      path: `${ENTERPRISE_USER}:${name}`,
      value: text,
    })),
    { path: `${WORKPLACE_AUTH_METHOD}:auth_method`, value: fc.constantFrom('password', 'sso') },
    { path: 'active', value: flag, read: asFlag },
    { path: `${WORKPLACE_ACCOUNT_STATUS}:invited`, value: flag, read: asFlag },
    { path: `${WORKPLACE_ACCOUNT_STATUS}:claimed`, value: flag, read: asFlag },
    { path: `${WORKPLACE_START_TERM_DATES}:startDate`, value: workplaceDate },
    { path: `${WORKPLACE_START_TERM_DATES}:termDate`, value: workplaceDate },
  ];

  /** The value at a canonical path, read with the schema's spelling only. */
  function readBack(resource: ScimResource, path: string): unknown {
    const colon = path.lastIndexOf(':');
    const holder = (colon < 0 ? resource : resource[path.slice(0, colon)]) as
      | Record<string, unknown>
      | undefined;
    const [name = '', sub] = path.slice(colon + 1).split('.');
    const value = holder?.[name];
    return sub === undefined ? value : (value as Record<string, unknown> | undefined)?.[sub];
  }

  const simpleChange = fc
    .constantFrom(...SIMPLE)
    .chain((simple) =>
      fc.record({ simple: fc.constant(simple), path: anyCase(simple.path), value: simple.value }),
    );

  /** Member names a result holds that are not spelled as the schema spells them. */
  function misspelled(resource: ScimResource, schema: PatchSchema): string[] {
    const attributes = schema.attributes;
    const bad: string[] = [];
    const checkSubs = (value: unknown, subs: Record<string, unknown> | undefined, where: string) => {
      for (const element of Array.isArray(value) ? value : [value]) {
        for (const key of Object.keys(element as object))
          if (!subs || !(key in subs)) bad.push(`${where}.${key}`);
      }
    };
    for (const [key, value] of Object.entries(resource)) {
      if (EXTENSIONS.includes(key)) {
        for (const [name, item] of Object.entries(value as object)) {
          const attribute = attributes[`${key}:${name}`];
          if (!attribute) bad.push(`${key}:${name}`);
          else if (attribute.subAttributes) checkSubs(item, attribute.subAttributes, name);
        }
      } else if (!['schemas', 'id', 'meta'].includes(key)) {
        const attribute = attributes[key];
        if (!attribute) bad.push(key);
        else if (attribute.subAttributes) checkSubs(value, attribute.subAttributes, key);
      }
    }
    return bad;
  }

  const typedEmail = fc.record({ type: fc.constantFrom('work', 'home', 'other'), value: text });
  const validOperation: fc.Arbitrary<unknown> = fc.oneof(
    simpleChange.map(({ path, value }) => ({ op: 'Replace', path, value })),
    fc.array(simpleChange, { minLength: 1, maxLength: 3 }).map((changes) => ({
      op: 'replace',
      value: Object.fromEntries(changes.map((c) => [c.path, c.value])),
    })),
    simpleChange
      .filter(({ simple }) => simple.path !== 'userName')
      .map(({ path }) => ({ op: 'remove', path })),
    fc
      .tuple(fc.constantFrom('emails', 'phoneNumbers'), anyCase('value'), typedEmail)
      .map(([name, value, email]) => ({
        op: 'Add',
        path: `${name}[type eq "${email.type}"].${value}`,
        value: email.value,
      })),
    fc.array(typedEmail, { maxLength: 3 }).map((emails) => ({ op: 'add', path: 'EMAILS', value: emails })),
    fc.constantFrom('work', 'home').map((type) => ({ op: 'remove', path: `emails[type eq "${type}"]` })),
    fc.record({ givenName: text, familyName: text }).map((name) => ({ op: 'add', value: { NAME: name } })),
  );

  it("(a) keeps the schema's spelling, id and meta whatever valid operations are applied", () => {
    const user = deepFreeze(renderedUser());
    fc.assert(
      fc.property(fc.array(validOperation, { minLength: 1, maxLength: 8 }), (operations) => {
        const result = applyPatch(user, { Operations: operations }, USER_PATCH_SCHEMA);
        expect(misspelled(result, USER_PATCH_SCHEMA)).toEqual([]);
        expect(result.id).toBe(USER_ID);
        expect(result.meta).toEqual(renderedUser().meta);
        expect(user).toEqual(renderedUser());
      }),
      { numRuns: 300 },
    );
  });

  it('(b) reads back what a replace of a single-valued attribute set, by path or path-less', () => {
    fc.assert(
      fc.property(simpleChange, fc.boolean(), ({ simple, path, value }, pathless) => {
        const operation = pathless
          ? { op: 'Replace', value: { [path]: value } }
          : { op: 'replace', path, value };
        const result = patchUser(renderedUser(), operation);
        expect(readBack(result, simple.path)).toEqual(simple.read ? simple.read(value) : value);
      }),
      { numRuns: 300 },
    );
  });

  it('(c) leaves the members as they were after adding a member and removing it by value', () => {
    const members = fc.uniqueArray(
      fc.record(
        { value: fc.string({ maxLength: 8 }), display: fc.string({ maxLength: 8 }) },
        { requiredKeys: ['value'] },
      ),
      { selector: (member) => member.value, maxLength: 6 },
    );
    fc.assert(
      fc.property(
        members,
        fc.string({ maxLength: 8 }),
        fc.constantFrom('array', 'object', 'bare'),
        fc.constantFrom('valuePath', 'valueList', 'bare'),
        (before, id, addAs, removeAs) => {
          fc.pre(!before.some((member) => member.value === id));
          const group = deepFreeze(renderedGroup(before));
          const member = { value: id, display: 'New' };
          const added = addAs === 'array' ? [member] : addAs === 'object' ? member : id;
          const removal =
            removeAs === 'valuePath'
              ? { op: 'remove', path: `members[value eq ${JSON.stringify(id)}]` }
              : { op: 'Remove', path: 'members', value: removeAs === 'bare' ? id : [{ value: id }] };
          const result = patchGroup(group, { op: 'add', path: 'members', value: added }, removal);
          expect(result.members ?? []).toEqual(before);
        },
      ),
      { numRuns: 300 },
    );
  });

  const pathOrAnything = fc.oneof(
    fc.constantFrom(
      'members',
      'members[value eq "u-1"]',
      'emails[type eq "work"].value',
      'name.givenName',
      `${ENTERPRISE_USER}:manager`,
      ENTERPRISE_USER,
      'schemas',
      'id',
      'meta.version',
      'active',
      'displayName',
      'emails[',
      'x[y eq 1]]',
    ),
    fc.string(),
    fc.jsonValue(),
  );
  const operationLike = fc.record(
    {
      op: fc.oneof(fc.constantFrom('add', 'Replace', 'REMOVE', 'move'), fc.jsonValue()),
      path: pathOrAnything,
      value: fc.jsonValue({ maxDepth: 3 }),
    },
    { requiredKeys: [] },
  );
  const bodyLike = fc.oneof(
    fc.jsonValue(),
    fc.array(operationLike, { maxLength: 4 }),
    fc.record(
      {
        schemas: fc.oneof(fc.constant([PATCH_OP_SCHEMA]), fc.jsonValue()),
        Operations: fc.oneof(fc.array(operationLike, { maxLength: 4 }), fc.jsonValue()),
      },
      { requiredKeys: [] },
    ),
  );

  it('(d) answers any JSON with a result or a ScimPatchError, never anything else', () => {
    const user = deepFreeze(renderedUser());
    const group = deepFreeze(renderedGroup([{ value: 'u-1' }]));
    fc.assert(
      fc.property(bodyLike, fc.boolean(), (operations, isGroup) => {
        try {
          const result = isGroup
            ? applyPatch(group, operations, GROUP_PATCH_SCHEMA)
            : applyPatch(user, operations, USER_PATCH_SCHEMA);
          expect(result.id).toBe(isGroup ? GROUP_ID : USER_ID);
        } catch (error) {
          if (!(error instanceof ScimPatchError)) throw error;
          expect(SCIM_TYPES).toContain(error.scimType);
          expect(error.status).toBe(400);
          expect(error.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
