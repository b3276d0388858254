import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import type { Role } from '../src/storage/schema.js';
import {
  activateWithPassword,
  type Client,
  eachDatabase,
  expectProblem,
  seedCommunity,
  signIn,
  type World,
} from './harness.js';

// People through the REST API, on SQLite and PostgreSQL alike. Every test seeds its own
// community, so counts and lists below see only what that test made.

const STAFF_PASSWORD = 'a quiet harbour at dawn 42';

interface Admin {
  communityId: string;
  slug: string;
  adminId: string;
  client: Client;
}

let serial = 0;
/** A GB mobile number nobody else in this run has (07400 numbers are mobiles). */
function mobile(): string {
  serial += 1;
  return `+447400${String(serial).padStart(6, '0')}`;
}
function email(tag = 'person'): string {
  serial += 1;
  return `${tag}.${serial}@example.com`;
}

async function community(world: World): Promise<Admin> {
  const { community, admin, slug } = await seedCommunity(world);
  const client = await signIn(world.app, admin.email ?? '', undefined, slug);
  return { communityId: community.id, slug, adminId: admin.id, client };
}

async function enablePhoneProfiles(admin: Admin) {
  const response = await admin.client.patch('/api/v1/settings', { phoneProfilesEnabled: true });
  expect(response.statusCode, response.body).toBe(200);
}

async function addPerson(client: Client, body: Record<string, unknown>) {
  const response = await client.post('/api/v1/people', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; [key: string]: unknown };
}

/** A signed-in person with the given role, made the way an admin would. */
async function staff(world: World, admin: Admin, role: Role) {
  const login = email(role);
  const person = await addPerson(admin.client, { email: login, displayName: `Staff ${role}` });
  if (role !== 'member') {
    const promoted = await admin.client.put(`/api/v1/people/${person.id}/role`, { role });
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect(promoted.json().role).toBe(role);
  }
  await activateWithPassword(world, person.id, STAFF_PASSWORD);
  const client = await signIn(world.app, login, STAFF_PASSWORD, admin.slug);
  return { id: person.id, email: login, client };
}

async function peopleRows(world: World, communityId: string) {
  return world.deps.db
    .selectFrom('people')
    .selectAll()
    .where('community_id', '=', communityId)
    .orderBy('id')
    .execute();
}

async function countPeople(world: World, communityId: string): Promise<number> {
  return (await peopleRows(world, communityId)).length;
}

async function auditRows(world: World, communityId: string, type?: string) {
  let query = world.deps.db.selectFrom('audit_events').selectAll().where('community_id', '=', communityId);
  if (type) query = query.where('type', '=', type);
  return query.orderBy('id').execute();
}

const ACCESS_DENIED = 'Access Denied';

/**
 * Everything a refused request must leave untouched: the people rows and the audit log. A 403 is
 * itself recorded (R36) as an "Access Denied" row counting its occurrences, so those are counted
 * apart from every other row.
 */
async function snapshot(world: World, communityId: string) {
  const audit = await auditRows(world, communityId);
  const denied = audit.filter((row) => row.type === ACCESS_DENIED);
  return {
    people: await peopleRows(world, communityId),
    audit: audit.length - denied.length,
    accessDenied: denied.reduce((sum, row) => sum + Number(row.count), 0),
  };
}

async function expectUnchanged(
  world: World,
  communityId: string,
  before: Awaited<ReturnType<typeof snapshot>>,
) {
  expect(await snapshot(world, communityId)).toEqual(before);
}

/**
 * The refused requests changed nothing, and their refusals were recorded (R36): `times` more
 * occurrences in aggregated "Access Denied" rows, one per caller, as they came from one address
 * within one minute and named no person.
 */
async function expectOnlyRefusalsRecorded(
  world: World,
  communityId: string,
  before: Awaited<ReturnType<typeof snapshot>>,
  times: number,
) {
  expect(before.accessDenied).toBe(0);
  expect(await snapshot(world, communityId)).toEqual({ ...before, accessDenied: times });
  const rows = await auditRows(world, communityId, ACCESS_DENIED);
  expect(new Set(rows.map((row) => row.actor_id)).size).toBe(rows.length);
  expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(times);
  for (const row of rows) {
    expect(row).toMatchObject({ outcome: 'failure', target_id: null, ip: '127.0.0.1' });
  }
}

async function listAll(client: Client, query: string): Promise<{ id: string; [key: string]: unknown }[]> {
  const response = await client.get(`/api/v1/people?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.json().nextCursor).toBeNull();
  return response.json().items;
}

const idsOf = (items: { id: string }[]) => items.map((item) => item.id).sort();

eachDatabase('people API', (world) => {
  // ---------------------------------------------------------------- create / get / patch / delete

  it('creates a person with every profile field, reads, edits, clears fields and deletes them', async () => {
    const admin = await community(world);
    const manager = await addPerson(admin.client, { email: email('boss'), displayName: 'Bo Boss' });
    const before = await countPeople(world, admin.communityId);

    const input = {
      email: 'Ana.Silva@Example.COM',
      givenName: '  Ana ',
      familyName: 'Silva',
      jobTitle: 'Picker',
      department: 'Warehouse',
      division: 'North',
      organization: 'Acme Foods',
      costCenter: 'CC-12',
      location: 'Leeds',
      locale: 'en-GB',
      timeZone: 'Europe/London',
      managerId: manager.id,
      externalId: 'E-1001',
      startDate: '2026-04-01',
      frontline: true,
      sendInvitation: false,
    };
    const response = await admin.client.post('/api/v1/people', input);
    expect(response.statusCode, response.body).toBe(201);
    const person = response.json();
    expect(response.headers.location).toBe(`/api/v1/people/${person.id}`);
    expect(person).toMatchObject({
      loginKind: 'email',
      email: 'ana.silva@example.com',
      phone: null,
      username: null,
      givenName: 'Ana',
      familyName: 'Silva',
      displayName: 'Ana Silva',
      jobTitle: 'Picker',
      department: 'Warehouse',
      division: 'North',
      organization: 'Acme Foods',
      costCenter: 'CC-12',
      location: 'Leeds',
      locale: 'en-GB',
      timeZone: 'Europe/London',
      managerId: manager.id,
      externalId: 'E-1001',
      startDate: '2026-04-01',
      frontline: true,
      role: 'member',
      state: 'not_invited',
      invitedAt: null,
      claimedAt: null,
      deactivatedAt: null,
    });
    expect(await countPeople(world, admin.communityId)).toBe(before + 1);

    const fetched = await admin.client.get(`/api/v1/people/${person.id}`);
    expect(fetched.statusCode, fetched.body).toBe(200);
    expect(fetched.json()).toEqual(person);

    const edited = await admin.client.patch(`/api/v1/people/${person.id}`, {
      jobTitle: 'Team lead',
      department: '',
      division: null,
      managerId: null,
      frontline: false,
      displayName: 'Ana S.',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      jobTitle: 'Team lead',
      department: null,
      division: null,
      managerId: null,
      frontline: false,
      displayName: 'Ana S.',
      givenName: 'Ana',
      location: 'Leeds',
      email: 'ana.silva@example.com',
    });
    const refetched = await admin.client.get(`/api/v1/people/${person.id}`);
    expect(refetched.json()).toEqual(edited.json());

    const deleted = await admin.client.delete(`/api/v1/people/${person.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(deleted.body).toBe('');
    expectProblem(await admin.client.get(`/api/v1/people/${person.id}`), 404, 'not_found');
    expect(await countPeople(world, admin.communityId)).toBe(before);
  });

  it('derives the display name from given and family name, and lets an admin change the email', async () => {
    const admin = await community(world);
    const onlyFamily = await addPerson(admin.client, { email: email(), familyName: 'Okafor' });
    expect(onlyFamily.displayName).toBe('Okafor');
    const explicit = await addPerson(admin.client, {
      email: email(),
      givenName: 'Li',
      familyName: 'Wei',
      displayName: 'Wei Li',
    });
    expect(explicit.displayName).toBe('Wei Li');

    const taken = await addPerson(admin.client, { email: email('taken'), displayName: 'Taken' });
    const before = await snapshot(world, admin.communityId);
    expectProblem(
      await admin.client.patch(`/api/v1/people/${explicit.id}`, { email: String(taken.email).toUpperCase() }),
      409,
      'email_taken',
    );
    await expectUnchanged(world, admin.communityId, before);

    const changed = await admin.client.patch(`/api/v1/people/${explicit.id}`, {
      email: 'Wei.Li@New.Example',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().email).toBe('wei.li@new.example');
  });

  it('refuses a second person with the same employee ID (external_id_taken), writing nothing', async () => {
    const admin = await community(world);
    await addPerson(admin.client, { email: email(), displayName: 'First', externalId: 'E-77' });
    const before = await snapshot(world, admin.communityId);
    expectProblem(
      await admin.client.post('/api/v1/people', {
        email: email(),
        displayName: 'Second',
        externalId: 'E-77',
      }),
      409,
      'external_id_taken',
    );
    await expectUnchanged(world, admin.communityId, before);
  });

  it('R36: parallel edits of one person each succeed or conflict cleanly, one audit row per success, never 500', async () => {
    const admin = await community(world);
    const person = await addPerson(admin.client, { email: email(), displayName: 'Busy Bee' });
    const auditBefore = (await auditRows(world, admin.communityId, 'Account Updated')).length;
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        admin.client.patch(`/api/v1/people/${person.id}`, { jobTitle: `Title ${i}` }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    for (const response of responses) expect([200, 409], response.body).toContain(response.statusCode);
    const succeeded = responses.filter((r) => r.statusCode === 200);
    expect(succeeded.length).toBeGreaterThanOrEqual(1);
    const auditAfter = (await auditRows(world, admin.communityId, 'Account Updated')).length;
    expect(auditAfter - auditBefore, `statuses ${statuses.join(',')}`).toBe(succeeded.length);
    const final = await admin.client.get(`/api/v1/people/${person.id}`);
    expect(succeeded.map((r) => r.json().jobTitle)).toContain(final.json().jobTitle);
  });

  // ------------------------------------------------------------------------------------ listing

  it('lists people filtered by state and by kind of login', async () => {
    const admin = await community(world);
    await enablePhoneProfiles(admin);
    const notInvited = await addPerson(admin.client, {
      email: email(),
      displayName: 'Not Invited',
      sendInvitation: false,
    });
    const phone = await addPerson(admin.client, {
      phone: mobile(),
      displayName: 'Phone Person',
      sendInvitation: false,
    });
    const active = await addPerson(admin.client, { email: email(), displayName: 'Active Person' });
    await activateWithPassword(world, active.id, STAFF_PASSWORD);
    const invited = await addPerson(admin.client, { email: email(), displayName: 'Invited Person' });
    await world.deps.db
      .updateTable('people')
      .set({ invited: 1, invited_at: world.clock.now().toISOString() })
      .where('id', '=', invited.id)
      .execute();
    const gone = await addPerson(admin.client, { email: email(), displayName: 'Gone Person' });
    expect((await admin.client.post(`/api/v1/people/${gone.id}/deactivate`)).statusCode).toBe(200);

    const everyone = await listAll(admin.client, 'limit=200');
    expect(idsOf(everyone)).toEqual(
      [admin.adminId, notInvited.id, phone.id, active.id, invited.id, gone.id].sort(),
    );
    expect(idsOf(await listAll(admin.client, 'state=active'))).toEqual([admin.adminId, active.id].sort());
    expect(idsOf(await listAll(admin.client, 'state=not_invited'))).toEqual([notInvited.id, phone.id].sort());
    expect(idsOf(await listAll(admin.client, 'state=invited'))).toEqual([invited.id]);
    expect(idsOf(await listAll(admin.client, 'state=deactivated'))).toEqual([gone.id]);
    expect(idsOf(await listAll(admin.client, 'kind=phone'))).toEqual([phone.id]);
    expect(idsOf(await listAll(admin.client, 'kind=username'))).toEqual([]);
    expect(idsOf(await listAll(admin.client, 'kind=email'))).toEqual(
      [admin.adminId, notInvited.id, active.id, invited.id, gone.id].sort(),
    );
    expect(idsOf(await listAll(admin.client, 'kind=email&state=not_invited'))).toEqual([notInvited.id]);
    for (const item of await listAll(admin.client, 'state=invited')) expect(item.state).toBe('invited');

    expectProblem(await admin.client.get('/api/v1/people?state=sleeping'), 400, 'invalid_request');
    expectProblem(await admin.client.get('/api/v1/people?kind=fax'), 400, 'invalid_request');
    expectProblem(await admin.client.get('/api/v1/people?colour=red'), 400, 'invalid_request');
    expectProblem(await admin.client.get('/api/v1/people?limit=0'), 400, 'invalid_request');
    expectProblem(await admin.client.get('/api/v1/people?limit=201'), 400, 'invalid_request');
  });

  it('searches by text across name, email, phone and employee ID, treating % _ and \\ literally', async () => {
    const admin = await community(world);
    await enablePhoneProfiles(admin);
    const percent = await addPerson(admin.client, { email: email(), displayName: 'Ann 100% Real' });
    const noPercent = await addPerson(admin.client, { email: email(), displayName: 'Ann 1000 Real' });
    const underscore = await addPerson(admin.client, { email: 'bob_smith@example.com', displayName: 'Bob' });
    const noUnderscore = await addPerson(admin.client, {
      email: 'bobxsmith@example.com',
      displayName: 'Rob',
    });
    const backslash = await addPerson(admin.client, { email: email(), displayName: 'Team A\\B' });
    const number = mobile();
    const phone = await addPerson(admin.client, { phone: number, displayName: 'Pat Phone' });
    const employee = await addPerson(admin.client, {
      email: email(),
      displayName: 'Eve',
      externalId: 'EMP-4242',
    });

    const search = (q: string) => listAll(admin.client, `q=${encodeURIComponent(q)}`);
    expect(idsOf(await search('100%'))).toEqual([percent.id]);
    expect(idsOf(await search('%'))).toEqual([percent.id]);
    expect(idsOf(await search('b_s'))).toEqual([underscore.id]);
    expect(idsOf(await search('_'))).toEqual([underscore.id]);
    expect(idsOf(await search('\\'))).toEqual([backslash.id]);
    expect(idsOf(await search('ann'))).toEqual([percent.id, noPercent.id].sort());
    expect(idsOf(await search('ANN 10'))).toEqual([percent.id, noPercent.id].sort());
    expect(idsOf(await search('SMITH@'))).toEqual([underscore.id, noUnderscore.id].sort());
    expect(idsOf(await search(number.slice(-6)))).toEqual([phone.id]);
    expect(idsOf(await search('emp-42'))).toEqual([employee.id]);
    expect(idsOf(await search('nobody-called-this'))).toEqual([]);
    expect(idsOf(await listAll(admin.client, `q=ann&kind=phone`))).toEqual([]);
  });

  it('looks a person up by mobile number in any form the community writes, only within the community', async () => {
    const admin = await community(world);
    const other = await community(world);
    await enablePhoneProfiles(admin);
    await enablePhoneProfiles(other);
    const number = mobile();
    const person = await addPerson(admin.client, { phone: number, displayName: 'Pat Lookup' });
    await addPerson(admin.client, { phone: mobile(), displayName: 'Someone Else' });
    const elsewhere = mobile();
    await addPerson(other.client, { phone: elsewhere, displayName: 'Not Ours' });

    const byPhone = (phone: string) => listAll(admin.client, `phone=${encodeURIComponent(phone)}`);
    const national = `0${number.slice(3, 7)} ${number.slice(7)}`;
    expect(idsOf(await byPhone(number))).toEqual([person.id]);
    expect(idsOf(await byPhone(national))).toEqual([person.id]);
    expect(idsOf(await byPhone(`+44 ${number.slice(3)}`))).toEqual([person.id]);
    // E.164 in shape but not canonical (a trunk 0 after the country code): read, then found.
    expect(idsOf(await byPhone(`+440${number.slice(3)}`))).toEqual([person.id]);
    expect(idsOf(await byPhone(elsewhere))).toEqual([]);
    expect(
      idsOf(await listAll(admin.client, `phone=${encodeURIComponent(number)}&state=deactivated`)),
    ).toEqual([]);
    expectProblem(await admin.client.get('/api/v1/people?phone=not-a-number'), 400, 'invalid_request');
  });

  it('R29: pages through more than one page with a cursor: no duplicates, no gaps, nextCursor null at the end', async () => {
    const admin = await community(world);
    for (let i = 0; i < 11; i++)
      await addPerson(admin.client, { email: email('page'), displayName: `Page ${i}` });
    const expected = (await peopleRows(world, admin.communityId)).map((row) => row.id);
    expect(expected).toHaveLength(12);

    for (const limit of [5, 4, 1, 12]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url: string = `/api/v1/people?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const response = await admin.client.get(url);
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json();
        expect(page.items.length).toBeGreaterThan(0);
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items.map((item: { id: string }) => item.id));
        cursor = page.nextCursor;
        pages += 1;
        expect(pages).toBeLessThanOrEqual(12);
      } while (cursor !== null);
      expect(pages, `limit ${limit}`).toBe(Math.ceil(12 / limit));
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expected);
    }

    // A filtered list pages the same way.
    const first = await admin.client.get('/api/v1/people?q=page&limit=10');
    expect(first.json().items).toHaveLength(10);
    const second = await admin.client.get(
      `/api/v1/people?q=page&limit=10&cursor=${encodeURIComponent(first.json().nextCursor)}`,
    );
    expect(second.json().items).toHaveLength(1);
    expect(second.json().nextCursor).toBeNull();
  });

  it('R29: refuses a cursor it did not give out with 400 cursor_invalid', async () => {
    const admin = await community(world);
    for (const cursor of [
      'garbage!!',
      'bm90IGpzb24',
      Buffer.from('{}').toString('base64url'),
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from(JSON.stringify({ after: 42 })).toString('base64url'),
      Buffer.from(JSON.stringify({ after: 'x'.repeat(100) })).toString('base64url'),
    ]) {
      expectProblem(
        await admin.client.get(`/api/v1/people?cursor=${encodeURIComponent(cursor)}`),
        400,
        'cursor_invalid',
      );
    }
  });

  // ------------------------------------------------------------------------------------------ R1

  it('R1: adding a phone person while the setting is off is 403 phone_profiles_disabled, nothing written', async () => {
    const admin = await community(world);
    const settings = await admin.client.get('/api/v1/settings');
    expect(settings.json().phoneProfilesEnabled).toBe(false);
    const before = await snapshot(world, admin.communityId);
    expectProblem(
      await admin.client.post('/api/v1/people', { phone: mobile(), displayName: 'Too Early' }),
      403,
      'phone_profiles_disabled',
    );
    await expectUnchanged(world, admin.communityId, before);
  });

  it('R1: once a system admin turns the setting on it applies at once, without signing in again', async () => {
    const admin = await community(world);
    const manager = await staff(world, admin, 'account_manager');
    expectProblem(
      await manager.client.post('/api/v1/people', { phone: mobile(), displayName: 'Before' }),
      403,
      'phone_profiles_disabled',
    );

    const turnedOn = await admin.client.patch('/api/v1/settings', { phoneProfilesEnabled: true });
    expect(turnedOn.statusCode, turnedOn.body).toBe(200);
    expect(turnedOn.json().phoneProfilesEnabled).toBe(true);

    const byAdmin = await admin.client.post('/api/v1/people', {
      phone: '07400 999001',
      displayName: 'By Admin',
    });
    expect(byAdmin.statusCode, byAdmin.body).toBe(201);
    expect(byAdmin.json()).toMatchObject({ loginKind: 'phone', phone: '+447400999001', email: null });
    const byManager = await manager.client.post('/api/v1/people', { phone: mobile(), displayName: 'By AM' });
    expect(byManager.statusCode, byManager.body).toBe(201);
  });

  it('R1: only a system admin can change the setting', async () => {
    const admin = await community(world);
    const manager = await staff(world, admin, 'account_manager');
    const analyst = await staff(world, admin, 'analyst');
    const before = await snapshot(world, admin.communityId);
    expectProblem(
      await manager.client.patch('/api/v1/settings', { phoneProfilesEnabled: true }),
      403,
      'forbidden',
    );
    expectProblem(
      await analyst.client.patch('/api/v1/settings', { phoneProfilesEnabled: true }),
      403,
      'forbidden',
    );
    await expectOnlyRefusalsRecorded(world, admin.communityId, before, 2);
    expect((await admin.client.get('/api/v1/settings')).json().phoneProfilesEnabled).toBe(false);
  });

  // ------------------------------------------------------------------------------------------ R2

  it('R2: the same number in three formats is one person: first 201, the others 409 phone_taken', async () => {
    const admin = await community(world);
    await enablePhoneProfiles(admin);
    const first = await admin.client.post('/api/v1/people', { phone: '+44 7911 123456', displayName: 'Sam' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().phone).toBe('+447911123456');
    const before = await snapshot(world, admin.communityId);
    for (const phone of ['447911123456', '0044 7911 123456', '07911 123456', '+44 (0) 7911-123-456']) {
      expectProblem(
        await admin.client.post('/api/v1/people', { phone, displayName: 'Sam Again' }),
        409,
        'phone_taken',
      );
    }
    await expectUnchanged(world, admin.communityId, before);
    const rows = (await peopleRows(world, admin.communityId)).filter((row) => row.phone === '+447911123456');
    expect(rows).toHaveLength(1);
  });

  it('R2: 20 parallel creations of one number make exactly one person', async () => {
    const admin = await community(world);
    await enablePhoneProfiles(admin);
    const createdBefore = (await auditRows(world, admin.communityId, 'Account Created')).length;
    const forms = ['+44 7400 555123', '447400555123', '0044 7400 555123', '07400 555123'];
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        admin.client.post('/api/v1/people', { phone: forms[i % forms.length], displayName: `Racer ${i}` }),
      ),
    );
    const created = responses.filter((r) => r.statusCode === 201);
    expect(created).toHaveLength(1);
    for (const response of responses) {
      if (response.statusCode !== 201) expectProblem(response, 409, 'phone_taken');
    }
    const rows = (await peopleRows(world, admin.communityId)).filter((row) => row.phone === '+447400555123');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(created[0]?.json().id);
    expect(await countPeople(world, admin.communityId)).toBe(2);
    const createdEvents = (await auditRows(world, admin.communityId, 'Account Created')).slice(createdBefore);
    expect(createdEvents.map((event) => event.target_id)).toEqual([created[0]?.json().id]);
  });

  it('R2: 20 parallel creations of one email, in any case, make exactly one person', async () => {
    const admin = await community(world);
    const createdBefore = (await auditRows(world, admin.communityId, 'Account Created')).length;
    const cases = ['Racer@Example.com', 'racer@example.com', 'RACER@EXAMPLE.COM', 'rAcEr@ExAmPlE.cOm'];
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        admin.client.post('/api/v1/people', { email: cases[i % cases.length], displayName: `Racer ${i}` }),
      ),
    );
    const created = responses.filter((r) => r.statusCode === 201);
    expect(created).toHaveLength(1);
    for (const response of responses) {
      if (response.statusCode !== 201) expectProblem(response, 409, 'email_taken');
    }
    const rows = (await peopleRows(world, admin.communityId)).filter(
      (row) => row.email?.toLowerCase() === 'racer@example.com',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.email).toBe('racer@example.com');
    expect(await countPeople(world, admin.communityId)).toBe(2);
    const createdEvents = (await auditRows(world, admin.communityId, 'Account Created')).slice(createdBefore);
    expect(createdEvents.map((event) => event.target_id)).toEqual([created[0]?.json().id]);
  });

  it('R2: numbers that are not valid mobiles are refused with a clear code, nothing written', async () => {
    const admin = await community(world);
    await enablePhoneProfiles(admin);
    const before = await snapshot(world, admin.communityId);
    const cases: [string, string][] = [
      ['not a number', 'phone_invalid'],
      ['+44 7911', 'phone_invalid'],
      ['++447911123456', 'phone_invalid'],
      ['+44 7911 123456 ext. 12', 'phone_invalid'],
      ['+44 20 7946 0958', 'phone_not_mobile'],
      ['+44 909 879 0000', 'phone_not_mobile'],
      ['+44 800 123 4567', 'phone_not_mobile'],
    ];
    for (const [phone, code] of cases) {
      const response = await admin.client.post('/api/v1/people', { phone, displayName: 'Nope' });
      expectProblem(response, 400, code);
      expect(response.json().errors).toEqual([{ path: 'phone', message: expect.any(String) }]);
    }
    expectProblem(
      await admin.client.post('/api/v1/people', { phone: '1'.repeat(41), displayName: 'Nope' }),
      400,
      'invalid_request',
    );
    await expectUnchanged(world, admin.communityId, before);
  });

  it('R2: a number is unique per community, so two communities may each have it', async () => {
    const first = await community(world);
    const second = await community(world);
    await enablePhoneProfiles(first);
    await enablePhoneProfiles(second);
    const number = mobile();
    await addPerson(first.client, { phone: number, displayName: 'Here' });
    await addPerson(second.client, { phone: number, displayName: 'There' });
    expectProblem(
      await second.client.post('/api/v1/people', { phone: number, displayName: 'Twice' }),
      409,
      'phone_taken',
    );
  });

  // ------------------------------------------------------------------------------------------ R4

  it('R4: the number of a phone account cannot change (409 phone_immutable), and nothing else changes either', async () => {
    const admin = await community(world);
    await enablePhoneProfiles(admin);
    const person = await addPerson(admin.client, { phone: mobile(), displayName: 'Fixed Number' });
    const before = await snapshot(world, admin.communityId);
    expectProblem(
      await admin.client.patch(`/api/v1/people/${person.id}`, { phone: mobile() }),
      409,
      'phone_immutable',
    );
    expectProblem(
      await admin.client.patch(`/api/v1/people/${person.id}`, { phone: mobile(), jobTitle: 'Sneaky' }),
      409,
      'phone_immutable',
    );
    await expectUnchanged(world, admin.communityId, before);
    expect((await admin.client.get(`/api/v1/people/${person.id}`)).json()).toEqual(person);
  });

  it('R4: sending the same number in another format is accepted (200) and keeps it canonical', async () => {
    const admin = await community(world);
    await enablePhoneProfiles(admin);
    const person = await addPerson(admin.client, { phone: '+44 7400 321321', displayName: 'Same Number' });
    const unchanged = await admin.client.patch(`/api/v1/people/${person.id}`, { phone: '07400-321-321' });
    expect(unchanged.statusCode, unchanged.body).toBe(200);
    expect(unchanged.json().phone).toBe('+447400321321');
    const edited = await admin.client.patch(`/api/v1/people/${person.id}`, {
      phone: '0044 7400 321321',
      jobTitle: 'Driver',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ phone: '+447400321321', jobTitle: 'Driver' });
  });

  it('R4: the kind of login is fixed: no email on a phone account, no phone on an email account', async () => {
    const admin = await community(world);
    await enablePhoneProfiles(admin);
    const phonePerson = await addPerson(admin.client, { phone: mobile(), displayName: 'Phone Only' });
    const emailPerson = await addPerson(admin.client, { email: email(), displayName: 'Email Only' });
    const before = await snapshot(world, admin.communityId);
    expectProblem(
      await admin.client.patch(`/api/v1/people/${phonePerson.id}`, { email: email() }),
      409,
      'login_kind_immutable',
    );
    expectProblem(
      await admin.client.patch(`/api/v1/people/${emailPerson.id}`, { phone: mobile() }),
      409,
      'login_kind_immutable',
    );
    await expectUnchanged(world, admin.communityId, before);
  });

  // ----------------------------------------------------------------------------------------- R35

  it('R35: role, state and secrets cannot be mass-assigned on create (400 invalid_request, nothing written)', async () => {
    const admin = await community(world);
    const before = await snapshot(world, admin.communityId);
    const forbidden: Record<string, unknown>[] = [
      { role: 'system_admin' },
      { state: 'active' },
      { password_hash: '$argon2id$v=19$m=19456,t=2,p=1$x$y' },
      { passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$x$y' },
      { active: true },
      { claimed: true },
      { invited: true },
      { id: '0195f7a4-0000-7000-8000-000000000000' },
      { communityId: '0195f7a4-0000-7000-8000-000000000000' },
      { username: 'sneaky' },
    ];
    for (const extra of forbidden) {
      const response = await admin.client.post('/api/v1/people', {
        email: email(),
        displayName: 'Mass Assigner',
        ...extra,
      });
      expectProblem(response, 400, 'invalid_request');
    }
    await expectUnchanged(world, admin.communityId, before);
  });

  it('R35: role, state and secrets cannot be mass-assigned on edit (400 invalid_request, nothing written)', async () => {
    const admin = await community(world);
    const person = await addPerson(admin.client, { email: email(), displayName: 'Target' });
    const before = await snapshot(world, admin.communityId);
    for (const extra of [
      { role: 'system_admin' },
      { state: 'active' },
      { password_hash: 'x' },
      { passwordHash: 'x' },
      { active: false },
      { claimed: true },
      { version: 99 },
    ]) {
      expectProblem(
        await admin.client.patch(`/api/v1/people/${person.id}`, { jobTitle: 'Changed', ...extra }),
        400,
        'invalid_request',
      );
    }
    await expectUnchanged(world, admin.communityId, before);
  });

  it('R35: a person of another community is a 404 on every route, and is left untouched', async () => {
    const mine = await community(world);
    const theirs = await community(world);
    const stranger = await addPerson(theirs.client, { email: email(), displayName: 'Stranger' });
    const theirsBefore = await snapshot(world, theirs.communityId);
    const mineBefore = await snapshot(world, mine.communityId);
    const url = `/api/v1/people/${stranger.id}`;

    expectProblem(await mine.client.get(url), 404, 'not_found');
    expectProblem(await mine.client.patch(url, { jobTitle: 'Hijacked' }), 404, 'not_found');
    expectProblem(await mine.client.post(`${url}/deactivate`), 404, 'not_found');
    expectProblem(await mine.client.post(`${url}/reactivate`), 404, 'not_found');
    expectProblem(await mine.client.put(`${url}/role`, { role: 'system_admin' }), 404, 'not_found');
    expectProblem(await mine.client.delete(url), 404, 'not_found');
    expectProblem(await mine.client.get(`/api/v1/people/${theirs.adminId}`), 404, 'not_found');
    expectProblem(
      await mine.client.post('/api/v1/people', {
        email: email(),
        displayName: 'Cross Manager',
        managerId: stranger.id,
      }),
      400,
      'manager_not_found',
    );
    expect(idsOf(await listAll(mine.client, 'limit=200'))).toEqual([mine.adminId]);
    expect(idsOf(await listAll(mine.client, 'q=stranger'))).toEqual([]);

    await expectUnchanged(world, theirs.communityId, theirsBefore);
    await expectUnchanged(world, mine.communityId, mineBefore);
  });

  it('R35: a member cannot list, read or change people (403)', async () => {
    const admin = await community(world);
    const member = await staff(world, admin, 'member');
    const other = await addPerson(admin.client, { email: email(), displayName: 'Other' });
    const before = await snapshot(world, admin.communityId);
    expectProblem(await member.client.get('/api/v1/people'), 403, 'forbidden');
    expectProblem(await member.client.get(`/api/v1/people/${other.id}`), 403, 'forbidden');
    expectProblem(
      await member.client.post('/api/v1/people', { email: email(), displayName: 'No' }),
      403,
      'forbidden',
    );
    expectProblem(
      await member.client.patch(`/api/v1/people/${other.id}`, { jobTitle: 'No' }),
      403,
      'forbidden',
    );
    expectProblem(await member.client.post(`/api/v1/people/${other.id}/deactivate`), 403, 'forbidden');
    expectProblem(await member.client.delete(`/api/v1/people/${other.id}`), 403, 'forbidden');
    expectProblem(
      await member.client.put(`/api/v1/people/${member.id}/role`, { role: 'system_admin' }),
      403,
      'forbidden',
    );
    await expectOnlyRefusalsRecorded(world, admin.communityId, before, 7);
    expect((await member.client.get('/api/v1/me')).json().person.role).toBe('member');
  });

  it('R35: an analyst can list and read people but not change them (403)', async () => {
    const admin = await community(world);
    const analyst = await staff(world, admin, 'analyst');
    const other = await addPerson(admin.client, { email: email(), displayName: 'Other' });
    const listed = await analyst.client.get('/api/v1/people');
    expect(listed.statusCode, listed.body).toBe(200);
    expect(idsOf(listed.json().items)).toEqual([admin.adminId, analyst.id, other.id].sort());
    const read = await analyst.client.get(`/api/v1/people/${other.id}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().id).toBe(other.id);

    const before = await snapshot(world, admin.communityId);
    expectProblem(
      await analyst.client.post('/api/v1/people', { email: email(), displayName: 'No' }),
      403,
      'forbidden',
    );
    expectProblem(
      await analyst.client.patch(`/api/v1/people/${other.id}`, { jobTitle: 'No' }),
      403,
      'forbidden',
    );
    expectProblem(await analyst.client.post(`/api/v1/people/${other.id}/deactivate`), 403, 'forbidden');
    expectProblem(await analyst.client.delete(`/api/v1/people/${other.id}`), 403, 'forbidden');
    await expectOnlyRefusalsRecorded(world, admin.communityId, before, 4);
  });

  it('R35: an account manager manages people but cannot touch a system admin or give roles', async () => {
    const admin = await community(world);
    const manager = await staff(world, admin, 'account_manager');
    const created = await manager.client.post('/api/v1/people', { email: email(), displayName: 'By AM' });
    expect(created.statusCode, created.body).toBe(201);
    const person = created.json();
    const edited = await manager.client.patch(`/api/v1/people/${person.id}`, { jobTitle: 'Edited by AM' });
    expect(edited.statusCode, edited.body).toBe(200);

    const before = await snapshot(world, admin.communityId);
    const adminUrl = `/api/v1/people/${admin.adminId}`;
    expectProblem(
      await manager.client.patch(adminUrl, { jobTitle: 'Demoted' }),
      403,
      'target_outranks_actor',
    );
    expectProblem(await manager.client.post(`${adminUrl}/deactivate`), 403, 'target_outranks_actor');
    expectProblem(await manager.client.delete(adminUrl), 403, 'target_outranks_actor');
    expectProblem(await manager.client.put(`${adminUrl}/role`, { role: 'member' }), 403, 'forbidden');
    expectProblem(
      await manager.client.put(`/api/v1/people/${person.id}/role`, { role: 'account_manager' }),
      403,
      'forbidden',
    );
    expectProblem(
      await manager.client.put(`/api/v1/people/${manager.id}/role`, { role: 'system_admin' }),
      403,
      'forbidden',
    );
    await expectOnlyRefusalsRecorded(world, admin.communityId, before, 6);
    expect((await admin.client.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('R35: no session is 401, and a change without the CSRF token is 403, both writing nothing', async () => {
    const admin = await community(world);
    const person = await addPerson(admin.client, { email: email(), displayName: 'Guarded' });
    const before = await snapshot(world, admin.communityId);
    const anonymous = await world.app.inject({ method: 'GET', url: '/api/v1/people' });
    expectProblem(anonymous, 401, 'unauthenticated');
    const noCsrf = await world.app.inject({
      method: 'PATCH',
      url: `/api/v1/people/${person.id}`,
      headers: { cookie: admin.client.cookie ?? '', 'content-type': 'application/json' },
      payload: JSON.stringify({ jobTitle: 'Forged' }),
    });
    expectProblem(noCsrf, 403, 'csrf_token_invalid');
    // The anonymous request is not recorded (no community is known); the forged change is (R36).
    await expectOnlyRefusalsRecorded(world, admin.communityId, before, 1);
    const [denied] = await auditRows(world, admin.communityId, ACCESS_DENIED);
    expect(denied?.actor_id).toBe(admin.adminId);
    expect(JSON.parse(denied?.details ?? '{}')).toMatchObject({ code: 'csrf_token_invalid' });
  });

  // ----------------------------------------------------------------------------------------- R22

  it('R22: deactivation ends the person’s sessions at once and blocks login', async () => {
    const admin = await community(world);
    const worker = await staff(world, admin, 'member');
    const secondDevice = await signIn(world.app, worker.email, STAFF_PASSWORD, admin.slug);
    expect((await worker.client.get('/api/v1/me')).statusCode).toBe(200);
    expect((await secondDevice.get('/api/v1/me')).statusCode).toBe(200);

    const deactivated = await admin.client.post(`/api/v1/people/${worker.id}/deactivate`);
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    expect(deactivated.json()).toMatchObject({ state: 'deactivated', deactivatedAt: expect.any(String) });

    expectProblem(await worker.client.get('/api/v1/me'), 401, 'unauthenticated');
    expectProblem(await secondDevice.get('/api/v1/me'), 401, 'unauthenticated');
    const live = await world.deps.db
      .selectFrom('sessions')
      .select('id')
      .where('person_id', '=', worker.id)
      .where('revoked_at', 'is', null)
      .execute();
    expect(live).toEqual([]);
    const [event] = await auditRows(world, admin.communityId, 'Account Deactivated');
    expect(JSON.parse(event?.details ?? '{}')).toMatchObject({ sessionsEnded: 2 });

    const login = await world.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { identifier: worker.email, password: STAFF_PASSWORD, community: admin.slug },
    });
    expectProblem(login, 401, 'invalid_credentials');
  });

  it('R22: reactivation restores the prior state and does not revive ended sessions', async () => {
    const admin = await community(world);
    const worker = await staff(world, admin, 'member');
    const notInvited = await addPerson(admin.client, {
      email: email(),
      displayName: 'Never Invited',
      sendInvitation: false,
    });
    const invited = await addPerson(admin.client, { email: email(), displayName: 'Invited' });
    await world.deps.db
      .updateTable('people')
      .set({ invited: 1, invited_at: world.clock.now().toISOString() })
      .where('id', '=', invited.id)
      .execute();
    const claimedAt = (await admin.client.get(`/api/v1/people/${worker.id}`)).json().claimedAt;
    expect(claimedAt).toEqual(expect.any(String));

    for (const [id, state] of [
      [worker.id, 'active'],
      [notInvited.id, 'not_invited'],
      [invited.id, 'invited'],
    ] as const) {
      expect((await admin.client.post(`/api/v1/people/${id}/deactivate`)).statusCode).toBe(200);
      const reactivated = await admin.client.post(`/api/v1/people/${id}/reactivate`);
      expect(reactivated.statusCode, reactivated.body).toBe(200);
      expect(reactivated.json()).toMatchObject({ state, deactivatedAt: null });
    }
    expect((await admin.client.get(`/api/v1/people/${worker.id}`)).json().claimedAt).toBe(claimedAt);

    expectProblem(await worker.client.get('/api/v1/me'), 401, 'unauthenticated');
    const again = await signIn(world.app, worker.email, STAFF_PASSWORD, admin.slug);
    expect((await again.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('R22: deactivating twice is 409 already_deactivated; reactivating an active person is 409 not_deactivated', async () => {
    const admin = await community(world);
    const person = await addPerson(admin.client, { email: email(), displayName: 'Twice' });
    expectProblem(await admin.client.post(`/api/v1/people/${person.id}/reactivate`), 409, 'not_deactivated');
    expect((await admin.client.post(`/api/v1/people/${person.id}/deactivate`)).statusCode).toBe(200);
    const before = await snapshot(world, admin.communityId);
    expectProblem(
      await admin.client.post(`/api/v1/people/${person.id}/deactivate`),
      409,
      'already_deactivated',
    );
    await expectUnchanged(world, admin.communityId, before);
  });

  it('R22: 10 parallel deactivations give exactly one 200 and one Account Deactivated event', async () => {
    const admin = await community(world);
    const person = await addPerson(admin.client, { email: email(), displayName: 'Raced' });
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => admin.client.post(`/api/v1/people/${person.id}/deactivate`)),
    );
    expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(1);
    for (const response of responses) {
      if (response.statusCode !== 200) expectProblem(response, 409, 'already_deactivated');
    }
    const events = (await auditRows(world, admin.communityId, 'Account Deactivated')).filter(
      (event) => event.target_id === person.id,
    );
    expect(events).toHaveLength(1);
  });

  it('R22: an admin cannot deactivate themselves (409 cannot_target_self)', async () => {
    const admin = await community(world);
    const before = await snapshot(world, admin.communityId);
    expectProblem(
      await admin.client.post(`/api/v1/people/${admin.adminId}/deactivate`),
      409,
      'cannot_target_self',
    );
    await expectUnchanged(world, admin.communityId, before);
    expect((await admin.client.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('R22: two system admins deactivating each other at once leave one active system admin', async () => {
    // A race shows only sometimes, so it is run a few times over.
    for (let round = 0; round < 5; round++) {
      const admin = await community(world);
      const second = await staff(world, admin, 'system_admin');
      const [a, b] = await Promise.all([
        admin.client.post(`/api/v1/people/${second.id}/deactivate`),
        second.client.post(`/api/v1/people/${admin.adminId}/deactivate`),
      ]);
      const statuses = [a.statusCode, b.statusCode].sort();
      const activeAdmins = (await peopleRows(world, admin.communityId)).filter(
        (row) => row.role === 'system_admin' && row.active === 1,
      );
      expect(activeAdmins.length, `round ${round}, statuses ${statuses.join(',')}`).toBe(1);
      expect(statuses[0]).toBe(200);
      expect([401, 409]).toContain(statuses[1]);
      expect(await auditRows(world, admin.communityId, 'Account Deactivated')).toHaveLength(1);
    }
  });

  // ----------------------------------------------------------------------------------------- R23

  it('R23: a claimed, active person cannot be deleted (409 person_not_deletable)', async () => {
    const admin = await community(world);
    const worker = await staff(world, admin, 'member');
    const before = await snapshot(world, admin.communityId);
    expectProblem(await admin.client.delete(`/api/v1/people/${worker.id}`), 409, 'person_not_deletable');
    await expectUnchanged(world, admin.communityId, before);
    expect((await worker.client.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('R23: a never-claimed person is deleted (204) and the audit log keeps a tombstone', async () => {
    const admin = await community(world);
    await enablePhoneProfiles(admin);
    const person = await addPerson(admin.client, {
      phone: mobile(),
      sendInvitation: false,
      displayName: 'Short Stay',
      externalId: 'E-TOMB',
    });
    const before = await countPeople(world, admin.communityId);
    const deleted = await admin.client.delete(`/api/v1/people/${person.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expectProblem(await admin.client.get(`/api/v1/people/${person.id}`), 404, 'not_found');
    expectProblem(await admin.client.delete(`/api/v1/people/${person.id}`), 404, 'not_found');
    expect(await countPeople(world, admin.communityId)).toBe(before - 1);
    expect(idsOf(await listAll(admin.client, 'limit=200'))).not.toContain(person.id);

    const audit = await admin.client.get(`/api/v1/audit-events?targetId=${person.id}`);
    expect(audit.statusCode, audit.body).toBe(200);
    const [tombstone] = audit.json().items;
    expect(tombstone).toMatchObject({
      type: 'Account Deleted',
      outcome: 'success',
      actor: { id: admin.adminId },
      target: { id: person.id, label: 'Short Stay' },
    });
    expect(tombstone.details).toMatchObject({
      loginKind: 'phone',
      state: 'not_invited',
      externalId: 'E-TOMB',
    });
    expect(audit.json().items.map((e: { type: string }) => e.type)).toEqual([
      'Account Deleted',
      'Account Created',
    ]);

    // The number is free again once its account is gone.
    await addPerson(admin.client, { phone: person.phone, displayName: 'Back Again' });
  });

  it('R23: a deactivated person who had claimed can be deleted, and their reports lose the manager', async () => {
    const admin = await community(world);
    const worker = await staff(world, admin, 'member');
    const report = await addPerson(admin.client, {
      email: email(),
      displayName: 'Report',
      managerId: worker.id,
    });
    expect((await admin.client.post(`/api/v1/people/${worker.id}/deactivate`)).statusCode).toBe(200);
    const deleted = await admin.client.delete(`/api/v1/people/${worker.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expectProblem(await admin.client.get(`/api/v1/people/${worker.id}`), 404, 'not_found');
    expect((await admin.client.get(`/api/v1/people/${report.id}`)).json().managerId).toBeNull();
    expect(
      await world.deps.db.selectFrom('sessions').select('id').where('person_id', '=', worker.id).execute(),
    ).toEqual([]);
  });

  it('R23: an admin cannot delete themselves (409 cannot_target_self)', async () => {
    const admin = await community(world);
    const before = await snapshot(world, admin.communityId);
    expectProblem(await admin.client.delete(`/api/v1/people/${admin.adminId}`), 409, 'cannot_target_self');
    await expectUnchanged(world, admin.communityId, before);
  });

  // ------------------------------------------------------------------------------------ bad input

  it('R29: refuses bad input on create with a clear problem+json code and adds no person', async () => {
    const admin = await community(world);
    const before = await snapshot(world, admin.communityId);
    const unknownId = '0195f7a4-0000-7000-8000-000000000000';
    const cases: [string, unknown, string][] = [
      ['missing name', { email: email() }, 'name_required'],
      [
        'blank names',
        { email: email(), givenName: '  ', familyName: '', displayName: null },
        'name_required',
      ],
      [
        'both email and phone',
        { email: email(), phone: mobile(), displayName: 'Both' },
        'login_identifier_conflict',
      ],
      ['neither email nor phone', { displayName: 'Neither' }, 'login_identifier_required'],
      ['invalid email', { email: 'not-an-email', displayName: 'Bad Email' }, 'invalid_request'],
      ['email with spaces', { email: 'ana silva@example.com', displayName: 'Bad Email' }, 'invalid_request'],
      ['unknown manager', { email: email(), displayName: 'Lost', managerId: unknownId }, 'manager_not_found'],
      ['manager not an id', { email: email(), displayName: 'Lost', managerId: 'bob' }, 'invalid_request'],
      [
        'start date not a date',
        { email: email(), displayName: 'Soon', startDate: 'next monday' },
        'invalid_request',
      ],
      [
        'impossible start date',
        { email: email(), displayName: 'Soon', startDate: '2026-02-30' },
        'invalid_request',
      ],
      ['number for givenName', { email: email(), givenName: 42 }, 'invalid_request'],
      ['string for frontline', { email: email(), displayName: 'Front', frontline: 'yes' }, 'invalid_request'],
      ['bad locale', { email: email(), displayName: 'Loc', locale: 'english' }, 'invalid_request'],
      ['bad time zone', { email: email(), displayName: 'TZ', timeZone: 'Mars/Olympus' }, 'invalid_request'],
      ['name too long', { email: email(), displayName: 'x'.repeat(201) }, 'invalid_request'],
      ['array body', [], 'invalid_request'],
    ];
    for (const [label, body, code] of cases) {
      const response = await admin.client.post('/api/v1/people', body);
      expect(response.statusCode, `${label}: ${response.body}`).toBe(400);
      expect(response.headers['content-type'], label).toMatch(/^application\/problem\+json/);
      expect(response.json().code, `${label}: ${response.body}`).toBe(code);
      expect(response.json().detail, label).toEqual(expect.any(String));
    }
    const invalidEmail = await admin.client.post('/api/v1/people', { email: 'nope', displayName: 'Bad' });
    expect(invalidEmail.json().errors).toEqual([{ path: 'body.email', message: expect.any(String) }]);

    const malformed = await world.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: {
        cookie: admin.client.cookie ?? '',
        'x-csrf-token': admin.client.csrfToken ?? '',
        'content-type': 'application/json',
      },
      payload: '{"email": "a@example.com", "displayName": ',
    });
    expectProblem(malformed, 400, 'malformed_json');
    await expectUnchanged(world, admin.communityId, before);
  });

  it('refuses a manager loop (400 manager_cycle) and changes nothing', async () => {
    const admin = await community(world);
    const top = await addPerson(admin.client, { email: email(), displayName: 'Top' });
    const middle = await addPerson(admin.client, {
      email: email(),
      displayName: 'Middle',
      managerId: top.id,
    });
    const bottom = await addPerson(admin.client, {
      email: email(),
      displayName: 'Bottom',
      managerId: middle.id,
    });
    const before = await snapshot(world, admin.communityId);
    expectProblem(
      await admin.client.patch(`/api/v1/people/${top.id}`, { managerId: bottom.id }),
      400,
      'manager_cycle',
    );
    expectProblem(
      await admin.client.patch(`/api/v1/people/${top.id}`, { managerId: middle.id, jobTitle: 'CEO' }),
      400,
      'manager_cycle',
    );
    expectProblem(
      await admin.client.patch(`/api/v1/people/${middle.id}`, { managerId: middle.id }),
      400,
      'manager_cycle',
    );
    expectProblem(
      await admin.client.patch(`/api/v1/people/${middle.id}`, {
        managerId: '0195f7a4-0000-7000-8000-000000000000',
      }),
      400,
      'manager_not_found',
    );
    await expectUnchanged(world, admin.communityId, before);
  });

  it('follows a long reporting chain in one go, and a loop stored before the checks does not hang it', async () => {
    const admin = await community(world);
    const chain = [await addPerson(admin.client, { email: email(), displayName: 'Level 0' })];
    for (let level = 1; level < 12; level++) {
      const above = chain[level - 1] as { id: string };
      chain.push(
        await addPerson(admin.client, { email: email(), displayName: `Level ${level}`, managerId: above.id }),
      );
    }
    const [top, lowest] = [chain[0] as { id: string }, chain[11] as { id: string }];
    expectProblem(
      await admin.client.patch(`/api/v1/people/${top.id}`, { managerId: lowest.id }),
      400,
      'manager_cycle',
    );
    const outsider = await addPerson(admin.client, { email: email(), displayName: 'Outsider' });
    expect(
      (await admin.client.patch(`/api/v1/people/${outsider.id}`, { managerId: lowest.id })).statusCode,
    ).toBe(200);
    // A loop written straight into the table: the walk ends at its depth limit, not never.
    await world.deps.db
      .updateTable('people')
      .set({ manager_id: lowest.id })
      .where('id', '=', top.id)
      .execute();
    const newcomer = await addPerson(admin.client, { email: email(), displayName: 'Newcomer' });
    expect(
      (await admin.client.patch(`/api/v1/people/${newcomer.id}`, { managerId: top.id })).statusCode,
    ).toBe(200);
  });

  it('R29: refuses bad input on edit with a clear problem+json code and changes nothing', async () => {
    const admin = await community(world);
    const person = await addPerson(admin.client, { email: email(), givenName: 'Kim', familyName: 'Lee' });
    const before = await snapshot(world, admin.communityId);
    const cases: [string, unknown, number, string][] = [
      ['number for givenName', { givenName: 7 }, 400, 'invalid_request'],
      ['string for frontline', { frontline: 'true' }, 400, 'invalid_request'],
      ['start date not a date', { startDate: '31/12/2026' }, 400, 'invalid_request'],
      ['invalid email', { email: 'kim at example' }, 400, 'invalid_request'],
    ];
    for (const [label, body, status, code] of cases) {
      const response = await admin.client.patch(`/api/v1/people/${person.id}`, body);
      expect(response.statusCode, `${label}: ${response.body}`).toBe(status);
      expect(response.headers['content-type'], label).toMatch(/^application\/problem\+json/);
      expect(response.json().code, `${label}: ${response.body}`).toBe(code);
    }
    expectProblem(
      await admin.client.patch('/api/v1/people/not-an-id', { jobTitle: 'x' }),
      400,
      'invalid_request',
    );
    await expectUnchanged(world, admin.communityId, before);
  });

  it('refuses to clear the display name on edit (400 name_required) and changes nothing', async () => {
    const admin = await community(world);
    const person = await addPerson(admin.client, { email: email(), givenName: 'Kim', familyName: 'Lee' });
    const before = await snapshot(world, admin.communityId);
    expectProblem(
      await admin.client.patch(`/api/v1/people/${person.id}`, { displayName: null }),
      400,
      'name_required',
    );
    expectProblem(
      await admin.client.patch(`/api/v1/people/${person.id}`, { displayName: '   ', jobTitle: 'Lead' }),
      400,
      'name_required',
    );
    await expectUnchanged(world, admin.communityId, before);
  });

  // ----------------------------------------------------------------------------------------- R36

  it('R36: every successful change writes exactly one audit row, naming actor, target and request', async () => {
    const admin = await community(world);
    const audit = () => auditRows(world, admin.communityId);
    let count = (await audit()).length;
    const step = async (
      response: LightMyRequestResponse,
      status: number,
      type: string,
      targetId: () => string,
    ) => {
      expect(response.statusCode, response.body).toBe(status);
      const after = await audit();
      const added = after.slice(count);
      count = after.length;
      expect(added.map((row) => row.type)).toEqual([type]);
      expect(added[0]).toMatchObject({
        outcome: 'success',
        actor_id: admin.adminId,
        target_id: targetId(),
        request_id: expect.any(String),
      });
      return added[0];
    };

    const created = await admin.client.post('/api/v1/people', {
      email: email(),
      displayName: 'Audited',
      sendInvitation: false,
    });
    const id = created.json().id as string;
    await step(created, 201, 'Account Created', () => id);
    await step(
      await admin.client.patch(`/api/v1/people/${id}`, { jobTitle: 'Lead' }),
      200,
      'Account Updated',
      () => id,
    );
    await step(
      await admin.client.put(`/api/v1/people/${id}/role`, { role: 'analyst' }),
      200,
      'Admin Role Changed',
      () => id,
    );
    await step(
      await admin.client.post(`/api/v1/people/${id}/deactivate`),
      200,
      'Account Deactivated',
      () => id,
    );
    await step(
      await admin.client.post(`/api/v1/people/${id}/reactivate`),
      200,
      'Account Reactivated',
      () => id,
    );
    await step(
      await admin.client.patch('/api/v1/settings', { phoneProfilesEnabled: true }),
      200,
      'Settings Changed',
      () => admin.communityId,
    );
    const deleted = await step(
      await admin.client.delete(`/api/v1/people/${id}`),
      204,
      'Account Deleted',
      () => id,
    );
    expect(deleted?.target_label).toBe('Audited');

    // No change, no event.
    const other = await addPerson(admin.client, { email: email(), displayName: 'Same' });
    count = (await audit()).length;
    const same = await admin.client.patch(`/api/v1/people/${other.id}`, { displayName: 'Same' });
    expect(same.statusCode, same.body).toBe(200);
    const sameRole = await admin.client.put(`/api/v1/people/${other.id}/role`, { role: 'member' });
    expect(sameRole.statusCode, sameRole.body).toBe(200);
    expect((await audit()).length).toBe(count);
  });

  it('R36: refused changes write nothing, and the 403s among them are recorded as one aggregated row', async () => {
    const admin = await community(world);
    await enablePhoneProfiles(admin);
    const manager = await staff(world, admin, 'account_manager');
    const phonePerson = await addPerson(admin.client, { phone: mobile(), displayName: 'Phone' });
    const worker = await staff(world, admin, 'member');
    const before = await snapshot(world, admin.communityId);

    const refused: [() => Promise<LightMyRequestResponse>, number][] = [
      [() => admin.client.post('/api/v1/people', { phone: phonePerson.phone, displayName: 'Dup' }), 409],
      [() => admin.client.patch(`/api/v1/people/${phonePerson.id}`, { phone: mobile() }), 409],
      [() => admin.client.patch(`/api/v1/people/${phonePerson.id}`, { email: email() }), 409],
      [() => admin.client.delete(`/api/v1/people/${worker.id}`), 409],
      [() => admin.client.delete(`/api/v1/people/${admin.adminId}`), 409],
      [() => admin.client.post(`/api/v1/people/${worker.id}/reactivate`), 409],
      [() => admin.client.post('/api/v1/people', { email: email() }), 400],
      [
        () => admin.client.post('/api/v1/people', { email: email(), displayName: 'X', role: 'system_admin' }),
        400,
      ],
      [() => admin.client.put(`/api/v1/people/${admin.adminId}/role`, { role: 'member' }), 409],
      [() => manager.client.patch(`/api/v1/people/${admin.adminId}`, { jobTitle: 'x' }), 403],
      [() => manager.client.put(`/api/v1/people/${worker.id}/role`, { role: 'system_admin' }), 403],
      [() => worker.client.post('/api/v1/people', { email: email(), displayName: 'Y' }), 403],
      [() => admin.client.get('/api/v1/people/0195f7a4-0000-7000-8000-000000000000'), 404],
    ];
    for (const [send, status] of refused) {
      const response = await send();
      expect(response.statusCode, response.body).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    // The 409s, 400s and the 404 leave no trace; the three 403s share one "Access Denied" row.
    const forbidden = refused.filter(([, status]) => status === 403).length;
    expect(forbidden).toBe(3);
    await expectOnlyRefusalsRecorded(world, admin.communityId, before, forbidden);
    const [denied] = await auditRows(world, admin.communityId, ACCESS_DENIED);
    expect(JSON.parse(denied?.details ?? '{}')).toMatchObject({ code: 'target_outranks_actor' });
  });
});
