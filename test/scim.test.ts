import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTokenAsOperator } from '../src/tokens/operator-token.js';
import {
  ADMIN_PASSWORD,
  activateWithPassword,
  type Client,
  devInbox,
  devMail,
  dispatchDue,
  eachDatabase,
  enablePhoneProfiles,
  expectProblem,
  insertEmailPeople,
  latestClaimToken,
  seedCommunity,
  signIn,
  type World,
} from './harness.js';

// SCIM 2.0 at /scim/v2 (R28) as identity providers drive it: the request sequences Microsoft
// Entra ID and Okta document for provisioning users and pushing groups (written afresh here with
// our own values), Muster's phone-account rules reached through SCIM (R1, R3–R6, R12, R22, R23,
// R34), isolation between communities (R35) and the audit trail (R36), then the protocol itself
// (RFC 7643/7644): discovery, media types, filters, projection, paging, ETags and errors.

const URN = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  enterprise: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  accountStatus: 'urn:ietf:params:scim:schemas:extension:facebook:accountstatusdetails:2.0:User',
  listResponse: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
  patchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  searchRequest: 'urn:ietf:params:scim:api:messages:2.0:SearchRequest',
  serviceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  resourceType: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
} as const;

const SCIM_JSON = /^application\/scim\+json/;
const BASE = 'http://muster.test/scim/v2';
const WORKER_PASSWORD = 'night shift at the depot';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Json = Record<string, unknown>;

/** A SCIM client holding one community's token, as an identity provider would. */
class Scim {
  constructor(
    private readonly world: World,
    readonly token: string,
    readonly tokenId: string,
  ) {}

  request(
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    return this.world.app.inject({
      method,
      url: url.startsWith('/') ? url : `/scim/v2/${url}`,
      headers: {
        authorization: `Bearer ${this.token}`,
        accept: 'application/scim+json',
        ...(body !== undefined ? { 'content-type': 'application/scim+json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body: unknown, headers?: Record<string, string>) =>
    this.request('POST', url, body, headers);
  put = (url: string, body: unknown, headers?: Record<string, string>) =>
    this.request('PUT', url, body, headers);
  patch = (url: string, operations: unknown[], headers?: Record<string, string>) =>
    this.request('PATCH', url, { schemas: [URN.patchOp], Operations: operations }, headers);
  delete = (url: string, headers?: Record<string, string>) => this.request('DELETE', url, undefined, headers);

  /** GET /Users with a filter (and any other query), the filter URL-encoded as clients do. */
  search(filter: string, query = '') {
    return this.get(`Users?filter=${encodeURIComponent(filter)}${query}`);
  }

  /** Creates a user and returns its resource; fails the test on anything but 201. */
  async createUser(body: Json): Promise<Json & { id: string }> {
    const response = await this.post('Users', { schemas: [URN.user], ...body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
}

/** Asserts a SCIM error (RFC 7644 §3.12) and returns it. */
function expectScimError(response: LightMyRequestResponse, status: number, scimType?: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(SCIM_JSON);
  const body = response.json();
  expect(body.schemas).toEqual([URN.error]);
  expect(body.status).toBe(String(status));
  if (scimType) expect(body.scimType).toBe(scimType);
  expect(typeof body.detail).toBe('string');
  expect(body.detail.length).toBeGreaterThan(10);
  return body as { status: string; scimType?: string; detail: string };
}

function expectScim(response: LightMyRequestResponse, status = 200): Json {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(SCIM_JSON);
  return response.json();
}

const enterprise = (user: Json) => (user[URN.enterprise] ?? {}) as Json;
const accountStatus = (user: Json) => (user[URN.accountStatus] ?? {}) as Json;
const memberIds = (group: Json) => ((group.members ?? []) as { value: string }[]).map((m) => m.value).sort();

/** A GB mobile number nobody else in this file uses, as typed and in E.164. */
let mobileSerial = 0;
function freshMobile() {
  mobileSerial += 1;
  const digits = String(200_000 + mobileSerial);
  return { typed: `07400 ${digits}`, e164: `+447400${digits}` };
}

/** A REST caller with a rest token of the same community, to look at what SCIM did. */
function restOf(world: World, token: string) {
  const call = (method: Method, url: string, body?: unknown) =>
    world.app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  return {
    call,
    person: async (id: string) => {
      const response = await call('GET', `/api/v1/people/${id}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    },
  };
}

async function operatorTokens(world: World, slug: string) {
  const scim = await createTokenAsOperator({
    deps: world.deps,
    communitySlug: slug,
    name: 'Okta',
    scopes: ['scim'],
  });
  const rest = await createTokenAsOperator({
    deps: world.deps,
    communitySlug: slug,
    name: 'Script',
    scopes: ['rest'],
  });
  return { scim: new Scim(world, scim.secret, scim.token.id), rest: restOf(world, rest.secret) };
}

async function claim(world: World, e164: string, password = WORKER_PASSWORD) {
  await dispatchDue(world);
  const token = latestClaimToken(world, e164);
  const response = await world.app.inject({
    method: 'POST',
    url: `/api/v1/claim/${token}`,
    payload: { password },
  });
  expect(response.statusCode, response.body).toBe(200);
  return token;
}

eachDatabase('SCIM 2.0 (R28)', (world) => {
  /** Community A: Great Britain, mobile profiles on; its system admin made the tokens. */
  let admin: Client;
  let slug: string;
  let adminId: string;
  let scim: Scim;
  let rest: ReturnType<typeof restOf>;
  const TOKEN_LABEL = 'API token "Entra ID provisioning" of Ada Admin';

  beforeAll(async () => {
    const a = await seedCommunity(world, { country: 'GB' });
    slug = a.slug;
    adminId = a.admin.id;
    admin = await signIn(world.app, a.admin.email ?? '', ADMIN_PASSWORD, slug);
    await enablePhoneProfiles(admin);
    const made = await admin.post('/api/v1/tokens', { name: 'Entra ID provisioning', scopes: ['scim'] });
    expect(made.statusCode, made.body).toBe(201);
    scim = new Scim(world, made.json().token, made.json().id);
    const restToken = await admin.post('/api/v1/tokens', { name: 'Checks', scopes: ['rest'] });
    rest = restOf(world, restToken.json().token);
  });

  // -------------------------------------------------------------------------------------------
  describe('Microsoft Entra ID', () => {
    it('provisions a user as Entra does: query, create, match, update, disable, enable, delete', async () => {
      const upn = 'Ada.Lovelace@contoso.example';
      const objectId = randomUUID();
      // Entra provisions the manager before the report.
      const manager = await scim.createUser({
        externalId: randomUUID(),
        userName: 'Charles.Babbage@contoso.example',
        active: true,
        displayName: 'Charles Babbage',
        emails: [{ primary: true, type: 'work', value: 'Charles.Babbage@contoso.example' }],
      });

      const lookup = expectScim(await scim.search(`userName eq "${upn}"`));
      expect(lookup).toMatchObject({ schemas: [URN.listResponse], totalResults: 0, startIndex: 1 });
      expect(lookup.Resources ?? []).toEqual([]);

      const created = await scim.post('Users', {
        schemas: [URN.user, URN.enterprise],
        externalId: objectId,
        userName: upn,
        active: true,
        displayName: 'Ada Lovelace',
        title: 'Analyst',
        name: { formatted: 'Ada Lovelace', familyName: 'Lovelace', givenName: 'Ada' },
        emails: [{ primary: true, type: 'work', value: upn }],
        [URN.enterprise]: {
          employeeNumber: '701984',
          department: 'Analytical Engines',
          manager: { value: manager.id },
        },
        meta: { resourceType: 'User' },
      });
      const user = expectScim(created, 201);
      const id = user.id as string;
      expect(created.headers.location).toBe(`${BASE}/Users/${id}`);
      expect(created.headers.etag).toMatch(/^W\/"\d+"$/);
      expect(user).toMatchObject({
        schemas: expect.arrayContaining([URN.user, URN.enterprise]),
        externalId: objectId,
        userName: upn,
        active: true,
        displayName: 'Ada Lovelace',
        name: { givenName: 'Ada', familyName: 'Lovelace' },
        emails: [{ primary: true, type: 'work', value: upn }],
        meta: { resourceType: 'User', location: `${BASE}/Users/${id}`, version: created.headers.etag },
      });
      expect(enterprise(user)).toMatchObject({
        employeeNumber: '701984',
        department: 'Analytical Engines',
        manager: { value: manager.id, displayName: 'Charles Babbage' },
      });
      expect(await rest.person(id)).toMatchObject({
        loginKind: 'email',
        email: 'ada.lovelace@contoso.example',
        externalId: '701984',
        department: 'Analytical Engines',
        jobTitle: 'Analyst',
        managerId: manager.id,
        role: 'member',
      });

      const matched = expectScim(await scim.search(`externalId eq "${objectId}"`));
      expect(matched.totalResults).toBe(1);
      expect((matched.Resources as Json[])[0]?.id).toBe(id);

      const updated = await scim.patch(`Users/${id}`, [
        { op: 'Replace', path: 'displayName', value: 'Ada King' },
        { op: 'Add', path: 'emails[type eq "work"].value', value: 'ada.king@contoso.example' },
        { op: 'Replace', path: `${URN.enterprise}:department`, value: 'Difference Engines' },
        { op: 'Add', path: 'title', value: 'Countess' },
      ]);
      const afterUpdate = expectScim(updated);
      expect(afterUpdate).toMatchObject({ displayName: 'Ada King', title: 'Countess', userName: upn });
      expect(afterUpdate.emails).toEqual([
        { primary: true, type: 'work', value: 'ada.king@contoso.example' },
      ]);
      expect(enterprise(afterUpdate).department).toBe('Difference Engines');
      expect(updated.headers.etag).not.toBe(created.headers.etag);
      expect(await rest.person(id)).toMatchObject({
        displayName: 'Ada King',
        jobTitle: 'Countess',
        department: 'Difference Engines',
      });

      // Ada has been using Muster: she is signed in when Entra disables her.
      await activateWithPassword(world, id, WORKER_PASSWORD);
      const ada = await signIn(world.app, upn, WORKER_PASSWORD, slug);
      expect((await ada.get('/api/v1/me')).statusCode).toBe(200);
      const sessions = await rest.call('GET', `/api/v1/people/${id}/sessions`);
      expect(sessions.json().items).toHaveLength(1);

      const disabled = expectScim(
        await scim.patch(`Users/${id}`, [{ op: 'Replace', value: { active: 'False' } }]),
      );
      expect(disabled.active).toBe(false);
      expect((await rest.person(id)).state).toBe('deactivated');
      expect((await ada.get('/api/v1/me')).statusCode).toBe(401);
      expect((await rest.call('GET', `/api/v1/people/${id}/sessions`)).json().items).toEqual([]);
      const stillFound = expectScim(await scim.search(`userName eq "${upn}"`));
      expect((stillFound.Resources as Json[])[0]).toMatchObject({ id, active: false });

      const enabled = expectScim(
        await scim.patch(`Users/${id}`, [{ op: 'Replace', path: 'active', value: 'True' }]),
      );
      expect(enabled.active).toBe(true);
      expect((await rest.person(id)).state).toBe('active');

      // R23: a claimed account that is still active cannot be deleted…
      expectScimError(await scim.delete(`Users/${id}`), 412);
      expect((await scim.get(`Users/${id}`)).statusCode).toBe(200);
      // …Entra's soft delete first, then the delete.
      await scim.patch(`Users/${id}`, [{ op: 'Replace', path: 'active', value: 'False' }]);
      const deleted = await scim.delete(`Users/${id}`);
      expect(deleted.statusCode, deleted.body).toBe(204);
      expect(deleted.body).toBe('');
      expectScimError(await scim.get(`Users/${id}`), 404);
      expect(expectScim(await scim.search(`externalId eq "${objectId}"`)).totalResults).toBe(0);
      expectProblem(await rest.call('GET', `/api/v1/people/${id}`), 404, 'not_found');
    });

    it('pushes a group as Entra does: create with members, add, remove by value filter, rename, delete', async () => {
      const one = await scim.createUser({ userName: 'grp.one@contoso.example', displayName: 'Group One' });
      const two = await scim.createUser({ userName: 'grp.two@contoso.example', displayName: 'Group Two' });
      const objectId = randomUUID();
      const absent = expectScim(
        await scim.get(
          `Groups?filter=${encodeURIComponent('displayName eq "Night Shift"')}&excludedAttributes=members`,
        ),
      );
      expect(absent.totalResults).toBe(0);

      const created = await scim.post('Groups', {
        schemas: [URN.group],
        externalId: objectId,
        displayName: 'Night Shift',
        members: [{ value: one.id }],
      });
      const group = expectScim(created, 201);
      const gid = group.id as string;
      expect(created.headers.etag).toMatch(/^W\/"\d+"$/);
      expect(group).toMatchObject({
        schemas: [URN.group],
        externalId: objectId,
        displayName: 'Night Shift',
        members: [{ value: one.id, display: 'Group One' }],
        meta: { resourceType: 'Group', location: `${BASE}/Groups/${gid}` },
      });

      const added = expectScim(
        await scim.patch(`Groups/${gid}`, [{ op: 'Add', path: 'members', value: [{ value: two.id }] }]),
      );
      expect(memberIds(added)).toEqual([one.id, two.id].sort());
      const twoNow = expectScim(await scim.get(`Users/${two.id}`));
      expect(twoNow.groups).toEqual([expect.objectContaining({ value: gid, display: 'Night Shift' })]);

      const removed = expectScim(
        await scim.patch(`Groups/${gid}`, [{ op: 'Remove', path: `members[value eq "${one.id}"]` }]),
      );
      expect(memberIds(removed)).toEqual([two.id]);
      // Entra's other form: a remove of members listing the values.
      const emptied = expectScim(
        await scim.patch(`Groups/${gid}`, [{ op: 'Remove', path: 'members', value: [{ value: two.id }] }]),
      );
      expect(memberIds(emptied)).toEqual([]);

      const renamed = expectScim(
        await scim.patch(`Groups/${gid}`, [{ op: 'Replace', path: 'displayName', value: 'Night Crew' }]),
      );
      expect(renamed.displayName).toBe('Night Crew');
      const byExternalId = expectScim(
        await scim.get(`Groups?filter=${encodeURIComponent(`externalId eq "${objectId}"`)}`),
      );
      expect(byExternalId.totalResults).toBe(1);
      expect((byExternalId.Resources as Json[])[0]).toMatchObject({ id: gid, displayName: 'Night Crew' });

      expect((await scim.delete(`Groups/${gid}`)).statusCode).toBe(204);
      expectScimError(await scim.get(`Groups/${gid}`), 404);
      expect(expectScim(await scim.get(`Users/${two.id}`)).groups ?? []).toEqual([]);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('Okta', () => {
    it('provisions a user as Okta does: query with paging, create, read, replace, deactivate, reactivate', async () => {
      const userName = 'grace.hopper@example.com';
      const lookup = expectScim(await scim.search(`userName eq "${userName}"`, '&startIndex=1&count=100'));
      expect(lookup).toMatchObject({ totalResults: 0, startIndex: 1, itemsPerPage: 0 });

      const created = await scim.post('Users', {
        schemas: [URN.user],
        userName,
        name: { givenName: 'Grace', familyName: 'Hopper' },
        emails: [{ primary: true, value: userName, type: 'work' }],
        displayName: 'Grace Hopper',
        locale: 'en-US',
        externalId: '00ub0oNGTSWTBKOLGLNR',
        groups: [],
        password: 'tT6Wl-Okta-sends-this',
        active: true,
      });
      const user = expectScim(created, 201);
      const id = user.id as string;
      expect(created.body).not.toContain('tT6Wl');
      expect(user).toMatchObject({
        userName,
        externalId: '00ub0oNGTSWTBKOLGLNR',
        locale: 'en-US',
        active: true,
      });
      const row = await world.deps.db
        .selectFrom('people')
        .select(['password_hash', 'scim_attributes'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.password_hash).toBeNull();
      expect(row.scim_attributes ?? '').not.toContain('tT6Wl');

      const read = await scim.get(`Users/${id}`);
      const readBody = expectScim(read);
      expect(read.headers.etag).toBe((readBody.meta as Json).version);
      expect(readBody).toMatchObject({ id, userName, displayName: 'Grace Hopper' });

      const replaced = await scim.put(`Users/${id}`, {
        schemas: [URN.user],
        id,
        userName,
        name: { givenName: 'Grace', familyName: 'Hopper' },
        emails: [{ primary: true, value: userName, type: 'work' }],
        displayName: 'Rear Admiral Grace Hopper',
        title: 'Rear Admiral',
        externalId: '00ub0oNGTSWTBKOLGLNR',
        active: true,
      });
      const afterPut = expectScim(replaced);
      expect(afterPut).toMatchObject({ displayName: 'Rear Admiral Grace Hopper', title: 'Rear Admiral' });
      // PUT replaces: the locale it left out is gone.
      expect(afterPut).not.toHaveProperty('locale');
      expect(await rest.person(id)).toMatchObject({ jobTitle: 'Rear Admiral', locale: null });

      const off = expectScim(await scim.patch(`Users/${id}`, [{ op: 'replace', value: { active: false } }]));
      expect(off.active).toBe(false);
      expect((await rest.person(id)).state).toBe('deactivated');
      const on = expectScim(await scim.patch(`Users/${id}`, [{ op: 'replace', value: { active: true } }]));
      expect(on.active).toBe(true);
      // An email account gets its invitation by email when created (R20), and keeps it.
      expect((await rest.person(id)).state).toBe('invited');
    });

    it('pushes a group as Okta does: create, rename with a path-less replace, add members', async () => {
      const member = await scim.createUser({
        userName: 'okta.member@example.com',
        displayName: 'Okta Member',
      });
      const group = expectScim(
        await scim.post('Groups', { schemas: [URN.group], displayName: 'Dispatch', members: [] }),
        201,
      );
      const gid = group.id as string;
      const renamed = expectScim(
        await scim.patch(`Groups/${gid}`, [
          { op: 'replace', value: { id: gid, displayName: 'Dispatch Team' } },
        ]),
      );
      expect(renamed.displayName).toBe('Dispatch Team');
      const added = expectScim(
        await scim.patch(`Groups/${gid}`, [
          { op: 'add', path: 'members', value: [{ value: member.id, display: 'okta.member@example.com' }] },
        ]),
      );
      expect(added.members).toEqual([expect.objectContaining({ value: member.id, display: 'Okta Member' })]);
      const listed = expectScim(
        await scim.get(
          `Groups?filter=${encodeURIComponent('displayName eq "Dispatch Team"')}&startIndex=1&count=100`,
        ),
      );
      expect(listed.totalResults).toBe(1);
      expect(memberIds((listed.Resources as Json[])[0] ?? {})).toEqual([member.id]);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('large groups', () => {
    it('keeps every member of a group of 1,500 through create, add, remove and replace (R28)', async () => {
      // A community of its own: the other tests count community A's users.
      const c = await seedCommunity(world, { country: 'GB' });
      const cAdmin = await signIn(world.app, c.admin.email ?? '', ADMIN_PASSWORD, c.slug);
      const token = await cAdmin.post('/api/v1/tokens', { name: 'Groups', scopes: ['scim'] });
      expect(token.statusCode, token.body).toBe(201);
      const scim = new Scim(world, token.json().token, token.json().id);
      const { ids: people } = await insertEmailPeople(world, c.community.id, 1_502, 'groups.example');
      const first = people.slice(0, 1_500);
      const made = expectScim(
        await scim.post('Groups', {
          schemas: [URN.group],
          displayName: 'Whole warehouse',
          members: first.map((id) => ({ value: id })),
        }),
        201,
      );
      const gid = made.id as string;
      const members = async () => memberIds(expectScim(await scim.get(`Groups/${gid}`)));
      expect(await members()).toEqual([...first].sort());
      // Entra and Okta change membership by PATCH: the members already there must all stay.
      const [late, later] = people.slice(1_500) as [string, string];
      expectScim(
        await scim.patch(`Groups/${gid}`, [
          { op: 'Add', path: 'members', value: [{ value: late }, { value: later }] },
        ]),
      );
      expect(await members()).toEqual([...people].sort());
      expectScim(await scim.patch(`Groups/${gid}`, [{ op: 'Remove', path: `members[value eq "${late}"]` }]));
      expect(await members()).toEqual(people.filter((id) => id !== late).sort());
      // A PUT makes the members exactly what it sends: some leave, one comes back.
      const kept = people.slice(700);
      expectScim(
        await scim.put(`Groups/${gid}`, {
          schemas: [URN.group],
          displayName: 'Whole warehouse',
          members: kept.map((id) => ({ value: id })),
        }),
      );
      expect(await members()).toEqual([...kept].sort());
    });
  });

  // -------------------------------------------------------------------------------------------
  describe("Muster's rules through SCIM", () => {
    it('texts a phone user made without a userName its claim link, echoes the number as sent, and lets the worker claim (R3, R7)', async () => {
      const made = await scim.post('Users', {
        schemas: [URN.user],
        name: { givenName: 'Priya', familyName: 'Patel' },
        phoneNumbers: [{ type: 'mobile', value: '07911 123456' }],
      });
      const user = expectScim(made, 201);
      expect(user.phoneNumbers).toEqual([{ type: 'mobile', value: '07911 123456' }]);
      expect(user.userName).toBe('+447911123456');
      expect(accountStatus(user)).toMatchObject({ invited: true, claimed: false, canDelete: true });
      expect(await rest.person(user.id as string)).toMatchObject({
        loginKind: 'phone',
        phone: '+447911123456',
        state: 'invited',
        displayName: 'Priya Patel',
      });

      await claim(world, '+447911123456');
      const claimed = expectScim(await scim.get(`Users/${user.id}`));
      expect(accountStatus(claimed)).toMatchObject({ invited: true, claimed: true, canDelete: false });
      expect((await rest.person(user.id as string)).state).toBe('active');
      const found = expectScim(
        await scim.search('phoneNumbers[type eq "mobile" and value eq "+44 7911 123456"]'),
      );
      expect((found.Resources as Json[]).map((u) => u.id)).toEqual([user.id]);
    });

    it('takes a userName written as a number with its country code as a phone account, and any other as a username', async () => {
      const phone = freshMobile();
      const byUserName = await scim.createUser({
        userName: `0044${phone.e164.slice(3)}`,
        displayName: 'Number Name',
      });
      expect(await rest.person(byUserName.id)).toMatchObject({ loginKind: 'phone', phone: phone.e164 });
      expect(byUserName.userName).toBe(`0044${phone.e164.slice(3)}`);
      const username = await scim.createUser({
        userName: 'Siobhan.OMalley',
        displayName: "Siobhan O'Malley",
      });
      expect(await rest.person(username.id)).toMatchObject({
        loginKind: 'username',
        username: 'siobhan.omalley',
      });
      expect(username.userName).toBe('Siobhan.OMalley');
      expectScimError(
        await scim.post('Users', { schemas: [URN.user], displayName: 'Nobody' }),
        400,
        'invalidValue',
      );
    });

    it('refuses a userName that looks like an email address but is not one, rather than making it a username', async () => {
      for (const userName of ['ben@rival.co.uk,', 'cat@rival.co.uk(x)', 'two@@rival.co.uk']) {
        expectScimError(
          await scim.post('Users', { schemas: [URN.user], userName, displayName: 'Not An Address' }),
          400,
        );
      }
    });

    it("sends no text when Workplace's accountstatusdetails says invited: false (R3)", async () => {
      const phone = freshMobile();
      await dispatchDue(world);
      const before = devInbox(world).length;
      const user = await scim.createUser({
        displayName: 'Quiet Quentin',
        phoneNumbers: [{ type: 'mobile', value: phone.typed }],
        [URN.accountStatus]: { invited: false },
      });
      expect(accountStatus(user)).toMatchObject({ invited: false, claimed: false });
      await dispatchDue(world);
      expect(devInbox(world).length).toBe(before);
      expect(devInbox(world).some((sms) => sms.to === phone.e164)).toBe(false);
      expect((await rest.person(user.id)).state).toBe('not_invited');
    });

    it('refuses phone users with 403 while mobile profiles are off, and still adds email users (R1)', async () => {
      const off = await seedCommunity(world, { country: 'GB' });
      const { scim: offScim } = await operatorTokens(world, off.slug);
      const phone = freshMobile();
      expectScimError(
        await offScim.post('Users', {
          schemas: [URN.user],
          phoneNumbers: [{ type: 'mobile', value: phone.typed }],
        }),
        403,
      );
      expectScimError(await offScim.post('Users', { schemas: [URN.user], userName: phone.e164 }), 403);
      expect(expectScim(await offScim.search(`userName eq "${phone.e164}"`)).totalResults).toBe(0);
      await offScim.createUser({ userName: 'email.only@off.example', displayName: 'Email Only' });
    });

    it('emails an email user the invitation, with a claim link (R20)', async () => {
      const address = `${randomUUID()}@mail.example`;
      const user = await scim.createUser({ userName: address, displayName: 'Mail Mona' });
      expect(accountStatus(user)).toMatchObject({ invited: true, claimed: false });
      await dispatchDue(world);
      const invitation = devMail(world).find((mail) => mail.to === address);
      expect(invitation?.body).toMatch(/\/claim\/[A-Za-z0-9_-]+/);
    });

    it('refuses a mobile number of a country the community may not text (R34)', async () => {
      for (const body of [
        { phoneNumbers: [{ type: 'mobile', value: '+33 6 12 34 56 78' }], displayName: 'Marie' },
        { userName: '+33612345678', displayName: 'Marie' },
      ]) {
        expectScimError(await scim.post('Users', { schemas: [URN.user], ...body }), 400, 'invalidValue');
      }
      const none = expectScim(
        await scim.search('phoneNumbers[value eq "+33612345678"] or userName eq "+33612345678"'),
      );
      expect(none.totalResults).toBe(0);
    });

    it('counts claim texts per number across SCIM and REST: no sixth today, even after delete and re-add (R5)', async () => {
      const phone = freshMobile();
      const user = await scim.createUser({
        displayName: 'Five Texts',
        phoneNumbers: [{ type: 'mobile', value: phone.typed }],
      });
      for (let i = 0; i < 4; i++) {
        const reminded = await rest.call('POST', `/api/v1/people/${user.id}/remind`);
        expect(reminded.statusCode, reminded.body).toBe(200);
      }
      expectProblem(
        await rest.call('POST', `/api/v1/people/${user.id}/remind`),
        429,
        'claim_sms_daily_limit',
      );
      expect((await scim.delete(`Users/${user.id}`)).statusCode).toBe(204);
      const refused = await scim.post('Users', {
        schemas: [URN.user],
        displayName: 'Five Texts',
        phoneNumbers: [{ type: 'mobile', value: phone.typed }],
      });
      expectScimError(refused, 429);
      // The identity provider is told when to try again, and the refusal is audited (R36).
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      const audited = await world.deps.db
        .selectFrom('audit_events')
        .select(['outcome', 'details'])
        .where('type', '=', 'SMS Refused')
        .where('actor_id', '=', scim.tokenId)
        .execute();
      expect(audited.map((row) => row.outcome)).toContain('failure');
      expect(expectScim(await scim.search(`userName eq "${phone.e164}"`)).totalResults).toBe(0);
      // Added without a text, the number is welcome.
      await scim.createUser({
        displayName: 'Five Texts',
        phoneNumbers: [{ type: 'mobile', value: phone.typed }],
        [URN.accountStatus]: { invited: false },
      });
    });

    it('counts new phone accounts in one daily allowance for REST and SCIM (R6)', async () => {
      const limited = await seedCommunity(world, { country: 'GB' });
      const { scim: limitedScim, rest: limitedRest } = await operatorTokens(world, limited.slug);
      expect(
        (await limitedRest.call('PATCH', '/api/v1/settings', { phoneProfilesEnabled: true })).statusCode,
      ).toBe(200);
      const { phoneAccounts } = (await limitedRest.call('GET', '/api/v1/limits')).json();
      expect(phoneAccounts.used).toBe(0);
      const numbers = Array.from({ length: phoneAccounts.limit }, () => freshMobile());
      const batch = await limitedRest.call('POST', '/api/v1/people/batch', {
        people: numbers.slice(0, -2).map((n, i) => ({ phone: n.typed, displayName: `Batch ${i}` })),
        sendInvitations: false,
      });
      expect(batch.statusCode, batch.body).toBe(200);
      expect(batch.json().failed).toBe(0);
      const quiet = { [URN.accountStatus]: { invited: false } };
      const [secondLast, last] = numbers.slice(-2);
      await limitedScim.createUser({
        displayName: 'Second last',
        phoneNumbers: [{ type: 'mobile', value: secondLast?.typed }],
        ...quiet,
      });
      const byRest = await limitedRest.call('POST', '/api/v1/people', {
        phone: last?.typed,
        displayName: 'Last',
        sendInvitation: false,
      });
      expect(byRest.statusCode, byRest.body).toBe(201);
      const extra = freshMobile();
      const refused = expectScimError(
        await limitedScim.post('Users', {
          schemas: [URN.user],
          displayName: 'One too many',
          phoneNumbers: [{ type: 'mobile', value: extra.typed }],
          ...quiet,
        }),
        429,
      );
      expect(refused.detail).toMatch(/limit/);
      expectProblem(
        await limitedRest.call('POST', '/api/v1/people', {
          phone: extra.typed,
          displayName: 'Also too many',
          sendInvitation: false,
        }),
        429,
        'phone_account_daily_limit',
      );
      // Email accounts are not counted.
      await limitedScim.createUser({ userName: 'still.fine@limited.example', displayName: 'Still Fine' });
    });

    it("keeps a phone account's number for life: PUT and PATCH of another mobile are refused with mutability (R4)", async () => {
      const phone = freshMobile();
      const other = freshMobile();
      const user = await scim.createUser({
        displayName: 'Fixed Number',
        phoneNumbers: [{ type: 'mobile', value: phone.typed }],
      });
      const id = user.id;
      const full = { schemas: [URN.user], userName: user.userName, displayName: 'Fixed Number' };

      // The same number written another way is no change.
      const same = expectScim(
        await scim.put(`Users/${id}`, {
          ...full,
          phoneNumbers: [{ type: 'mobile', value: `+44 ${phone.e164.slice(3)}` }],
        }),
      );
      expect(same.phoneNumbers).toEqual([{ type: 'mobile', value: `+44 ${phone.e164.slice(3)}` }]);

      expectScimError(
        await scim.put(`Users/${id}`, { ...full, phoneNumbers: [{ type: 'mobile', value: other.typed }] }),
        400,
        'mutability',
      );
      expectScimError(
        await scim.patch(`Users/${id}`, [
          { op: 'replace', path: 'phoneNumbers[type eq "mobile"].value', value: other.typed },
        ]),
        400,
        'mutability',
      );
      expectScimError(
        await scim.patch(`Users/${id}`, [
          { op: 'Replace', value: { phoneNumbers: [{ type: 'mobile', value: other.typed }] } },
        ]),
        400,
        'mutability',
      );
      // A PATCH is all or nothing: the title before the refused operation is not kept either.
      expectScimError(
        await scim.patch(`Users/${id}`, [
          { op: 'replace', path: 'title', value: 'Half done' },
          { op: 'replace', path: 'phoneNumbers[type eq "mobile"].value', value: other.typed },
        ]),
        400,
        'mutability',
      );
      expect(await rest.person(id)).toMatchObject({ phone: phone.e164, jobTitle: null });
      expect(expectScim(await scim.search(`userName eq "${other.e164}"`)).totalResults).toBe(0);
    });

    it('resets a claimed account to unclaimed through the Workplace extension, texting a new link (R12)', async () => {
      const phone = freshMobile();
      const user = await scim.createUser({
        displayName: 'Reset Rita',
        phoneNumbers: [{ type: 'mobile', value: phone.typed }],
      });
      const firstLink = await claim(world, phone.e164);
      expect((await rest.person(user.id)).state).toBe('active');

      const reset = expectScim(
        await scim.patch(`Users/${user.id}`, [
          {
            op: 'Replace',
            value: { [`${URN.accountStatus}:invited`]: 'True', [`${URN.accountStatus}:claimed`]: 'False' },
          },
        ]),
      );
      // Claimed once, it stays undeletable until deactivated (R23's refinement).
      expect(accountStatus(reset)).toMatchObject({ invited: true, claimed: false, canDelete: false });
      expect((await rest.person(user.id)).state).toBe('invited');
      await dispatchDue(world);
      const newLink = latestClaimToken(world, phone.e164);
      expect(newLink).not.toBe(firstLink);
      const old = await world.app.inject({
        method: 'POST',
        url: `/api/v1/claim/${firstLink}`,
        payload: { password: 'another long password' },
      });
      expect(old.statusCode).toBeGreaterThanOrEqual(400);
      await claim(world, phone.e164, 'a fresh start password');
      expect((await rest.person(user.id)).state).toBe('active');
    });

    it('deletes a never-claimed account (204) but not a claimed active one (412) until it is deactivated (R23)', async () => {
      const never = await scim.createUser({
        userName: 'never.claimed@contoso.example',
        displayName: 'Never Claimed',
      });
      expect((await scim.delete(`Users/${never.id}`)).statusCode).toBe(204);

      const phone = freshMobile();
      const worker = await scim.createUser({
        displayName: 'Claimed Carl',
        phoneNumbers: [{ type: 'mobile', value: phone.typed }],
      });
      await claim(world, phone.e164);
      const refused = expectScimError(await scim.delete(`Users/${worker.id}`), 412);
      expect(refused.detail.length).toBeGreaterThan(10);
      expect((await rest.person(worker.id)).state).toBe('active');
      expect(
        expectScim(await scim.patch(`Users/${worker.id}`, [{ op: 'replace', value: { active: false } }]))
          .active,
      ).toBe(false);
      expect((await scim.delete(`Users/${worker.id}`)).statusCode).toBe(204);
      expectScimError(await scim.get(`Users/${worker.id}`), 404);
      const tombstone = await world.deps.db
        .selectFrom('audit_events')
        .select(['type', 'actor_id'])
        .where('target_id', '=', worker.id)
        .where('type', '=', 'Account Deleted')
        .execute();
      expect(tombstone).toEqual([{ type: 'Account Deleted', actor_id: scim.tokenId }]);
    });

    it('never sets a role, a state or a secret from fields slipped into a User (R35)', async () => {
      const user = await scim.createUser({
        userName: 'mass.assign@contoso.example',
        displayName: 'Mass Assign',
        roles: [{ value: 'system_admin', primary: true }],
        role: 'system_admin',
        password: 'smuggled password 123',
        [URN.accountStatus]: { claimed: true, invited: true, canDelete: false },
        id: randomUUID(),
        meta: { created: '2001-01-01T00:00:00Z' },
      });
      const person = await rest.person(user.id);
      // `invited: true` asks for the invitation email, which an email account gets (R20); no more.
      expect(person).toMatchObject({ role: 'member', state: 'invited', claimedAt: null });
      expect(accountStatus(user)).toMatchObject({ claimed: false });
      const put = await scim.put(`Users/${user.id}`, {
        schemas: [URN.user],
        userName: 'mass.assign@contoso.example',
        displayName: 'Mass Assign',
        [URN.accountStatus]: { claimed: true, invited: true },
        roles: [{ value: 'system_admin' }],
      });
      expect(put.statusCode).toBeLessThan(500);
      expect(await rest.person(user.id)).toMatchObject({ role: 'member', claimedAt: null });
      const row = await world.deps.db
        .selectFrom('people')
        .select(['password_hash'])
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(row.password_hash).toBeNull();
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('between communities (R35)', () => {
    let b: { slug: string; adminId: string; userId: string; groupId: string; scim: Scim };

    beforeAll(async () => {
      const seeded = await seedCommunity(world, { country: 'GB' });
      const { scim: bScim } = await operatorTokens(world, seeded.slug);
      const user = await bScim.createUser({
        userName: 'only.in.b@b.example',
        displayName: 'Only In B',
        externalId: 'b-1',
      });
      const group = expectScim(
        await bScim.post('Groups', {
          schemas: [URN.group],
          displayName: 'B team',
          members: [{ value: user.id }],
        }),
        201,
      );
      b = {
        slug: seeded.slug,
        adminId: seeded.admin.id,
        userId: user.id,
        groupId: group.id as string,
        scim: bScim,
      };
    });

    it("answers 404 for another community's users and groups, whatever the method, and changes nothing", async () => {
      const before = expectScim(await b.scim.get(`Users/${b.userId}`));
      for (const id of [b.userId, b.adminId]) {
        expectScimError(await scim.get(`Users/${id}`), 404);
        expectScimError(
          await scim.put(`Users/${id}`, { schemas: [URN.user], userName: 'taken.over@a.example' }),
          404,
        );
        expectScimError(await scim.patch(`Users/${id}`, [{ op: 'replace', value: { active: false } }]), 404);
        expectScimError(await scim.delete(`Users/${id}`), 404);
      }
      expectScimError(await scim.get(`Groups/${b.groupId}`), 404);
      expectScimError(
        await scim.patch(`Groups/${b.groupId}`, [{ op: 'replace', path: 'displayName', value: 'Mine' }]),
        404,
      );
      expectScimError(await scim.delete(`Groups/${b.groupId}`), 404);
      expect(expectScim(await b.scim.get(`Users/${b.userId}`))).toEqual(before);
      expect(expectScim(await b.scim.get(`Groups/${b.groupId}`)).displayName).toBe('B team');
    });

    it("never lists or finds another community's users or groups, nor takes them as members", async () => {
      const all = expectScim(await scim.get('Users?count=1000'));
      const ids = (all.Resources as Json[]).map((u) => u.id);
      expect(ids).not.toContain(b.userId);
      expect(ids).not.toContain(b.adminId);
      expect(all.totalResults).toBe(ids.length);
      for (const filter of [
        'userName eq "only.in.b@b.example"',
        'externalId eq "b-1"',
        `id eq "${b.userId}"`,
      ]) {
        expect(expectScim(await scim.search(filter)).totalResults).toBe(0);
      }
      const searched = expectScim(
        await scim.post('.search', { schemas: [URN.searchRequest], filter: 'userName sw "only.in.b"' }),
      );
      expect(searched.totalResults).toBe(0);
      const groups = expectScim(await scim.get('Groups'));
      expect((groups.Resources as Json[]).map((g) => g.id)).not.toContain(b.groupId);
      expectScimError(
        await scim.post('Groups', {
          schemas: [URN.group],
          displayName: 'Poachers',
          members: [{ value: b.userId }],
        }),
        400,
        'invalidValue',
      );
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('protocol (RFC 7643, RFC 7644)', () => {
    it('describes itself: ServiceProviderConfig, ResourceTypes and Schemas', async () => {
      const config = expectScim(await scim.get('ServiceProviderConfig'));
      expect(config).toMatchObject({
        schemas: [URN.serviceProviderConfig],
        patch: { supported: true },
        bulk: { supported: false },
        filter: { supported: true, maxResults: expect.any(Number) },
        changePassword: { supported: false },
        sort: { supported: expect.any(Boolean) },
        etag: { supported: true },
      });
      expect(config.authenticationSchemes).toEqual([
        expect.objectContaining({
          type: 'oauthbearertoken',
          name: expect.any(String),
          description: expect.any(String),
        }),
      ]);

      const types = expectScim(await scim.get('ResourceTypes'));
      expect(types).toMatchObject({ schemas: [URN.listResponse], totalResults: 2 });
      const [userType, groupType] = types.Resources as Json[];
      expect(userType).toMatchObject({
        schemas: [URN.resourceType],
        id: 'User',
        name: 'User',
        endpoint: '/Users',
        schema: URN.user,
        meta: { resourceType: 'ResourceType', location: `${BASE}/ResourceTypes/User` },
      });
      expect(userType?.schemaExtensions).toEqual(
        expect.arrayContaining([
          { schema: URN.enterprise, required: false },
          { schema: URN.accountStatus, required: false },
        ]),
      );
      expect(groupType).toMatchObject({ id: 'Group', endpoint: '/Groups', schema: URN.group });
      expect(expectScim(await scim.get('ResourceTypes/User'))).toEqual(userType);

      const schemas = expectScim(await scim.get('Schemas'));
      const byId = new Map((schemas.Resources as Json[]).map((s) => [s.id, s]));
      expect([...byId.keys()]).toEqual(
        expect.arrayContaining([URN.user, URN.group, URN.enterprise, URN.accountStatus]),
      );
      const userSchema = byId.get(URN.user) as { attributes: Json[] };
      const attribute = (name: string) => userSchema.attributes.find((a) => a.name === name);
      expect(attribute('userName')).toMatchObject({
        type: 'string',
        multiValued: false,
        required: true,
        caseExact: false,
        uniqueness: 'server',
      });
      expect(attribute('emails')).toMatchObject({ type: 'complex', multiValued: true });
      expect(attribute('active')).toMatchObject({ type: 'boolean' });
      for (const schema of byId.values()) {
        expect(schema).toMatchObject({
          schemas: [URN.schema],
          name: expect.any(String),
          attributes: expect.any(Array),
        });
        for (const a of (schema as { attributes: Json[] }).attributes) {
          expect(a).toMatchObject({
            name: expect.any(String),
            type: expect.any(String),
            multiValued: expect.any(Boolean),
          });
        }
      }
      // Workplace's names are all there, and the secrets among them say they are never returned.
      const statusSchema = byId.get(URN.accountStatus) as { attributes: Json[] };
      const returned = Object.fromEntries(statusSchema.attributes.map((a) => [a.name, a.returned]));
      expect(returned).toEqual({
        claimed: 'default',
        claimDate: 'default',
        invited: 'default',
        inviteDate: 'default',
        canDelete: 'default',
        accessCode: 'never',
        accessCodeExpirationDate: 'never',
        claimLink: 'never',
      });
      expect(expectScim(await scim.get(`Schemas/${URN.enterprise}`)).id).toBe(URN.enterprise);
      expectScimError(await scim.get('Schemas/urn:nothing:here'), 404);
      expectScimError(await scim.get('ResourceTypes/Printer'), 404);
    });

    it('reads application/scim+json and plain JSON, and answers application/scim+json', async () => {
      const asJson = await scim.post(
        'Users',
        { schemas: [URN.user], userName: 'plain.json@contoso.example', displayName: 'Plain Json' },
        { 'content-type': 'application/json' },
      );
      expectScim(asJson, 201);
      const withCharset = await scim.post(
        'Users',
        { schemas: [URN.user], userName: 'charset@contoso.example', displayName: 'With Charset' },
        { 'content-type': 'application/scim+json; charset=utf-8' },
      );
      expectScim(withCharset, 201);
      const other = await scim.post('Users', 'userName=form@contoso.example', {
        'content-type': 'application/x-www-form-urlencoded',
      });
      expect(other.statusCode).toBe(415);
      expect(other.headers['content-type']).toMatch(SCIM_JSON);
    });

    it('finds users case-insensitively by userName, and by path in any case', async () => {
      await scim.createUser({ userName: 'Mixed.Case@Contoso.example', displayName: 'Mixed Case' });
      for (const value of [
        'mixed.case@contoso.example',
        'MIXED.CASE@CONTOSO.EXAMPLE',
        'Mixed.Case@Contoso.example',
      ]) {
        const found = expectScim(await scim.search(`userName eq "${value}"`));
        expect(found.totalResults, value).toBe(1);
        expect((found.Resources as Json[])[0]?.userName).toBe('Mixed.Case@Contoso.example');
      }
      const lower = expectScim(
        await scim.get(
          `/scim/v2/users?filter=${encodeURIComponent('USERNAME EQ "mixed.case@contoso.example"')}`,
        ),
      );
      expect(lower.totalResults).toBe(1);
      const id = (lower.Resources as Json[])[0]?.id as string;
      expect(expectScim(await scim.get(`/scim/v2/USERS/${id}`)).id).toBe(id);
      expectScim(await scim.get('/scim/v2/serviceproviderconfig'));
      expectScim(await scim.get('/scim/v2/Users/'));
    });

    it('answers a lookup that finds nothing with 200 and no results, and an unknown id with 404', async () => {
      for (const filter of [
        'userName eq "nobody@nowhere.example"',
        'externalId eq "missing"',
        'title sw "zzz"',
      ]) {
        const none = expectScim(await scim.search(filter));
        expect(none).toMatchObject({ schemas: [URN.listResponse], totalResults: 0, itemsPerPage: 0 });
        expect(none.Resources ?? []).toEqual([]);
      }
      expect(
        expectScim(await scim.get(`Groups?filter=${encodeURIComponent('displayName eq "No such group"')}`))
          .totalResults,
      ).toBe(0);
      expectScimError(await scim.get(`Users/${randomUUID()}`), 404);
      expectScimError(await scim.get('Users/not-a-uuid'), 404);
      expectScimError(await scim.get(`Groups/${randomUUID()}`), 404);
      expectScimError(
        await scim.patch(`Users/${randomUUID()}`, [{ op: 'replace', path: 'title', value: 'x' }]),
        404,
      );
      expectScimError(await scim.delete(`Users/${randomUUID()}`), 404);
      expectScimError(
        await scim.post('Bulk', { schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'] }),
        404,
      );
    });

    it('answers a GET of a path SCIM does not serve with a SCIM error, as it does other methods', async () => {
      for (const path of ['NoSuchEndpoint', 'Me', 'Bulk', 'Users/a/b']) {
        const response = await scim.get(path);
        expect(response.statusCode, path).toBe(404);
        expect(
          response.headers['content-type'],
          `GET /scim/v2/${path}: ${response.body.slice(0, 120)}`,
        ).toMatch(SCIM_JSON);
        expect(response.json().schemas, path).toEqual([URN.error]);
      }
    });

    it('refuses malformed JSON with invalidSyntax and a bad filter with invalidFilter', async () => {
      expectScimError(
        await scim.post('Users', '{"userName": "broken@contoso.example",'),
        400,
        'invalidSyntax',
      );
      const someone = await scim.createUser({ userName: 'syntax@contoso.example', displayName: 'Syntax' });
      expectScimError(
        await scim.request('PATCH', `Users/${someone.id}`, '{"Operations": [}'),
        400,
        'invalidSyntax',
      );
      expectScimError(
        await scim.request('PUT', `Users/${someone.id}`, 'not json at all'),
        400,
        'invalidSyntax',
      );
      for (const filter of [
        'userName eq',
        'userName xx "a"',
        '(userName eq "a"',
        'emails[type eq "work"',
        'userName eq "a" and',
        'userName eq unquoted',
        'not userName eq "a"',
      ]) {
        expectScimError(await scim.search(filter), 400, 'invalidFilter');
      }
      expectScimError(
        await scim.post('.search', { schemas: [URN.searchRequest], filter: 'userName eq' }),
        400,
        'invalidFilter',
      );
    });

    it('refuses duplicates with 409 uniqueness: userName in any case, employee ID, mobile number; externalId may repeat', async () => {
      const first = await scim.createUser({
        userName: 'unique.person@contoso.example',
        externalId: 'shared-idp-id',
        displayName: 'Unique Person',
        [URN.enterprise]: { employeeNumber: 'E-4242' },
      });
      expectScimError(
        await scim.post('Users', { schemas: [URN.user], userName: 'UNIQUE.Person@contoso.example' }),
        409,
        'uniqueness',
      );
      expectScimError(
        await scim.post('Users', {
          schemas: [URN.user],
          userName: 'someone.else@contoso.example',
          [URN.enterprise]: { employeeNumber: 'E-4242' },
        }),
        409,
        'uniqueness',
      );
      const phone = freshMobile();
      await scim.createUser({
        displayName: 'Phone One',
        phoneNumbers: [{ type: 'mobile', value: phone.typed }],
      });
      expectScimError(
        await scim.post('Users', {
          schemas: [URN.user],
          displayName: 'Phone Two',
          phoneNumbers: [{ type: 'mobile', value: `+44 ${phone.e164.slice(3)}` }],
        }),
        409,
        'uniqueness',
      );
      const second = await scim.createUser({
        userName: 'same.idp.id@contoso.example',
        externalId: 'shared-idp-id',
        displayName: 'Same IdP Id',
      });
      const both = expectScim(await scim.search('externalId eq "shared-idp-id"'));
      expect((both.Resources as Json[]).map((u) => u.id).sort()).toEqual([first.id, second.id].sort());
      expectScimError(
        await scim.put(`Users/${second.id}`, {
          schemas: [URN.user],
          userName: 'unique.person@contoso.example',
        }),
        409,
        'uniqueness',
      );
    });

    it('versions users and groups with ETags, and refuses a stale If-Match with 412', async () => {
      const user = await scim.createUser({ userName: 'etag.user@contoso.example', displayName: 'Etag User' });
      const read = await scim.get(`Users/${user.id}`);
      const etag = read.headers.etag as string;
      expect(etag).toMatch(/^W\/"\d+"$/);
      expect((read.json().meta as Json).version).toBe(etag);

      const changed = await scim.patch(
        `Users/${user.id}`,
        [{ op: 'replace', path: 'title', value: 'First' }],
        {
          'if-match': etag,
        },
      );
      expect(changed.statusCode, changed.body).toBe(200);
      const newEtag = changed.headers.etag as string;
      expect(newEtag).not.toBe(etag);
      expect((changed.json().meta as Json).version).toBe(newEtag);

      expectScimError(
        await scim.patch(`Users/${user.id}`, [{ op: 'replace', path: 'title', value: 'Lost update' }], {
          'if-match': etag,
        }),
        412,
      );
      expectScimError(
        await scim.put(
          `Users/${user.id}`,
          { schemas: [URN.user], userName: 'etag.user@contoso.example', title: 'Lost' },
          { 'if-match': etag },
        ),
        412,
      );
      expect(expectScim(await scim.get(`Users/${user.id}`)).title).toBe('First');
      const starred = await scim.patch(`Users/${user.id}`, [{ op: 'replace', path: 'title', value: 'Any' }], {
        'if-match': '*',
      });
      expect(starred.statusCode, starred.body).toBe(200);

      const group = await scim.post('Groups', { schemas: [URN.group], displayName: 'Etag Group' });
      const groupTag = group.headers.etag as string;
      expect(groupTag).toMatch(/^W\/"\d+"$/);
      const gid = group.json().id as string;
      const renamed = await scim.patch(
        `Groups/${gid}`,
        [{ op: 'replace', path: 'displayName', value: 'Etag Group 2' }],
        {
          'if-match': groupTag,
        },
      );
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect(renamed.headers.etag).not.toBe(groupTag);
      expectScimError(
        await scim.patch(`Groups/${gid}`, [{ op: 'replace', path: 'displayName', value: 'Lost' }], {
          'if-match': groupTag,
        }),
        412,
      );
      expect(expectScim(await scim.get(`Groups/${gid}`)).displayName).toBe('Etag Group 2');
    });
    it('refuses a DELETE whose If-Match is stale with 412, for users and groups (RFC 7644 §3.14)', async () => {
      const user = await scim.createUser({
        userName: 'etag.delete@contoso.example',
        displayName: 'Etag Delete',
      });
      const etag = (await scim.get(`Users/${user.id}`)).headers.etag as string;
      await scim.patch(`Users/${user.id}`, [{ op: 'replace', path: 'title', value: 'Changed since' }]);
      const stale = await scim.delete(`Users/${user.id}`, { 'if-match': etag });
      expect(stale.statusCode, `DELETE /Users with a stale If-Match: ${stale.statusCode} ${stale.body}`).toBe(
        412,
      );
      expect((await scim.get(`Users/${user.id}`)).statusCode).toBe(200);
      const current = (await scim.get(`Users/${user.id}`)).headers.etag as string;
      expect((await scim.delete(`Users/${user.id}`, { 'if-match': current })).statusCode).toBe(204);

      const group = await scim.post('Groups', { schemas: [URN.group], displayName: 'Etag Delete Group' });
      const gid = group.json().id as string;
      await scim.patch(`Groups/${gid}`, [{ op: 'replace', path: 'displayName', value: 'Renamed since' }]);
      const staleGroup = await scim.delete(`Groups/${gid}`, { 'if-match': group.headers.etag as string });
      expect(staleGroup.statusCode, `DELETE /Groups with a stale If-Match: ${staleGroup.body}`).toBe(412);
      expect((await scim.get(`Groups/${gid}`)).statusCode).toBe(200);
    });

    it('gives a created group its Location, as a created user has (RFC 7644 §3.3)', async () => {
      const created = await scim.post('Groups', { schemas: [URN.group], displayName: 'Located' });
      expectScim(created, 201);
      expect(created.headers.location).toBe(`${BASE}/Groups/${created.json().id}`);
    });

    it('loses no change when PATCHes of one user without If-Match arrive together', async () => {
      const user = await scim.createUser({
        userName: 'parallel.user@contoso.example',
        displayName: 'Parallel User',
      });
      const changes: [string, string][] = [
        ['title', 'Parallel title'],
        ['displayName', 'Parallel name'],
        ['nickName', 'Parallel nick'],
        [`${URN.enterprise}:department`, 'Parallel department'],
      ];
      const answers = await Promise.all(
        changes.map(([path, value]) => scim.patch(`Users/${user.id}`, [{ op: 'replace', path, value }])),
      );
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
      const now = expectScim(await scim.get(`Users/${user.id}`));
      expect({
        title: now.title,
        displayName: now.displayName,
        nickName: now.nickName,
        department: enterprise(now).department,
      }).toEqual({
        title: 'Parallel title',
        displayName: 'Parallel name',
        nickName: 'Parallel nick',
        department: 'Parallel department',
      });
    });

    it('lets only one of two PATCHes carrying the same If-Match through; the other is 412', async () => {
      const user = await scim.createUser({ userName: 'if.match.race@contoso.example', displayName: 'Race' });
      const etag = (await scim.get(`Users/${user.id}`)).headers.etag as string;
      const answers = await Promise.all(
        ['First writer', 'Second writer'].map((title) =>
          scim.patch(`Users/${user.id}`, [{ op: 'replace', path: 'title', value: title }], {
            'if-match': etag,
          }),
        ),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 412]);
      const winner = answers.find((a) => a.statusCode === 200)?.json().title;
      expect(expectScim(await scim.get(`Users/${user.id}`)).title).toBe(winner);
    });

    it('applies every one of several member additions to one group arriving together, none refused', async () => {
      const members = await Promise.all(
        [1, 2, 3, 4, 5].map((n) =>
          scim.createUser({ userName: `parallel.member${n}@contoso.example`, displayName: `Member ${n}` }),
        ),
      );
      const group = expectScim(
        await scim.post('Groups', { schemas: [URN.group], displayName: 'Parallel group' }),
        201,
      );
      const answers = await Promise.all(
        members.map((m) =>
          scim.patch(`Groups/${group.id}`, [{ op: 'Add', path: 'members', value: [{ value: m.id }] }]),
        ),
      );
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
      expect(memberIds(expectScim(await scim.get(`Groups/${group.id}`)))).toEqual(
        members.map((m) => m.id).sort(),
      );
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('filters, projection and paging, over a known set of users', () => {
    let f: Scim;
    const ids: Record<string, string> = {};
    const created: Record<string, string> = {};

    beforeAll(async () => {
      const seeded = await seedCommunity(world, { country: 'GB' });
      const tokens = await operatorTokens(world, seeded.slug);
      f = tokens.scim;
      expect(
        (await tokens.rest.call('PATCH', '/api/v1/settings', { phoneProfilesEnabled: true })).statusCode,
      ).toBe(200);
      ids.ada = seeded.admin.id;
      const make = async (key: string, body: Json) => {
        world.clock.advanceMinutes(1);
        const user = await f.createUser(body);
        ids[key] = user.id;
        created[key] = (user.meta as Json).created as string;
      };
      await make('alice', {
        userName: 'alice@filters.example',
        displayName: 'Alice Archer',
        name: { givenName: 'Alice', familyName: 'Archer' },
        title: 'Engineer',
        externalId: 'ext-1',
        emails: [{ type: 'work', value: 'alice@filters.example', primary: true }],
        [URN.enterprise]: { department: 'Engineering', employeeNumber: 'F-1' },
      });
      await make('bob', {
        userName: 'bob@filters.example',
        displayName: 'Bob Baker',
        title: 'Manager',
        externalId: 'ext-2',
        emails: [{ type: 'work', value: 'bob@filters.example', primary: true }],
        [URN.enterprise]: { department: 'Operations', manager: { value: ids.alice } },
      });
      await make('carol', { userName: 'Carol.Smith', displayName: 'Carol Smith', active: false });
      await make('dan', {
        displayName: 'Dan Driver',
        title: 'Driver',
        phoneNumbers: [{ type: 'mobile', value: '07400 300001' }],
        [URN.accountStatus]: { invited: false },
      });
    });

    const NAME_OF: Record<string, string> = {
      ada: 'Ada Admin',
      alice: 'Alice Archer',
      bob: 'Bob Baker',
      carol: 'Carol Smith',
      dan: 'Dan Driver',
    };

    async function matching(filter: string): Promise<string[]> {
      const response = await f.search(filter, '&count=100');
      const body = expectScim(response);
      const names = (body.Resources as Json[]).map((u) => u.displayName as string);
      expect(body.totalResults, filter).toBe(names.length);
      return names.sort();
    }
    const people = (...keys: string[]) => keys.map((k) => NAME_OF[k] ?? k).sort();

    it('applies every comparison operator: eq ne co sw ew pr gt ge lt le', async () => {
      const cases: [string, string[]][] = [
        ['userName eq "ALICE@filters.example"', people('alice')],
        ['userName eq "carol.smith"', people('carol')],
        ['title ne "Engineer" and title pr', people('bob', 'dan')],
        ['displayName co "AKE"', people('bob')],
        ['userName sw "BOB"', people('bob')],
        ['userName ew "@FILTERS.example"', people('alice', 'bob')],
        ['externalId pr', people('alice', 'bob')],
        ['title pr', people('alice', 'bob', 'dan')],
        ['displayName gt "C"', people('carol', 'dan')],
        ['displayName ge "carol smith"', people('carol', 'dan')],
        ['displayName lt "b"', people('ada', 'alice')],
        ['displayName le "BOB BAKER"', people('ada', 'alice', 'bob')],
        [`meta.created gt "${created.alice}"`, people('bob', 'carol', 'dan')],
        [`meta.created ge "${created.bob}"`, people('bob', 'carol', 'dan')],
        [`meta.created lt "${created.bob}"`, people('ada', 'alice')],
        [`meta.created le "${created.alice}"`, people('ada', 'alice')],
        ['active eq false', people('carol')],
        ['active eq true and title eq "driver"', people('dan')],
        ['externalId eq "ext-1"', people('alice')],
        ['externalId eq "EXT-1"', []],
        [`${URN.enterprise}:department eq "operations"`, people('bob')],
        [`${URN.enterprise}:employeeNumber eq "F-1"`, people('alice')],
        [`${URN.enterprise}:manager.value eq "${ids.alice}"`, people('bob')],
        [`${URN.accountStatus}:invited eq false`, people('carol', 'dan')],
        [`id eq "${ids.dan}"`, people('dan')],
      ];
      for (const [filter, expected] of cases) expect(await matching(filter), filter).toEqual(expected);
    });

    it('combines with and, or, not and parentheses, "and" binding tighter than "or", keywords in any case', async () => {
      const cases: [string, string[]][] = [
        ['(title eq "Engineer" or title eq "Manager") and not (userName sw "bob")', people('alice')],
        ['title eq "Driver" or title eq "Engineer" and active eq false', people('dan')],
        ['(title eq "Driver" or title eq "Engineer") and active eq true', people('alice', 'dan')],
        ['not (title pr)', people('ada', 'carol')],
        ['userName EQ "bob@filters.example" OR userName Eq "alice@filters.example"', people('alice', 'bob')],
        ['USERNAME eq "bob@filters.example"', people('bob')],
        ['not (active eq true) or (displayName sw "ada")', people('ada', 'carol')],
      ];
      for (const [filter, expected] of cases) expect(await matching(filter), filter).toEqual(expected);
    });

    it('filters inside multi-valued attributes with value paths and sub-attributes', async () => {
      const cases: [string, string[]][] = [
        ['emails[type eq "work" and value co "bob"]', people('bob')],
        ['emails[value ew "@filters.example"]', people('alice', 'bob')],
        ['emails.value sw "alice"', people('alice')],
        ['emails pr', people('ada', 'alice', 'bob')],
        ['phoneNumbers[type eq "mobile" and value eq "07400 300001"]', people('dan')],
        ['phoneNumbers[value eq "+447400300001"]', people('dan')],
        ['phoneNumbers pr', people('dan')],
        ['emails[type eq "work"] and title eq "Manager"', people('bob')],
      ];
      for (const [filter, expected] of cases) expect(await matching(filter), filter).toEqual(expected);
    });

    it('returns only the attributes asked for, or all but the excluded ones', async () => {
      const only = expectScim(await f.get(`Users/${ids.alice}?attributes=userName,emails`));
      expect(Object.keys(only).sort()).toEqual(['emails', 'id', 'schemas', 'userName']);
      const sub = expectScim(
        await f.get(`Users/${ids.alice}?attributes=name.givenName,${URN.enterprise}:department`),
      );
      expect(sub).toMatchObject({
        id: ids.alice,
        name: { givenName: 'Alice' },
        [URN.enterprise]: { department: 'Engineering' },
      });
      expect((sub.name as Json).familyName).toBeUndefined();
      expect(enterprise(sub).employeeNumber).toBeUndefined();
      expect(sub.userName).toBeUndefined();

      const excluded = expectScim(await f.get(`Users/${ids.alice}?excludedAttributes=emails,groups,meta`));
      expect(excluded).toMatchObject({
        id: ids.alice,
        userName: 'alice@filters.example',
        displayName: 'Alice Archer',
      });
      for (const gone of ['emails', 'groups', 'meta']) expect(excluded).not.toHaveProperty(gone);

      const list = expectScim(await f.search('userName ew "@filters.example"', '&attributes=userName'));
      for (const user of list.Resources as Json[])
        expect(Object.keys(user).sort()).toEqual(['id', 'schemas', 'userName']);
      const searched = expectScim(
        await f.post('Users/.search', {
          schemas: [URN.searchRequest],
          filter: 'userName sw "bob"',
          attributes: ['displayName'],
          startIndex: 1,
          count: 10,
        }),
      );
      expect(searched).toMatchObject({
        schemas: [URN.listResponse],
        totalResults: 1,
        startIndex: 1,
        itemsPerPage: 1,
      });
      expect(searched.Resources).toEqual([
        { schemas: expect.any(Array), id: ids.bob, displayName: 'Bob Baker' },
      ]);
      const atRoot = expectScim(
        await f.post('.search', {
          schemas: [URN.searchRequest],
          filter: 'title eq "driver"',
          excludedAttributes: ['groups'],
        }),
      );
      expect((atRoot.Resources as Json[]).map((u) => u.id)).toEqual([ids.dan]);
      expect((atRoot.Resources as Json[])[0]).not.toHaveProperty('groups');
    });

    it('pages with startIndex and count in a stable order by id, even while users change', async () => {
      const everyone = Object.values(ids).sort();
      const seen: string[] = [];
      for (let startIndex = 1; startIndex <= everyone.length + 2; startIndex += 2) {
        const page = expectScim(await f.get(`Users?startIndex=${startIndex}&count=2`));
        expect(page).toMatchObject({ totalResults: everyone.length, startIndex });
        const pageIds = (page.Resources as Json[]).map((u) => u.id as string);
        expect(page.itemsPerPage).toBe(pageIds.length);
        expect(pageIds.length).toBe(Math.max(0, Math.min(2, everyone.length - startIndex + 1)));
        seen.push(...pageIds);
        // A change between pages moves nobody.
        await f.patch(`Users/${ids.carol}`, [{ op: 'replace', path: 'title', value: `Page ${startIndex}` }]);
      }
      expect(seen).toEqual(everyone);
      const totalOnly = expectScim(await f.get('Users?count=0'));
      expect(totalOnly).toMatchObject({ totalResults: everyone.length, itemsPerPage: 0 });
      expect(totalOnly.Resources ?? []).toEqual([]);
      const fromZero = expectScim(await f.get('Users?startIndex=0&count=1'));
      expect(fromZero.startIndex).toBe(1);
      expect((fromZero.Resources as Json[]).map((u) => u.id)).toEqual([everyone[0]]);
      const filtered = expectScim(await f.search('userName ew "@filters.example"', '&startIndex=2&count=1'));
      expect(filtered).toMatchObject({ totalResults: 2, startIndex: 2, itemsPerPage: 1 });
      expect((filtered.Resources as Json[])[0]?.id).toBe([ids.alice, ids.bob].sort()[1]);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('audit (R36)', () => {
    it('records every change made through SCIM with the token as the actor, never as its owner', async () => {
      const rows = await world.deps.db
        .selectFrom('audit_events')
        .select(['type', 'actor_id', 'actor_label'])
        .where('actor_id', '=', scim.tokenId)
        .execute();
      const types = new Set(rows.map((r) => r.type));
      for (const type of [
        'Account Created',
        'Account Updated',
        'Account Deactivated',
        'Account Reactivated',
        'Account Deleted',
        'Account Set To Unclaimed',
        'Invitation Sent',
        'Group Created',
        'Group Updated',
        'Group Deleted',
      ]) {
        expect(types, type).toContain(type);
      }
      expect(new Set(rows.map((r) => r.actor_label))).toEqual(new Set([TOKEN_LABEL]));
      // The admin who made the token did none of it by hand (setup recorded the admin's own account).
      const byAdmin = await world.deps.db
        .selectFrom('audit_events')
        .select('type')
        .where('actor_id', '=', adminId)
        .where('target_id', '!=', adminId)
        .where('type', 'in', ['Account Created', 'Account Updated', 'Account Deleted', 'Group Created'])
        .execute();
      expect(byAdmin).toEqual([]);
    });
  });
});
