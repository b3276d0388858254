import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ACCESS_CODE_RULES } from '../src/access-codes/rules.js';
import {
  ACCESS_CODE_ALPHABET,
  formatAccessCode,
  generateAccessCode,
  normaliseAccessCode,
} from '../src/crypto/access-code.js';
import { sweepExpired } from '../src/housekeeping.js';
import { createTokenAsOperator } from '../src/tokens/operator-token.js';
import {
  ADMIN_PASSWORD,
  activateWithPassword,
  Client,
  currentTotp,
  eachDatabase,
  expectProblem,
  seedCommunity,
  sessionCookieFrom,
  signIn,
  type World,
} from './harness.js';

// Access-code accounts (R21): people with neither email nor phone, added with a name and an
// employee ID while the community allows them (R25), who join with a 16-letter code an admin
// prints for them: one live code per account, 90 days, spent by one use, to claim (pick a
// username and a password) or to recover (a new password). Codes are kept as keyed hashes
// (R32), guessing is throttled per client address (R33), every route is for admins of the
// community only (R35), and everything is audited (R36).

const PASSWORD = 'amber lantern orchard 7';
const STAFF_PASSWORD = 'a quiet harbour at dawn 42';
const DAY = 86_400_000;
const CODE_SHAPE = /^[A-HJKMNP-TV-Z]{4}(-[A-HJKMNP-TV-Z]{4}){3}$/;

let serial = 0;
const unique = (prefix: string) => {
  serial += 1;
  return `${prefix}${serial}`;
};
/** A client address of its own, so one test's attempts never throttle another's. */
function clientIp(): string {
  serial += 1;
  return `198.19.${Math.floor(serial / 250)}.${(serial % 250) + 1}`;
}

interface Admin {
  communityId: string;
  slug: string;
  adminId: string;
  client: Client;
}

async function setup(world: World, { accessCodes = true } = {}): Promise<Admin> {
  const { community, admin, slug } = await seedCommunity(world);
  const client = await signIn(world.app, admin.email ?? '', ADMIN_PASSWORD, slug);
  if (accessCodes) await setAccessCodes(client, true);
  return { communityId: community.id, slug, adminId: admin.id, client };
}

async function setAccessCodes(client: Client, on: boolean) {
  const response = await client.patch('/api/v1/settings', { accessCodeProfilesEnabled: on });
  expect(response.statusCode, response.body).toBe(200);
}

/** Adds an access-code person (a name and an employee ID) and answers their id. */
async function addWorker(admin: Admin, fields: Record<string, unknown> = {}): Promise<string> {
  const response = await admin.client.post('/api/v1/people', {
    displayName: unique('Worker '),
    externalId: unique('E'),
    ...fields,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function issue(client: Client, id: string): Promise<{ accessCode: string; expiresAt: string }> {
  const response = await client.post(`/api/v1/people/${id}/access-code`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

function redeem(world: World, body: Record<string, unknown>, ip = clientIp()) {
  return world.app.inject({
    method: 'POST',
    url: '/api/v1/access-code/claim',
    payload: body,
    remoteAddress: ip,
  });
}

function login(world: World, slug: string, identifier: string, password: string, ip = clientIp()) {
  return world.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { community: slug, identifier, password },
    remoteAddress: ip,
  });
}

/** A worker who claimed their account with a code: their id, username and password. */
async function claimedWorker(world: World, admin: Admin) {
  const id = await addWorker(admin);
  const { accessCode } = await issue(admin.client, id);
  const username = unique('worker.');
  const claimed = await redeem(world, { accessCode, username, password: PASSWORD });
  expect(claimed.statusCode, claimed.body).toBe(200);
  return { id, username, password: PASSWORD, cookie: sessionCookieFrom(claimed) };
}

async function personRow(world: World, id: string) {
  return world.deps.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function auditOf(world: World, communityId: string, type: string, targetId?: string) {
  let query = world.deps.db
    .selectFrom('audit_events')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('type', '=', type);
  if (targetId) query = query.where('target_id', '=', targetId);
  return query.orderBy('id').execute();
}

/** A staff member of the admin's community with a role, signed in. */
async function staff(world: World, admin: Admin, role: 'account_manager' | 'analyst' | 'member') {
  const email = `${unique(role)}@example.com`;
  const created = await admin.client.post('/api/v1/people', { email, displayName: `Staff ${role}` });
  expect(created.statusCode, created.body).toBe(201);
  const id: string = created.json().id;
  if (role !== 'member') {
    const promoted = await admin.client.put(`/api/v1/people/${id}/role`, { role });
    expect(promoted.statusCode, promoted.body).toBe(200);
  }
  await activateWithPassword(world, id, STAFF_PASSWORD);
  return { id, client: await signIn(world.app, email, STAFF_PASSWORD, admin.slug) };
}

describe('access codes: the code itself (R21, R32)', () => {
  it('is 16 letters of an alphabet without I, L, O or U, shown in groups of four', () => {
    expect(ACCESS_CODE_ALPHABET).toHaveLength(22);
    expect(ACCESS_CODE_ALPHABET).not.toMatch(/[ILOU0-9]/);
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = generateAccessCode();
      expect(code).toMatch(/^[A-HJKMNP-TV-Z]{16}$/);
      expect(formatAccessCode(code)).toMatch(CODE_SHAPE);
      seen.add(code);
    }
    expect(seen.size).toBe(2000);
  });

  it('draws every letter about equally often (no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 4000; i++)
      for (const c of generateAccessCode()) counts.set(c, (counts.get(c) ?? 0) + 1);
    const expected = (4000 * 16) / 22;
    for (const letter of ACCESS_CODE_ALPHABET) {
      expect(Math.abs((counts.get(letter) ?? 0) - expected) / expected).toBeLessThan(0.1);
    }
  });

  it('reads back a code however it is cased, spaced and dashed (property)', () => {
    const code = fc
      .array(fc.constantFrom(...ACCESS_CODE_ALPHABET), { minLength: 16, maxLength: 16 })
      .map((letters) => letters.join(''));
    const separator = fc.constantFrom('', ' ', '-', '  ', ' - ', '\t', '\u2013', '\u00a0');
    fc.assert(
      fc.property(
        code,
        fc.array(separator, { minLength: 17, maxLength: 17 }),
        fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        (canonical, separators, lower) => {
          const typed = [...canonical]
            .map((c, i) => `${separators[i]}${lower[i] ? c.toLowerCase() : c}`)
            .join('')
            .concat(separators[16] ?? '');
          expect(normaliseAccessCode(typed)).toBe(canonical);
          expect(normaliseAccessCode(formatAccessCode(canonical))).toBe(canonical);
        },
      ),
    );
  });

  it('answers null, never throws, for anything that is not 16 letters of the alphabet (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (input) => {
        const read = normaliseAccessCode(input);
        if (read !== null) {
          expect(read).toHaveLength(16);
          for (const c of read) expect(ACCESS_CODE_ALPHABET).toContain(c);
        }
      }),
    );
    for (const bad of [
      '',
      'ABCD-EFGH-JKMN-PQR',
      'ABCD-EFGH-JKMN-PQRSA',
      'ABCD-EFGH-JKMN-PQRI',
      'ABCD-EFGH-JKMN-PQR0',
    ]) {
      expect(normaliseAccessCode(bad)).toBeNull();
    }
    // Only ASCII letters are upper-cased: ß must not become SS and fit by accident.
    expect(normaliseAccessCode('ABCDEFGHJKMNPQß')).toBeNull();
  });
});

eachDatabase('access codes (R21)', (world) => {
  describe('the setting gates access-code accounts like R1 gates phone accounts (R21, R25)', () => {
    it('refuses a person with neither email nor phone while access codes are off, with a clear error', async () => {
      const admin = await setup(world, { accessCodes: false });
      const refused = expectProblem(
        await admin.client.post('/api/v1/people', { displayName: 'Ana Off', externalId: 'E-OFF-1' }),
        403,
        'access_code_profiles_disabled',
      );
      expect(refused.detail).toMatch(/access codes is turned off.*Settings/i);
      expectProblem(
        await admin.client.post('/api/v1/people', { displayName: 'No Login' }),
        400,
        'login_identifier_required',
      );
      const batch = await admin.client.post('/api/v1/people/batch', {
        people: [{ displayName: 'Batch Off', externalId: 'E-OFF-2' }],
      });
      expect(batch.json().results[0]).toMatchObject({
        status: 'error',
        code: 'access_code_profiles_disabled',
      });
      expect(
        await world.deps.db
          .selectFrom('people')
          .select('id')
          .where('community_id', '=', admin.communityId)
          .execute(),
      ).toHaveLength(1);
    });

    it('adds one by the admin panel, REST and batch once on: a username account with no username yet', async () => {
      const admin = await setup(world);
      const added = await admin.client.post('/api/v1/people', {
        displayName: 'Ana Picker',
        externalId: 'E1001',
      });
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json()).toMatchObject({
        loginKind: 'username',
        username: null,
        email: null,
        phone: null,
        externalId: 'E1001',
        state: 'not_invited',
      });
      const batch = await admin.client.post('/api/v1/people/batch', {
        people: [
          { displayName: 'Ben Picker', externalId: 'E1002' },
          { displayName: 'Cat Picker', externalId: 'E1003' },
          { displayName: 'No Id' },
          { displayName: 'Duplicate', externalId: 'E1001' },
        ],
      });
      expect(batch.statusCode, batch.body).toBe(200);
      expect(batch.json().results.map((r: { status: string; code?: string }) => r.code ?? r.status)).toEqual([
        'created',
        'created',
        'login_identifier_required',
        'external_id_taken',
      ]);
      const noId = batch.json().results[2];
      expect(noId.message).toMatch(/employee ID/);
      expect(noId.errors).toEqual([{ path: 'externalId', message: expect.any(String) }]);
      // Every one of them has no userName yet: NULLs never collide in the unique index.
      const rows = await world.deps.db
        .selectFrom('people')
        .select(['user_name', 'username'])
        .where('community_id', '=', admin.communityId)
        .where('login_kind', '=', 'username')
        .execute();
      expect(rows).toEqual([
        { user_name: null, username: null },
        { user_name: null, username: null },
        { user_name: null, username: null },
      ]);
    });

    it('refuses new codes and the use of codes already made while the setting is off; revoking still works', async () => {
      const admin = await setup(world);
      const id = await addWorker(admin);
      const { accessCode } = await issue(admin.client, id);
      await setAccessCodes(admin.client, false);
      expectProblem(
        await admin.client.post(`/api/v1/people/${id}/access-code`),
        403,
        'access_code_profiles_disabled',
      );
      const used = expectProblem(
        await redeem(world, { accessCode, username: unique('off.'), password: PASSWORD }),
        403,
        'access_code_profiles_disabled',
      );
      expect(used.detail).toMatch(/Ask your admin/);
      expect((await personRow(world, id)).access_code_used_at).toBeNull();
      expect((await admin.client.delete(`/api/v1/people/${id}/access-code`)).statusCode).toBe(204);
      await setAccessCodes(admin.client, true);
      expectProblem(
        await redeem(world, { accessCode, username: unique('off.'), password: PASSWORD }),
        410,
        'access_code_revoked',
      );
    });
    it('keeps the employee ID of an account that has not picked a username yet, and its login kind', async () => {
      const admin = await setup(world);
      const id = await addWorker(admin);
      expectProblem(
        await admin.client.patch(`/api/v1/people/${id}`, { externalId: null }),
        400,
        'login_identifier_required',
      );
      const renamed = await admin.client.patch(`/api/v1/people/${id}`, { externalId: unique('NEW') });
      expect(renamed.statusCode, renamed.body).toBe(200);
      const email = expectProblem(
        await admin.client.patch(`/api/v1/people/${id}`, { email: 'late@example.com' }),
        409,
        'login_kind_immutable',
      );
      expect(email.detail).toMatch(/signs in by username/);
    });
  });

  describe('making a code (R21, R32, R36)', () => {
    it('answers 16 letters once, for 90 days, with no-store; keeps only a keyed hash; audits without the code', async () => {
      const admin = await setup(world);
      const id = await addWorker(admin);
      const response = await admin.client.post(`/api/v1/people/${id}/access-code`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['cache-control']).toContain('no-store');
      const body = response.json();
      expect(body.accessCode).toMatch(CODE_SHAPE);
      expect(body.purpose).toBe('claim');
      expect(Date.parse(body.expiresAt) - world.clock.now().getTime()).toBe(90 * DAY);
      const compact = body.accessCode.replaceAll('-', '');
      expect(body.redeemUrl).toBe(`http://muster.test/access-code?code=${compact}`);

      const row = await personRow(world, id);
      expect(row.access_code_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(compact);
      expect(row.invited).toBe(1);
      expect((await admin.client.get(`/api/v1/people/${id}`)).json().state).toBe('invited');

      const [event] = await auditOf(world, admin.communityId, 'Access Code Created', id);
      expect(event?.actor_id).toBe(admin.adminId);
      expect(JSON.parse(event?.details ?? '{}')).toEqual({ purpose: 'claim', expiresAt: body.expiresAt });
      const everything = JSON.stringify(
        await world.deps.db
          .selectFrom('audit_events')
          .selectAll()
          .where('community_id', '=', admin.communityId)
          .execute(),
      );
      expect(everything).not.toContain(compact);
      expect(everything).not.toContain(body.accessCode);

      const status = await admin.client.get(`/api/v1/people/${id}/access-code`);
      expect(status.json()).toEqual({
        state: 'active',
        createdAt: expect.any(String),
        expiresAt: body.expiresAt,
        usedAt: null,
      });
      expect(status.body).not.toContain(compact);
    });

    it('is only for people with neither email nor phone, never for oneself, never for a deactivated account', async () => {
      const admin = await setup(world);
      const email = await admin.client.post('/api/v1/people', {
        email: `${unique('e')}@example.com`,
        displayName: 'Email Person',
      });
      const refused = expectProblem(
        await admin.client.post(`/api/v1/people/${email.json().id}/access-code`),
        409,
        'not_an_access_code_account',
      );
      expect(refused.detail).toMatch(/email/);
      expectProblem(
        await admin.client.post(`/api/v1/people/${admin.adminId}/access-code`),
        409,
        'cannot_target_self',
      );
      const id = await addWorker(admin);
      expect((await admin.client.post(`/api/v1/people/${id}/deactivate`)).statusCode).toBe(200);
      expectProblem(
        await admin.client.post(`/api/v1/people/${id}/access-code`),
        409,
        'account_not_invitable',
      );
    });

    it('a new code cancels the old one at once', async () => {
      const admin = await setup(world);
      const id = await addWorker(admin);
      const first = await issue(admin.client, id);
      const second = await issue(admin.client, id);
      expect(second.accessCode).not.toBe(first.accessCode);
      expectProblem(
        await redeem(world, { accessCode: first.accessCode, username: unique('old.'), password: PASSWORD }),
        400,
        'access_code_invalid',
      );
      const ok = await redeem(world, {
        accessCode: second.accessCode,
        username: unique('new.'),
        password: PASSWORD,
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(await auditOf(world, admin.communityId, 'Access Code Created', id)).toHaveLength(2);
    });

    it('revoking cancels it at once, is audited once, and is harmless when there is nothing to cancel', async () => {
      const admin = await setup(world);
      const id = await addWorker(admin);
      const { accessCode } = await issue(admin.client, id);
      const revoked = await admin.client.delete(`/api/v1/people/${id}/access-code`);
      expect(revoked.statusCode, revoked.body).toBe(204);
      expect((await admin.client.delete(`/api/v1/people/${id}/access-code`)).statusCode).toBe(204);
      expect(await auditOf(world, admin.communityId, 'Access Code Revoked', id)).toHaveLength(1);
      const refused = expectProblem(
        await redeem(world, { accessCode, username: unique('rev.'), password: PASSWORD }),
        410,
        'access_code_revoked',
      );
      expect(refused.detail).toMatch(/Ask your admin/);
      expect((await admin.client.get(`/api/v1/people/${id}/access-code`)).json().state).toBe('revoked');
      const [failure] = await auditOf(world, admin.communityId, 'Access Code Failed', id);
      expect(failure?.outcome).toBe('failure');
      expect(JSON.parse(failure?.details ?? '{}')).toEqual({ reason: 'revoked' });
    });

    it('expires after 90 days, and says so', async () => {
      const admin = await setup(world);
      const id = await addWorker(admin);
      const { accessCode, expiresAt } = await issue(admin.client, id);
      world.clock.advance(90 * DAY - 60_000);
      const client = await signIn(world.app, `admin@${admin.slug}.test`, ADMIN_PASSWORD, admin.slug);
      expect((await client.get(`/api/v1/people/${id}/access-code`)).json().state).toBe('active');
      world.clock.advance(2 * 60_000);
      const refused = expectProblem(
        await redeem(world, { accessCode, username: unique('late.'), password: PASSWORD }),
        410,
        'access_code_expired',
      );
      expect(refused.detail).toContain(expiresAt.slice(0, 10));
      expect(refused.detail).toMatch(/Ask your admin/);
      expect((await client.get(`/api/v1/people/${id}/access-code`)).json().state).toBe('expired');
      expect((await personRow(world, id)).claimed).toBe(0);
    });

    it('is forgotten by housekeeping a month after it expired, used or not; until then it says it expired (R21)', async () => {
      const admin = await setup(world);
      const unused = await addWorker(admin);
      const { accessCode } = await issue(admin.client, unused);
      const used = await claimedWorker(world, admin);
      const later = await addWorker(admin);
      world.clock.advance(30 * DAY);
      const again = await signIn(world.app, `admin@${admin.slug}.test`, ADMIN_PASSWORD, admin.slug);
      await issue(again, later);
      world.clock.advance(60 * DAY + 29 * DAY);
      await sweepExpired(world.deps.db, world.clock, world.deps.config);
      // 29 days past its expiry: still known, so the worker hears that it expired.
      expectProblem(
        await redeem(world, { accessCode, username: unique('late.'), password: PASSWORD }),
        410,
        'access_code_expired',
      );
      world.clock.advance(2 * DAY);
      await sweepExpired(world.deps.db, world.clock, world.deps.config);
      for (const id of [unused, used.id]) {
        const row = await personRow(world, id);
        expect(row.access_code_hash).toBeNull();
        expect(row.access_code_expires_at).toBeNull();
      }
      const client = await signIn(world.app, `admin@${admin.slug}.test`, ADMIN_PASSWORD, admin.slug);
      expect((await client.get(`/api/v1/people/${unused}/access-code`)).json().state).toBe('none');
      expectProblem(
        await redeem(world, { accessCode, username: unique('late.'), password: PASSWORD }),
        400,
        'access_code_invalid',
      );
      // A code made a month later expired a day ago: kept, and still said to have expired.
      expect((await personRow(world, later)).access_code_hash).not.toBeNull();
      expect((await client.get(`/api/v1/people/${later}/access-code`)).json().state).toBe('expired');
    });

    it('dies with a deactivation: reactivating the account does not bring the code back', async () => {
      const admin = await setup(world);
      const id = await addWorker(admin);
      const { accessCode } = await issue(admin.client, id);
      expect((await admin.client.post(`/api/v1/people/${id}/deactivate`)).statusCode).toBe(200);
      expect((await admin.client.post(`/api/v1/people/${id}/reactivate`)).statusCode).toBe(200);
      expectProblem(
        await redeem(world, { accessCode, username: unique('back.'), password: PASSWORD }),
        410,
        'access_code_revoked',
      );
      const fresh = await issue(admin.client, id);
      expect(
        (await redeem(world, { accessCode: fresh.accessCode, username: unique('back.'), password: PASSWORD }))
          .statusCode,
      ).toBe(200);
    });
  });

  describe('claiming with a code (R21, R30, R31)', () => {
    it('picks a username and a password, signs in, and the username then signs in with POST /auth/login', async () => {
      const admin = await setup(world);
      const id = await addWorker(admin, { displayName: 'Dee Okafor' });
      const { accessCode } = await issue(admin.client, id);
      const username = unique('Dee.Okafor');
      const typed = ` ${accessCode.toLowerCase().replaceAll('-', ' ')} `;
      const claimed = await redeem(world, {
        community: admin.slug,
        accessCode: typed,
        username,
        password: PASSWORD,
      });
      expect(claimed.statusCode, claimed.body).toBe(200);
      expect(claimed.headers['cache-control']).toContain('no-store');
      expect(claimed.json()).toMatchObject({
        outcome: 'claimed',
        person: { id, loginKind: 'username', username: username.toLowerCase(), state: 'active' },
        community: { slug: admin.slug },
        secondFactor: 'not_required',
      });
      const cookie = sessionCookieFrom(claimed);
      expect(cookie).toBeTruthy();
      const me = await world.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: cookie ?? '' },
      });
      expect(me.statusCode, me.body).toBe(200);
      expect(me.json().person.id).toBe(id);

      const signedIn = await login(world, admin.slug, username.toUpperCase(), PASSWORD);
      expect(signedIn.statusCode, signedIn.body).toBe(200);
      expect((await login(world, admin.slug, username, 'not the password at all')).statusCode).toBe(401);

      const row = await personRow(world, id);
      expect(row).toMatchObject({
        claimed: 1,
        username: username.toLowerCase(),
        user_name: username.toLowerCase(),
      });
      expect(row.access_code_used_at).not.toBeNull();
      const [event] = await auditOf(world, admin.communityId, 'Account Activated', id);
      expect(event?.actor_id).toBe(id);
      expect(JSON.parse(event?.details ?? '{}')).toMatchObject({
        method: 'access_code',
        username: username.toLowerCase(),
      });
      expect((await admin.client.get(`/api/v1/people/${id}/access-code`)).json().state).toBe('used');
    });

    it('works once: the same code again says it was used and tells the worker what to do', async () => {
      const admin = await setup(world);
      const id = await addWorker(admin);
      const code = await issue(admin.client, id);
      expect(
        (await redeem(world, { accessCode: code.accessCode, username: unique('once.'), password: PASSWORD }))
          .statusCode,
      ).toBe(200);
      const again = expectProblem(
        await redeem(world, {
          accessCode: code.accessCode,
          username: unique('twice.'),
          password: 'another fine passphrase',
        }),
        410,
        'access_code_used',
      );
      expect(again.detail).toMatch(/already been used.*sign in/);
      const [failure] = await auditOf(world, admin.communityId, 'Access Code Failed', id);
      expect(JSON.parse(failure?.details ?? '{}')).toEqual({ reason: 'used' });
    });

    it('refuses, without spending the code, a missing username, one that reads as a phone number, one taken, and a weak password', async () => {
      const admin = await setup(world);
      const taken = await claimedWorker(world, admin);
      const id = await addWorker(admin, { displayName: 'Eve Ruiz' });
      const { accessCode } = await issue(admin.client, id);
      const ip = clientIp();
      const missing = expectProblem(
        await redeem(world, { accessCode, password: PASSWORD }, ip),
        400,
        'username_required',
      );
      expect(missing.errors).toEqual([{ path: 'username', message: 'required' }]);
      expectProblem(
        await redeem(world, { accessCode, username: '07911123456', password: PASSWORD }, ip),
        400,
        'username_invalid',
      );
      expectProblem(
        await redeem(world, { accessCode, username: 'no spaces please', password: PASSWORD }, ip),
        400,
        'username_invalid',
      );
      const clash = expectProblem(
        await redeem(world, { accessCode, username: taken.username.toUpperCase(), password: PASSWORD }, ip),
        409,
        'user_name_taken',
      );
      expect(clash.detail).toMatch(/Choose another; your access code still works/);
      expectProblem(
        await redeem(world, { accessCode, username: unique('eve.'), password: 'short' }, ip),
        400,
        'password_too_short',
      );
      expectProblem(
        await redeem(world, { accessCode, username: 'eve.ruiz', password: 'eve.ruiz2026' }, ip),
        400,
        'password_too_personal',
      );
      expect((await personRow(world, id)).access_code_used_at).toBeNull();
      const ok = await redeem(world, { accessCode, username: unique('eve.'), password: PASSWORD }, ip);
      expect(ok.statusCode, ok.body).toBe(200);
    });

    it('says a code of another community is not valid there', async () => {
      const admin = await setup(world);
      const other = await setup(world);
      const id = await addWorker(admin);
      const { accessCode } = await issue(admin.client, id);
      expectProblem(
        await redeem(world, {
          community: other.slug,
          accessCode,
          username: unique('x.'),
          password: PASSWORD,
        }),
        400,
        'access_code_invalid',
      );
      const ok = await redeem(world, {
        community: admin.slug,
        accessCode,
        username: unique('x.'),
        password: PASSWORD,
      });
      expect(ok.statusCode, ok.body).toBe(200);
    });

    it('R33: of 8 parallel uses of one code exactly one succeeds, and only its username and password exist', async () => {
      const admin = await setup(world);
      const id = await addWorker(admin);
      const { accessCode } = await issue(admin.client, id);
      const names = Array.from({ length: 8 }, () => unique('racer.'));
      const answers = await Promise.all(
        names.map((username, i) =>
          redeem(world, { accessCode, username, password: `racing passphrase ${i}` }),
        ),
      );
      const ok = answers.filter((a) => a.statusCode === 200);
      expect(ok).toHaveLength(1);
      for (const answer of answers.filter((a) => a.statusCode !== 200)) {
        expectProblem(answer, 410, 'access_code_used');
      }
      const winner = answers.indexOf(ok[0] as LightMyRequestResponse);
      expect((await personRow(world, id)).username).toBe(names[winner]);
      expect(await auditOf(world, admin.communityId, 'Account Activated', id)).toHaveLength(1);
      expect(
        (await login(world, admin.slug, names[winner] ?? '', `racing passphrase ${winner}`)).statusCode,
      ).toBe(200);
      const loser = (winner + 1) % 8;
      expect(
        (await login(world, admin.slug, names[loser] ?? '', `racing passphrase ${loser}`)).statusCode,
      ).toBe(401);
      const sessions = await world.deps.db
        .selectFrom('sessions')
        .select('id')
        .where('person_id', '=', id)
        .execute();
      expect(sessions).toHaveLength(2);
    });

    it('of two workers racing for one username exactly one gets it; the other keeps a working code', async () => {
      const admin = await setup(world);
      const ids = [await addWorker(admin), await addWorker(admin)];
      const codes = await Promise.all(ids.map((id) => issue(admin.client, id)));
      const username = unique('popular.');
      const answers = await Promise.all(
        codes.map(({ accessCode }) => redeem(world, { accessCode, username, password: PASSWORD })),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
      const lost = answers.findIndex((a) => a.statusCode === 409);
      expectProblem(answers[lost] as LightMyRequestResponse, 409, 'user_name_taken');
      const retry = await redeem(world, {
        accessCode: codes[lost]?.accessCode,
        username: unique('second.'),
        password: PASSWORD,
      });
      expect(retry.statusCode, retry.body).toBe(200);
    });

    it('claims an account an identity provider named over SCIM: its username stays as it was', async () => {
      const admin = await setup(world);
      const token = await createTokenAsOperator({
        deps: world.deps,
        communitySlug: admin.slug,
        name: 'Okta',
        scopes: ['scim'],
      });
      const created = await world.app.inject({
        method: 'POST',
        url: '/scim/v2/Users',
        headers: { authorization: `Bearer ${token.secret}`, 'content-type': 'application/scim+json' },
        payload: {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
          userName: 'Dana.Lee',
          displayName: 'Dana Lee',
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const id: string = created.json().id;
      const { accessCode } = await issue(admin.client, id);
      expectProblem(
        await redeem(world, { accessCode, username: 'dana.l', password: PASSWORD }),
        400,
        'username_mismatch',
      );
      const claimed = await redeem(world, { accessCode, username: 'DANA.LEE', password: PASSWORD });
      expect(claimed.statusCode, claimed.body).toBe(200);
      expect(claimed.json().person).toMatchObject({ username: 'dana.lee', state: 'active' });
      expect((await login(world, admin.slug, 'dana.lee', PASSWORD)).statusCode).toBe(200);
      const scimUser = await world.app.inject({
        method: 'GET',
        url: `/scim/v2/Users/${id}`,
        headers: { authorization: `Bearer ${token.secret}` },
      });
      expect(scimUser.json().userName).toBe('Dana.Lee');
      // A person added over REST has no userName until they pick a username; SCIM still reads them.
      const restPerson = await addWorker(admin);
      const read = await world.app.inject({
        method: 'GET',
        url: `/scim/v2/Users/${restPerson}`,
        headers: { authorization: `Bearer ${token.secret}` },
      });
      expect(read.statusCode, read.body).toBe(200);
    });
  });

  describe('recovering with a code (R21, R31, R41)', () => {
    it('resets a claimed account’s password, ends its other sessions and signs in; the username is optional but must match', async () => {
      const admin = await setup(world);
      const worker = await claimedWorker(world, admin);
      const phone = await login(world, admin.slug, worker.username, worker.password);
      const phoneCookie = sessionCookieFrom(phone) ?? '';
      const issued = await admin.client.post(`/api/v1/people/${worker.id}/access-code`);
      expect(issued.json().purpose).toBe('recovery');
      const { accessCode } = issued.json();
      const mismatch = expectProblem(
        await redeem(world, { accessCode, username: 'someone.else', password: 'brand new passphrase' }),
        400,
        'username_mismatch',
      );
      expect(mismatch.detail).toContain(worker.username);
      const recovered = await redeem(world, { accessCode, password: 'brand new passphrase' });
      expect(recovered.statusCode, recovered.body).toBe(200);
      expect(recovered.json()).toMatchObject({ outcome: 'recovered', otherSessionsEnded: 2 });
      expect(recovered.json().person.username).toBe(worker.username);
      const old = await world.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: phoneCookie },
      });
      expect(old.statusCode).toBe(401);
      const fresh = await world.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: sessionCookieFrom(recovered) ?? '' },
      });
      expect(fresh.statusCode).toBe(200);
      expect((await login(world, admin.slug, worker.username, worker.password)).statusCode).toBe(401);
      expect((await login(world, admin.slug, worker.username, 'brand new passphrase')).statusCode).toBe(200);
      const [event] = await auditOf(world, admin.communityId, 'Password Reset Succeeded', worker.id);
      expect(JSON.parse(event?.details ?? '{}')).toMatchObject({
        method: 'access_code',
        otherSessionsEnded: 2,
      });
      expectProblem(
        await redeem(world, { accessCode, password: 'yet another passphrase' }),
        410,
        'access_code_used',
      );
    });

    it('lifts a sign-in lockout: the admin vouched for the worker by handing them the code', async () => {
      const admin = await setup(world);
      const worker = await claimedWorker(world, admin);
      const ip = clientIp();
      let last: LightMyRequestResponse | undefined;
      for (let i = 0; i < 12; i++)
        last = await login(world, admin.slug, worker.username, `wrong guess ${i}`, ip);
      expectProblem(last as LightMyRequestResponse, 429, 'rate_limited');
      const { accessCode } = await issue(admin.client, worker.id);
      expect((await redeem(world, { accessCode, password: 'after the lockout 1' })).statusCode).toBe(200);
      expect(
        (await login(world, admin.slug, worker.username, 'after the lockout 1', clientIp())).statusCode,
      ).toBe(200);
    });
  });

  describe('who may make and cancel codes (R35, R36)', () => {
    it('admins and account managers of the community; analysts and members get 403; another community’s id is 404', async () => {
      const admin = await setup(world);
      const other = await setup(world);
      const manager = await staff(world, admin, 'account_manager');
      const analyst = await staff(world, admin, 'analyst');
      const member = await staff(world, admin, 'member');
      const id = await addWorker(admin);
      const foreign = await addWorker(other);

      const byManager = await manager.client.post(`/api/v1/people/${id}/access-code`);
      expect(byManager.statusCode, byManager.body).toBe(200);
      const [event] = await auditOf(world, admin.communityId, 'Access Code Created', id);
      expect(event?.actor_id).toBe(manager.id);
      expect((await manager.client.get(`/api/v1/people/${id}/access-code`)).statusCode).toBe(200);
      expect((await manager.client.delete(`/api/v1/people/${id}/access-code`)).statusCode).toBe(204);

      for (const client of [analyst.client, member.client]) {
        expectProblem(await client.post(`/api/v1/people/${id}/access-code`), 403, 'forbidden');
        expectProblem(await client.get(`/api/v1/people/${id}/access-code`), 403, 'forbidden');
        expectProblem(await client.delete(`/api/v1/people/${id}/access-code`), 403, 'forbidden');
        expectProblem(await client.post('/api/v1/people/access-codes', { ids: [id] }), 403, 'forbidden');
      }
      const anonymous = await world.app.inject({ method: 'POST', url: `/api/v1/people/${id}/access-code` });
      expectProblem(anonymous, 401, 'unauthenticated');

      for (const client of [admin.client, manager.client]) {
        expectProblem(await client.post(`/api/v1/people/${foreign}/access-code`), 404, 'not_found');
        expectProblem(await client.get(`/api/v1/people/${foreign}/access-code`), 404, 'not_found');
        expectProblem(await client.delete(`/api/v1/people/${foreign}/access-code`), 404, 'not_found');
        const bulk = await client.post('/api/v1/people/access-codes', { ids: [foreign] });
        expect(bulk.json()).toMatchObject({
          done: 0,
          failed: 1,
          results: [{ id: foreign, status: 'error', code: 'not_found' }],
        });
      }
      expect((await personRow(world, foreign)).access_code_hash).toBeNull();
      // An account manager may not act on a system admin (who, anyway, has an email or phone).
      expectProblem(
        await manager.client.post(`/api/v1/people/${admin.adminId}/access-code`),
        403,
        'target_outranks_actor',
      );
    });

    it('never makes a person without email or phone a system admin; an account manager is fine', async () => {
      const admin = await setup(world);
      const id = await addWorker(admin);
      const refused = expectProblem(
        await admin.client.put(`/api/v1/people/${id}/role`, { role: 'system_admin' }),
        403,
        'forbidden',
      );
      expect(refused.detail).toMatch(/email address or a mobile number/);
      expect((await personRow(world, id)).role).toBe('member');
      const manager = await admin.client.put(`/api/v1/people/${id}/role`, { role: 'account_manager' });
      expect(manager.statusCode, manager.body).toBe(200);
    });
  });

  describe('a code and the second factor (R40)', () => {
    /** A worker who claimed with a code, then made an account manager by a system admin. */
    async function accessCodeManager(admin: Admin) {
      const id = await addWorker(admin);
      const { accessCode } = await issue(admin.client, id);
      const username = unique('manager.');
      const claimed = await redeem(world, { accessCode, username, password: PASSWORD });
      expect(claimed.statusCode, claimed.body).toBe(200);
      const promoted = await admin.client.put(`/api/v1/people/${id}/role`, { role: 'account_manager' });
      expect(promoted.statusCode, promoted.body).toBe(200);
      return { id, username };
    }

    /** Sets up an authenticator app for the account, as its owner does; answers its secret. */
    async function enrol(username: string, slug: string): Promise<string> {
      const signedIn = await login(world, slug, username, PASSWORD);
      expect(signedIn.statusCode, signedIn.body).toBe(200);
      const client = new Client(world.app, sessionCookieFrom(signedIn), signedIn.json().csrfToken);
      const started = await client.post('/api/v1/me/totp', { password: PASSWORD });
      expect(started.statusCode, started.body).toBe(200);
      client.adopt(started);
      const secret: string = started.json().secret;
      const confirmed = await client.post('/api/v1/me/totp/confirm', {
        code: currentTotp(secret, world.clock.now()),
      });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      // The code just used is spent: the next one the app shows comes 30 seconds on.
      world.clock.advance(30_000);
      return secret;
    }

    it('recovers an account with an authenticator only with its code too; wrong codes are refused, audited and counted per account', async () => {
      const admin = await setup(world);
      const manager = await accessCodeManager(admin);
      const secret = await enrol(manager.username, admin.slug);
      const issued = await admin.client.post(`/api/v1/people/${manager.id}/access-code`);
      expect(issued.json().purpose).toBe('recovery');
      const { accessCode } = issued.json();
      const before = (await personRow(world, manager.id)).password_hash;

      const asked = expectProblem(
        await redeem(world, { accessCode, password: 'taken over passphrase 1' }),
        401,
        'second_factor_required',
      );
      expect(asked.errors).toEqual([{ path: 'totp', message: 'required for this account' }]);
      const right = currentTotp(secret, world.clock.now());
      const wrong = right === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i++) {
        expectProblem(
          await redeem(world, { accessCode, password: 'taken over passphrase 1', totp: wrong }),
          401,
          'totp_invalid',
        );
      }
      // Counted per account, whatever address the guesses come from.
      expectProblem(
        await redeem(world, { accessCode, password: 'taken over passphrase 1', totp: right }),
        429,
        'rate_limited',
      );
      const refusals = await auditOf(world, admin.communityId, 'Access Code Failed', manager.id);
      expect(refusals.map((event) => JSON.parse(event.details ?? '{}').reason)).toEqual(
        Array(5).fill('wrong_second_factor'),
      );
      // Nothing changed meanwhile: the same password, and the code still works.
      expect((await personRow(world, manager.id)).password_hash).toBe(before);
      expect((await admin.client.get(`/api/v1/people/${manager.id}/access-code`)).json().state).toBe(
        'active',
      );

      world.clock.advance(16 * 60_000);
      const recovered = await redeem(world, {
        accessCode,
        password: 'a fresh passphrase 2',
        totp: currentTotp(secret, world.clock.now()),
      });
      expect(recovered.statusCode, recovered.body).toBe(200);
      expect(recovered.json()).toMatchObject({ outcome: 'recovered', secondFactor: 'enrolled' });
    });

    it('never recovers by code alone an account that must have an authenticator and has none; one not yet claimed still claims', async () => {
      const admin = await setup(world);
      const settings = await admin.client.patch('/api/v1/settings', { secondFactorForAccountManagers: true });
      expect(settings.statusCode, settings.body).toBe(200);
      const manager = await accessCodeManager(admin);
      const { accessCode } = await issue(admin.client, manager.id);
      const refused = expectProblem(
        await redeem(world, { accessCode, password: 'taken over passphrase 1', totp: '123456' }),
        403,
        'recovery_not_allowed',
      );
      expect(refused.detail).toMatch(/access code alone/);
      const [event] = await auditOf(world, admin.communityId, 'Access Code Failed', manager.id);
      expect(JSON.parse(event?.details ?? '{}')).toMatchObject({ reason: 'second_factor_missing' });

      const id = await addWorker(admin);
      expect(
        (await admin.client.put(`/api/v1/people/${id}/role`, { role: 'account_manager' })).statusCode,
      ).toBe(200);
      const claim = await issue(admin.client, id);
      const claimed = await redeem(world, {
        accessCode: claim.accessCode,
        username: unique('new.manager.'),
        password: PASSWORD,
      });
      expect(claimed.statusCode, claimed.body).toBe(200);
      expect(claimed.json()).toMatchObject({ outcome: 'claimed', secondFactor: 'enrollment_required' });
    });

    it('only a system admin makes or cancels a code for an account manager or an analyst: an account manager gets 403', async () => {
      const admin = await setup(world);
      const actor = await staff(world, admin, 'account_manager');
      const manager = await accessCodeManager(admin);
      const analyst = await addWorker(admin);
      expect((await admin.client.put(`/api/v1/people/${analyst}/role`, { role: 'analyst' })).statusCode).toBe(
        200,
      );
      for (const id of [manager.id, analyst]) {
        const hashBefore = (await personRow(world, id)).access_code_hash;
        const refused = expectProblem(
          await actor.client.post(`/api/v1/people/${id}/access-code`),
          403,
          'target_outranks_actor',
        );
        expect(refused.detail).toMatch(/Only a system admin/);
        expectProblem(
          await actor.client.delete(`/api/v1/people/${id}/access-code`),
          403,
          'target_outranks_actor',
        );
        const bulk = await actor.client.post('/api/v1/people/access-codes', { ids: [id] });
        expect(bulk.json()).toMatchObject({
          done: 0,
          failed: 1,
          results: [{ id, status: 'error', code: 'target_outranks_actor' }],
        });
        expect((await personRow(world, id)).access_code_hash).toBe(hashBefore);
        expect((await admin.client.post(`/api/v1/people/${id}/access-code`)).statusCode).toBe(200);
        expect((await admin.client.delete(`/api/v1/people/${id}/access-code`)).statusCode).toBe(204);
      }
      // A member is still the account manager's to help.
      expect(
        (await actor.client.post(`/api/v1/people/${await addWorker(admin)}/access-code`)).statusCode,
      ).toBe(200);
    });
  });

  describe('many codes at once: the sheet and the CSV (R21, R37)', () => {
    it('answers one code per person, with the reason for each person who got none', async () => {
      const admin = await setup(world);
      const a = await addWorker(admin, { displayName: 'Fay Sheet' });
      const b = await addWorker(admin);
      const email = await admin.client.post('/api/v1/people', {
        email: `${unique('s')}@example.com`,
        displayName: 'Mail',
      });
      const missing = '01900000-0000-7000-8000-000000000000';
      const response = await admin.client.post('/api/v1/people/access-codes', {
        ids: [a, b, a, email.json().id, missing],
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['cache-control']).toContain('no-store');
      const sheet = response.json();
      expect(sheet).toMatchObject({ community: { slug: admin.slug }, done: 2, failed: 2 });
      expect(sheet.results.map((r: { code?: string; status: string }) => r.code ?? r.status)).toEqual([
        'done',
        'done',
        'not_an_access_code_account',
        'not_found',
      ]);
      const first = sheet.results[0];
      expect(first).toMatchObject({
        id: a,
        person: { displayName: 'Fay Sheet', username: null },
        purpose: 'claim',
      });
      expect(first.accessCode).toMatch(CODE_SHAPE);
      expect(first.redeemUrl).toContain(first.accessCode.replaceAll('-', ''));
      for (const result of sheet.results.slice(0, 2)) {
        const ok = await redeem(world, {
          accessCode: result.accessCode,
          username: unique('sheet.'),
          password: PASSWORD,
        });
        expect(ok.statusCode, ok.body).toBe(200);
      }
      expect(await auditOf(world, admin.communityId, 'Access Code Created')).toHaveLength(2);
    });

    it('writes a CSV with Username, Employee Id, Access Code, Expires, where no cell can start a formula', async () => {
      const admin = await setup(world);
      const evil = await addWorker(admin, { externalId: '=HYPERLINK("http://evil.test","x")' });
      const plain = await addWorker(admin, { externalId: "-2+3+cmd|' /C calc'!A0" });
      const claimed = await claimedWorker(world, admin);
      const response = await admin.client.post('/api/v1/people/access-codes?format=csv', {
        ids: [evil, plain, claimed.id],
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['content-disposition']).toMatch(
        /attachment; filename="access-codes-\d{4}-\d{2}-\d{2}\.csv"/,
      );
      expect(response.headers['cache-control']).toContain('no-store');
      const lines = response.body.trimEnd().split('\r\n');
      expect(lines[0]).toBe('Username,Employee Id,Access Code,Expires');
      expect(lines).toHaveLength(4);
      expect(lines[1]).toMatch(/^,"'=HYPERLINK\(""http:\/\/evil\.test"",""x""\)",[A-Z]{4}-/);
      expect(lines[2]).toMatch(/^,'-2\+3\+cmd\|' \/C calc'!A0,/);
      const claimedRow = (await personRow(world, claimed.id)).external_id;
      expect(lines[3]).toMatch(new RegExp(`^${claimed.username.replace('.', '\\.')},${claimedRow},`));
      for (const line of lines.slice(1)) {
        for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
      }
      const code = lines[1]?.split(',').at(-2) ?? '';
      expect(
        (await redeem(world, { accessCode: code, username: unique('csv.'), password: PASSWORD })).statusCode,
      ).toBe(200);
    });
  });

  describe('guessing (R33, R36)', () => {
    it('of 60 parallel unknown codes from one address at most the limit are checked, the rest 429; audited', async () => {
      const admin = await setup(world);
      const id = await addWorker(admin);
      const { accessCode } = await issue(admin.client, id);
      const ip = clientIp();
      const guesses = Array.from({ length: 60 }, () => formatAccessCode(generateAccessCode()));
      const answers = await Promise.all(
        guesses.map((guess) =>
          redeem(
            world,
            { community: admin.slug, accessCode: guess, username: 'guess', password: PASSWORD },
            ip,
          ),
        ),
      );
      const checked = answers.filter((a) => a.statusCode === 400);
      const refused = answers.filter((a) => a.statusCode === 429);
      expect(checked.length).toBe(ACCESS_CODE_RULES.client.limit);
      expect(refused.length).toBe(60 - ACCESS_CODE_RULES.client.limit);
      for (const answer of checked) expect(answer.json().code).toBe('access_code_invalid');
      for (const answer of refused) expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);

      // Locked out: even the right code is not checked from there, but it still works from elsewhere.
      expectProblem(
        await redeem(
          world,
          { community: admin.slug, accessCode, username: unique('l.'), password: PASSWORD },
          ip,
        ),
        429,
        'rate_limited',
      );
      expect((await personRow(world, id)).access_code_used_at).toBeNull();
      const failures = await auditOf(world, admin.communityId, 'Access Code Failed');
      expect(failures.length).toBeGreaterThan(0);
      expect(failures.reduce((sum, f) => sum + Number(f.count), 0)).toBe(60 + 1);
      world.clock.advanceMinutes(ACCESS_CODE_RULES.client.firstLockoutMinutes + 1);
      const later = await redeem(world, { accessCode, username: unique('l.'), password: PASSWORD }, ip);
      expect(later.statusCode, later.body).toBe(200);
    });

    it('a whole shift redeeming codes from one shop address is never held back: successes are not counted', async () => {
      const admin = await setup(world);
      const count = ACCESS_CODE_RULES.client.limit + 5;
      const rows = Array.from({ length: count }, () => ({
        displayName: unique('Shift '),
        externalId: unique('S'),
      }));
      const batch = await admin.client.post('/api/v1/people/batch', { people: rows });
      expect(batch.json().created).toBe(count);
      const ids = batch.json().results.map((r: { person: { id: string } }) => r.person.id);
      const sheet = (await admin.client.post('/api/v1/people/access-codes', { ids })).json();
      expect(sheet.done).toBe(count);
      const shop = clientIp();
      for (const result of sheet.results) {
        const ok = await redeem(
          world,
          { accessCode: result.accessCode, username: unique('shift.'), password: PASSWORD },
          shop,
        );
        expect(ok.statusCode, ok.body).toBe(200);
      }
    });

    it('answers any body with a success or a problem, never a 5xx, and changes nobody (R29)', async () => {
      const admin = await setup(world);
      const id = await addWorker(admin);
      await issue(admin.client, id);
      const before = await personRow(world, id);
      const text = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 30 }),
        fc.constantFrom('', ' ', '\u0000', 'null'),
      );
      const body = fc.oneof(
        fc.record(
          { accessCode: text, username: fc.option(text, { nil: undefined }), password: text },
          { requiredKeys: [] },
        ),
        fc.anything(),
      );
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const response = await world.app.inject({
            method: 'POST',
            url: '/api/v1/access-code/claim',
            headers: { 'content-type': 'application/json' },
            payload: JSON.stringify(payload ?? null),
            remoteAddress: clientIp(),
          });
          expect(response.statusCode, response.body).toBeLessThan(500);
          expect(response.statusCode).not.toBe(200);
          expect(response.headers['content-type']).toMatch(/problem\+json/);
        }),
        { numRuns: 60 },
      );
      expect(await personRow(world, id)).toEqual(before);
    });
  });
});
