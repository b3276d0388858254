import { type Algorithm, hash } from '@node-rs/argon2';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  activateWithPassword,
  Client,
  eachDatabase,
  expectProblem,
  loginBody,
  seedCommunity,
  sessionCookieFrom,
  signIn,
  type World,
} from './harness.js';

// Sign-in, sessions, CSRF and passwords (R30, R31, R32, R36).

const STRONG_HASH_PREFIX = '$argon2id$v=19$m=19456,t=2,p=1$';

interface PersonView {
  id: string;
  email: string | null;
  phone: string | null;
  role: string;
  state: string;
}

interface AuditEvent {
  id: string;
  occurredAt: string;
  type: string;
  outcome: 'success' | 'failure';
  actor: { id: string | null; label: string | null };
  target: { id: string | null; label: string | null };
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
  /** How many times it happened: refusals are counted per source, target and minute (R36). */
  count: number;
}

interface SessionItem {
  id: string;
  current: boolean;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

/** How many times the events happened, counting each aggregated refusal as often as it did. */
function occurrences(events: AuditEvent[]): number {
  return events.reduce((sum, event) => sum + event.count, 0);
}

function postLogin(world: World, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return world.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body, headers });
}

/** The problem body without the one member that differs per request. */
function withoutRequestId(response: LightMyRequestResponse): Record<string, unknown> {
  const { requestId, ...rest } = response.json() as Record<string, unknown>;
  expect(typeof requestId).toBe('string');
  return rest;
}

async function auditEvents(client: Client, query: Record<string, string> = {}): Promise<AuditEvent[]> {
  const params = new URLSearchParams({ limit: '500', ...query });
  const response = await client.get(`/api/v1/audit-events?${params}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as AuditEvent[];
}

async function addPerson(
  admin: Client,
  input: { email?: string; phone?: string; displayName: string },
): Promise<PersonView> {
  const created = await admin.post('/api/v1/people', input);
  expect(created.statusCode, created.body).toBe(201);
  return created.json() as PersonView;
}

async function passwordHashOf(world: World, personId: string): Promise<string | null> {
  const row = await world.deps.db
    .selectFrom('people')
    .select('password_hash')
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  return row.password_hash;
}

async function seedAndSignIn(world: World, options: { country?: string } = {}) {
  const seeded = await seedCommunity(world, options);
  const admin = await signIn(world.app, seeded.admin.email ?? '', ADMIN_PASSWORD, seeded.slug);
  return { ...seeded, client: admin };
}

const MEMBER_PASSWORD = 'a member password';

/** A community whose admin is signed in, and a member with a password (member sessions, R41). */
async function seedWithMember(world: World) {
  const seeded = await seedAndSignIn(world);
  const member = await addPerson(seeded.client, {
    email: `member@${seeded.slug}.test`,
    displayName: 'Mo Member',
  });
  await activateWithPassword(world, member.id, MEMBER_PASSWORD);
  return { ...seeded, member, memberEmail: member.email ?? '' };
}

async function listSessions(client: Client): Promise<SessionItem[]> {
  const response = await client.get('/api/v1/me/sessions');
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as SessionItem[];
}

async function me(client: Client) {
  return client.get('/api/v1/me');
}

eachDatabase('auth', (world) => {
  describe('login (R31)', () => {
    it('signs in by email in any case, returns person and csrfToken and sets an HttpOnly, Lax session cookie (R31)', async () => {
      const { admin, slug } = await seedCommunity(world);
      const email = admin.email ?? '';
      for (const identifier of [email, email.toUpperCase(), `  ${email.replace('admin', 'AdMiN')}  `]) {
        const response = await postLogin(world, { identifier, password: ADMIN_PASSWORD, community: slug });
        expect(response.statusCode, response.body).toBe(200);
        const body = response.json();
        expect(body.person.id).toBe(admin.id);
        expect(body.person.email).toBe(email);
        expect(body.community.slug).toBe(slug);
        expect(typeof body.csrfToken).toBe('string');
        expect(body.csrfToken.length).toBeGreaterThanOrEqual(22);
        expect(body.person).not.toHaveProperty('passwordHash');
        expect(response.body).not.toContain('argon2');

        const cookie = response.cookies.find((c) => c.name === 'muster_session');
        expect(cookie).toBeDefined();
        expect(response.cookies.find((c) => c.name === '__Host-muster_session')).toBeUndefined();
        expect(cookie?.httpOnly).toBe(true);
        expect(cookie?.sameSite).toBe('Lax');
        expect(cookie?.path).toBe('/');
        // Plain http: Secure would make the browser drop it.
        expect(cookie?.secure).toBeFalsy();
        expect(cookie?.value).not.toBe(body.csrfToken);
        // The cookie lasts as long as the session's absolute limit.
        expect(Math.floor(Date.parse(body.expiresAt) / 1000)).toBe(
          Math.floor((cookie?.expires?.getTime() ?? 0) / 1000),
        );

        const client = new Client(world.app, sessionCookieFrom(response), body.csrfToken);
        const who = await me(client);
        expect(who.statusCode, who.body).toBe(200);
        expect(who.json().person.id).toBe(admin.id);
        expect(who.json().csrfToken).toBe(body.csrfToken);
      }
    });

    it('signs in by mobile number typed in several formats (R31, R2)', async () => {
      const { client: admin, slug } = await seedAndSignIn(world, { country: 'GB' });
      const enabled = await admin.patch('/api/v1/settings', { phoneProfilesEnabled: true });
      expect(enabled.statusCode, enabled.body).toBe(200);
      const person = await addPerson(admin, { phone: '+44 7911 123456', displayName: 'Pat Phone' });
      expect(person.phone).toBe('+447911123456');
      await activateWithPassword(world, person.id, 'phone person password');

      for (const identifier of [
        '+447911123456',
        '+44 7911 123456',
        '447911123456',
        '0044 7911 123456',
        '07911 123456',
        '07911-123-456',
        ' (07911) 123 456 ',
      ]) {
        const response = await postLogin(world, {
          identifier,
          password: 'phone person password',
          community: slug,
        });
        expect(response.statusCode, `${identifier}: ${response.body}`).toBe(200);
        expect(response.json().person.id).toBe(person.id);
        expect(response.json().person.phone).toBe('+447911123456');
        expect(sessionCookieFrom(response)).toMatch(/^muster_session=/);
      }

      const otherNumber = await postLogin(world, {
        identifier: '+44 7911 123457',
        password: 'phone person password',
        community: slug,
      });
      expectProblem(otherNumber, 401, 'invalid_credentials');
    });

    it('answers wrong password, unknown login, unclaimed and deactivated alike, and audits every attempt (R31, R36)', async () => {
      const { client: admin, slug, admin: adminView } = await seedAndSignIn(world);
      const notInvited = await addPerson(admin, {
        email: 'never@example.test',
        displayName: 'Never Claimed',
      });
      const unclaimedWithHash = await addPerson(admin, {
        email: 'reset@example.test',
        displayName: 'Reset Person',
      });
      // As after a reset to unclaimed: a password hash may linger, but the account is unclaimed.
      await activateWithPassword(world, unclaimedWithHash.id, 'the old password');
      await world.deps.db
        .updateTable('people')
        .set({ claimed: 0, invited: 1 })
        .where('id', '=', unclaimedWithHash.id)
        .execute();
      const leaver = await addPerson(admin, { email: 'leaver@example.test', displayName: 'Lee Leaver' });
      await activateWithPassword(world, leaver.id, 'leaver password');
      const deactivated = await admin.post(`/api/v1/people/${leaver.id}/deactivate`);
      expect(deactivated.statusCode, deactivated.body).toBe(200);

      const failedBefore = await auditEvents(admin, { type: 'Login Failed' });
      expect(failedBefore).toHaveLength(0);

      const attempts = [
        { identifier: adminView.email, password: 'not the admin password' },
        { identifier: 'nobody@example.test', password: ADMIN_PASSWORD },
        { identifier: '+44 7911 000000', password: ADMIN_PASSWORD },
        { identifier: 'someusername', password: ADMIN_PASSWORD },
        { identifier: 'never@example.test', password: '' },
        { identifier: 'never@example.test', password: 'anything at all' },
        { identifier: 'reset@example.test', password: 'the old password' },
        { identifier: 'leaver@example.test', password: 'leaver password' },
      ];
      const bodies: Record<string, unknown>[] = [];
      for (const attempt of attempts) {
        const response = await postLogin(world, { ...attempt, community: slug });
        expectProblem(response, 401, 'invalid_credentials');
        expect(response.cookies).toHaveLength(0);
        bodies.push(withoutRequestId(response));
      }
      for (const body of bodies) expect(body).toEqual(bodies[0]);
      expect(bodies[0]).toMatchObject({ status: 401, code: 'invalid_credentials' });

      // Every attempt is counted; refusals from one source within a minute share a row per target
      // (R36): the three unknown logins one row, the two tries at the never-invited account another.
      const failed = await auditEvents(admin, { type: 'Login Failed' });
      expect(occurrences(failed)).toBe(attempts.length);
      expect(failed).toHaveLength(5);
      for (const event of failed) {
        expect(event.outcome).toBe('failure');
        expect(event.actor.id).toBeNull();
        expect(event.requestId).toBeTruthy();
      }
      const countFor = (id: string | null) => failed.find((e) => e.target.id === id)?.count;
      expect(countFor(null)).toBe(3);
      expect(countFor(notInvited.id)).toBe(2);
      expect(countFor(adminView.id)).toBe(1);
      expect(countFor(unclaimedWithHash.id)).toBe(1);
      expect(countFor(leaver.id)).toBe(1);
      // The attempted passwords never reach the log.
      const logged = JSON.stringify(failed);
      for (const attempt of attempts) if (attempt.password) expect(logged).not.toContain(attempt.password);
      const targets = failed.map((e) => e.target.id);
      expect(targets).toContain(adminView.id);
      expect(targets).toContain(notInvited.id);
      expect(targets).toContain(unclaimedWithHash.id);
      expect(targets).toContain(leaver.id);
      // No attempt leaked a session.
      const sessions = await world.deps.db
        .selectFrom('sessions')
        .select('person_id')
        .where('person_id', 'in', [notInvited.id, unclaimedWithHash.id, leaver.id])
        .execute();
      expect(sessions).toHaveLength(0);

      const loggedInBefore = await auditEvents(admin, { type: 'Logged in' });
      const ok = await postLogin(world, await loginBody(world, adminView.email ?? '', ADMIN_PASSWORD, slug));
      expect(ok.statusCode, ok.body).toBe(200);
      const loggedIn = await auditEvents(admin, { type: 'Logged in' });
      expect(loggedIn).toHaveLength(loggedInBefore.length + 1);
      const newest = loggedIn[0];
      expect(newest?.outcome).toBe('success');
      expect(newest?.actor.id).toBe(adminView.id);
      expect(newest?.target.id).toBe(adminView.id);
      expect(newest?.requestId).toBeTruthy();
      expect(occurrences(await auditEvents(admin, { type: 'Login Failed' }))).toBe(attempts.length);
    });

    it('refuses a login body with unknown fields or no identifier (R29)', async () => {
      const { slug, admin } = await seedCommunity(world);
      expectProblem(
        await postLogin(world, {
          identifier: admin.email,
          password: ADMIN_PASSWORD,
          community: slug,
          role: 'x',
        }),
        400,
        'invalid_request',
      );
      expectProblem(
        await postLogin(world, { password: ADMIN_PASSWORD, community: slug }),
        400,
        'invalid_request',
      );
      expectProblem(
        await postLogin(world, { identifier: '', password: ADMIN_PASSWORD, community: slug }),
        400,
        'invalid_request',
      );
    });
  });

  describe('session secrets (R31, R32)', () => {
    it('stores only a hash of a session token of at least 128 random bits (R31, R32)', async () => {
      const { admin, slug } = await seedCommunity(world);
      const tokens: string[] = [];
      for (let i = 0; i < 3; i++) {
        const response = await postLogin(world, {
          identifier: admin.email,
          password: ADMIN_PASSWORD,
          community: slug,
        });
        expect(response.statusCode, response.body).toBe(200);
        const cookie = response.cookies.find((c) => c.name === 'muster_session');
        const token = cookie?.value ?? '';
        expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
        tokens.push(token);
      }
      expect(new Set(tokens).size).toBe(tokens.length);

      const rows = await world.deps.db
        .selectFrom('sessions')
        .selectAll()
        .where('person_id', '=', admin.id)
        .execute();
      expect(rows).toHaveLength(3);
      const stored = JSON.stringify(rows);
      for (const token of tokens) {
        expect(stored).not.toContain(token);
        expect(stored).not.toContain(Buffer.from(token, 'base64url').toString('hex'));
      }
      for (const row of rows) expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
      // Nor does the token reach the audit log.
      const audit = await world.deps.db
        .selectFrom('audit_events')
        .select('details')
        .where('target_id', '=', admin.id)
        .execute();
      for (const token of tokens) expect(JSON.stringify(audit)).not.toContain(token);
    });

    it('accepts no made-up or altered session cookie (R31)', async () => {
      const { admin, slug } = await seedCommunity(world);
      const client = await signIn(world.app, admin.email ?? '', ADMIN_PASSWORD, slug);
      const [name, value] = (client.cookie ?? '').split('=') as [string, string];
      const altered = `${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}`;
      for (const cookie of [`${name}=${altered}`, `${name}=`, `${name}=x`, `other_session=${value}`]) {
        expectProblem(await new Client(world.app, cookie).get('/api/v1/me'), 401, 'unauthenticated');
      }
      expect((await me(client)).statusCode).toBe(200);
    });
  });

  describe('CSRF (R31)', () => {
    it('refuses cookie-authenticated POST, PATCH and DELETE without the right X-CSRF-Token and changes nothing (R31)', async () => {
      const { client: admin, slug, admin: adminView } = await seedAndSignIn(world);
      const second = await signIn(world.app, adminView.email ?? '', ADMIN_PASSWORD, slug);
      const secondSession = (await listSessions(second)).find((s) => s.current);
      expect(secondSession).toBeDefined();
      const peopleBefore = (await admin.get('/api/v1/people')).json().items.length;
      const settingsBefore = (await admin.get('/api/v1/settings')).json();
      const auditBefore = await auditEvents(admin);

      const noToken = new Client(world.app, admin.cookie, null);
      // Another live session's token is a wrong one too: the token is bound to its session.
      const wrongTokens = [null, 'not-the-token', second.csrfToken, ''];
      for (const token of wrongTokens) {
        const headers: Record<string, string> = token === null ? {} : { 'x-csrf-token': token };
        const forged = new Client(world.app, admin.cookie, null);
        const requests: [string, Promise<LightMyRequestResponse>][] = [
          [
            'POST /people',
            forged.request(
              'POST',
              '/api/v1/people',
              { email: 'csrf@example.test', displayName: 'C' },
              headers,
            ),
          ],
          [
            'PATCH /settings',
            forged.request('PATCH', '/api/v1/settings', { phoneProfilesEnabled: true }, headers),
          ],
          [
            'DELETE /me/sessions/:id',
            forged.request('DELETE', `/api/v1/me/sessions/${secondSession?.id}`, undefined, headers),
          ],
          [
            'POST /me/password',
            forged.request(
              'POST',
              '/api/v1/me/password',
              { currentPassword: ADMIN_PASSWORD, newPassword: 'a brand new password' },
              headers,
            ),
          ],
          [
            'POST /me/sessions/revoke-others',
            forged.request('POST', '/api/v1/me/sessions/revoke-others', undefined, headers),
          ],
          ['POST /auth/logout', forged.request('POST', '/api/v1/auth/logout', undefined, headers)],
        ];
        for (const [label, pending] of requests) {
          const response = await pending;
          expect(response.statusCode, `${label} with ${token}: ${response.body}`).toBe(403);
          expect(response.json().code).toBe('csrf_token_invalid');
        }
      }

      // GET needs no token.
      expect((await noToken.get('/api/v1/me')).statusCode).toBe(200);
      const peopleAfter = await noToken.get('/api/v1/people');
      expect(peopleAfter.statusCode).toBe(200);
      expect(peopleAfter.json().items.length).toBe(peopleBefore);
      expect((await noToken.get('/api/v1/settings')).json()).toEqual(settingsBefore);
      expect((await me(second)).statusCode).toBe(200);
      expect(await listSessions(admin)).toHaveLength(2);
      const stillOld = await postLogin(
        world,
        await loginBody(world, adminView.email ?? '', ADMIN_PASSWORD, slug),
      );
      expect(stillOld.statusCode).toBe(200);
      const auditAfter = await auditEvents(admin);
      // No refused request changed anything: besides the login just made, the only new row is the
      // refusals themselves, counted in one aggregated "Access Denied" row (R36).
      expect(auditAfter.length).toBe(auditBefore.length + 2);
      expect(auditAfter[0]?.type).toBe('Logged in');
      const denied = auditAfter.filter(
        (e) => !auditBefore.some((b) => b.id === e.id) && e.type !== 'Logged in',
      );
      expect(denied).toHaveLength(1);
      expect(denied[0]).toMatchObject({
        type: 'Access Denied',
        outcome: 'failure',
        actor: { id: adminView.id },
        count: wrongTokens.length * 6,
      });
      expect(denied[0]?.details).toMatchObject({ code: 'csrf_token_invalid' });

      // With the right token the same change goes through.
      const real = await admin.patch('/api/v1/settings', { phoneProfilesEnabled: true });
      expect(real.statusCode, real.body).toBe(200);
    });
  });

  describe('own sessions (R31)', () => {
    it('lists own sessions with the current one marked, revokes one by id and not another person’s (R31)', async () => {
      const { client: admin, slug, admin: adminView } = await seedAndSignIn(world);
      const phone = await postLogin(
        world,
        await loginBody(world, adminView.email ?? '', ADMIN_PASSWORD, slug),
        {
          'user-agent': 'CheapPhone/1.0',
        },
      );
      expect(phone.statusCode).toBe(200);
      const phoneClient = new Client(world.app, sessionCookieFrom(phone), phone.json().csrfToken);

      const fromAdmin = await listSessions(admin);
      expect(fromAdmin).toHaveLength(2);
      expect(fromAdmin.filter((s) => s.current)).toHaveLength(1);
      const fromPhone = await listSessions(phoneClient);
      expect(fromPhone).toHaveLength(2);
      const phoneSession = fromPhone.find((s) => s.current);
      const adminSession = fromAdmin.find((s) => s.current);
      expect(phoneSession?.userAgent).toBe('CheapPhone/1.0');
      expect(phoneSession?.ip).toBe('127.0.0.1');
      expect(adminSession?.id).not.toBe(phoneSession?.id);
      expect(fromAdmin.find((s) => !s.current)?.id).toBe(phoneSession?.id);
      expect(JSON.stringify(fromAdmin)).not.toContain((phoneClient.cookie ?? '').split('=')[1]);

      // Someone else's session, in the same community, is not yours to end.
      const other = await addPerson(admin, { email: 'other@example.test', displayName: 'Olive Other' });
      await activateWithPassword(world, other.id, 'other person password');
      const otherClient = await signIn(world.app, 'other@example.test', 'other person password', slug);
      const otherSession = (await listSessions(otherClient)).find((s) => s.current);
      expect(otherSession).toBeDefined();
      expectProblem(await admin.delete(`/api/v1/me/sessions/${otherSession?.id}`), 404, 'not_found');
      expect((await me(otherClient)).statusCode).toBe(200);
      expect(await listSessions(otherClient)).toHaveLength(1);
      expectProblem(
        await admin.delete('/api/v1/me/sessions/00000000-0000-7000-8000-000000000000'),
        404,
        'not_found',
      );
      expectProblem(await admin.delete('/api/v1/me/sessions/not-an-id'), 400, 'invalid_request');

      const revoked = await admin.delete(`/api/v1/me/sessions/${phoneSession?.id}`);
      expect(revoked.statusCode, revoked.body).toBe(204);
      expectProblem(await me(phoneClient), 401, 'unauthenticated');
      expect((await me(admin)).statusCode).toBe(200);
      const left = await listSessions(admin);
      expect(left.map((s) => s.id)).toEqual([adminSession?.id]);
      // Ending it twice finds nothing to end.
      expectProblem(await admin.delete(`/api/v1/me/sessions/${phoneSession?.id}`), 404, 'not_found');

      const audit = await auditEvents(admin, { type: 'Session Revoked' });
      expect(audit).toHaveLength(1);
      expect(audit[0]?.details).toMatchObject({ sessionId: phoneSession?.id });
    });

    it('"log out other devices" ends every other session but not the current one (R31)', async () => {
      const { client: admin, slug, admin: adminView } = await seedAndSignIn(world);
      const others = [
        await signIn(world.app, adminView.email ?? '', ADMIN_PASSWORD, slug),
        await signIn(world.app, adminView.email ?? '', ADMIN_PASSWORD, slug),
        await signIn(world.app, adminView.email ?? '', ADMIN_PASSWORD, slug),
      ];
      expect(await listSessions(admin)).toHaveLength(4);
      const response = await admin.post('/api/v1/me/sessions/revoke-others');
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ sessionsEnded: 3 });
      for (const other of others) expectProblem(await me(other), 401, 'unauthenticated');
      expect((await me(admin)).statusCode).toBe(200);
      const left = await listSessions(admin);
      expect(left).toHaveLength(1);
      expect(left[0]?.current).toBe(true);

      const again = await admin.post('/api/v1/me/sessions/revoke-others');
      expect(again.json()).toEqual({ sessionsEnded: 0 });
      const audit = await auditEvents(admin, { type: 'Other Sessions Logged Out' });
      expect(audit.map((e) => e.details.sessionsEnded)).toEqual([0, 3]);
    });

    it('logout answers 204, clears the cookie, and the old cookie no longer works (R31)', async () => {
      const { client: admin, slug, admin: adminView } = await seedAndSignIn(world);
      const other = await signIn(world.app, adminView.email ?? '', ADMIN_PASSWORD, slug);
      const response = await admin.post('/api/v1/auth/logout');
      expect(response.statusCode, response.body).toBe(204);
      const cleared = response.cookies.find((c) => c.name === 'muster_session');
      expect(cleared).toBeDefined();
      expect(cleared?.value).toBe('');
      expect(cleared?.path).toBe('/');
      expect(cleared?.maxAge).toBe(0);
      expect(cleared?.expires?.getTime()).toBe(0);

      expectProblem(await me(admin), 401, 'unauthenticated');
      expectProblem(await admin.post('/api/v1/auth/logout'), 401, 'unauthenticated');
      // Only this device signed out.
      expect((await me(other)).statusCode).toBe(200);
      const audit = await auditEvents(other, { type: 'Logged Out' });
      expect(audit).toHaveLength(1);
      expect(audit[0]?.actor.id).toBe(adminView.id);
    });
  });

  describe('timeouts (R31)', () => {
    // A member's sessions (R41: admins get shorter ones).
    it('ends a session idle for 14 days by default, and activity slides the window (R31)', async () => {
      const { slug, memberEmail } = await seedWithMember(world);
      const active = await signIn(world.app, memberEmail, MEMBER_PASSWORD, slug);
      const idle = await signIn(world.app, memberEmail, MEMBER_PASSWORD, slug);

      world.clock.advanceDays(14);
      world.clock.advanceMinutes(-1);
      expect((await me(active)).statusCode).toBe(200);
      world.clock.advanceMinutes(1);
      // Exactly 14 days without use.
      expectProblem(await me(idle), 401, 'unauthenticated');
      // Used a minute ago, so the window slid.
      expect((await me(active)).statusCode).toBe(200);

      world.clock.advanceDays(13);
      expect((await me(active)).statusCode).toBe(200);
      world.clock.advanceDays(13);
      expect((await me(active)).statusCode).toBe(200);
      const listed = await listSessions(active);
      expect(listed).toHaveLength(1);
      expect(Date.parse(listed[0]?.expiresAt ?? '')).toBe(world.clock.now().getTime() + 14 * 86_400_000);

      world.clock.advanceDays(14);
      expectProblem(await me(active), 401, 'unauthenticated');
    });

    it('ends even an active session 90 days after sign-in by default (R31)', async () => {
      const { slug, memberEmail } = await seedWithMember(world);
      const client = await signIn(world.app, memberEmail, MEMBER_PASSWORD, slug);
      const signedInAt = world.clock.now().getTime();
      for (let day = 10; day <= 80; day += 10) {
        world.clock.advanceDays(10);
        expect((await me(client)).statusCode, `day ${day}`).toBe(200);
      }
      world.clock.advanceDays(9);
      world.clock.advanceMinutes(23 * 60 + 59);
      expect((await me(client)).statusCode).toBe(200);
      // The idle window never reaches past the absolute limit.
      const listed = await listSessions(client);
      expect(Date.parse(listed[0]?.expiresAt ?? '')).toBe(signedInAt + 90 * 86_400_000);
      world.clock.advanceMinutes(1);
      expect(world.clock.now().getTime() - signedInAt).toBe(90 * 86_400_000);
      expectProblem(await me(client), 401, 'unauthenticated');
      // A fresh sign-in works again.
      const again = await signIn(world.app, memberEmail, MEMBER_PASSWORD, slug);
      expect((await me(again)).statusCode).toBe(200);
    });

    it('applies lower idle and absolute limits set in settings to a new session (R31, R25)', async () => {
      const { client: admin, slug, memberEmail } = await seedWithMember(world);
      const changed = await admin.patch('/api/v1/settings', {
        sessionIdleMinutes: 30,
        sessionAbsoluteHours: 2,
      });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({ sessionIdleMinutes: 30, sessionAbsoluteHours: 2 });

      const idle = await signIn(world.app, memberEmail, MEMBER_PASSWORD, slug);
      const active = await signIn(world.app, memberEmail, MEMBER_PASSWORD, slug);
      const login = await postLogin(world, {
        identifier: memberEmail,
        password: MEMBER_PASSWORD,
        community: slug,
      });
      expect(login.statusCode, login.body).toBe(200);
      expect(Date.parse(login.json().expiresAt)).toBe(world.clock.now().getTime() + 2 * 3_600_000);

      world.clock.advanceMinutes(29); // 29 minutes after sign-in
      expect((await me(active)).statusCode).toBe(200);
      world.clock.advanceMinutes(1); // 30
      expectProblem(await me(idle), 401, 'unauthenticated');
      // Activity keeps sliding the 30-minute window...
      for (const [step, at] of [
        [28, 58],
        [29, 87],
        [29, 116],
        [3, 119],
      ] as const) {
        world.clock.advanceMinutes(step);
        expect((await me(active)).statusCode, `${at} minutes after sign-in`).toBe(200);
      }
      // ...but not past two hours from sign-in.
      world.clock.advanceMinutes(1); // 120
      expectProblem(await me(active), 401, 'unauthenticated');
    });
  });

  describe('changing the password (R30, R31)', () => {
    it('refuses a wrong current password, and too short or too long new ones, changing nothing (R30)', async () => {
      const { client: admin, slug, admin: adminView } = await seedAndSignIn(world);
      const hashBefore = await passwordHashOf(world, adminView.id);

      const wrong = await admin.post('/api/v1/me/password', {
        currentPassword: 'not my password',
        newPassword: 'a perfectly fine new password',
      });
      expectProblem(wrong, 403, 'password_incorrect');

      const cases: [string, string, number, string][] = [
        ['seven characters', 'abcdefg', 400, 'password_too_short'],
        // Eight code points as typed, seven after NFKC: e + combining acute is é.
        ['combining form', 'abcdefe\u0301', 400, 'password_too_short'],
        ['129 characters', 'x'.repeat(129), 400, 'password_too_long'],
        ['empty', '', 400, 'password_too_short'],
      ];
      for (const [label, newPassword, status, code] of cases) {
        const response = await admin.post('/api/v1/me/password', {
          currentPassword: ADMIN_PASSWORD,
          newPassword,
        });
        expect(response.statusCode, `${label}: ${response.body}`).toBe(status);
        expect(response.json().code, label).toBe(code);
      }
      expect(await passwordHashOf(world, adminView.id)).toBe(hashBefore);
      expect(
        (await postLogin(world, await loginBody(world, adminView.email ?? '', ADMIN_PASSWORD, slug)))
          .statusCode,
      ).toBe(200);
      const failedAudit = await auditEvents(admin, { type: 'Password Change Failed' });
      expect(failedAudit).toHaveLength(1);
      expect((await auditEvents(admin, { type: 'Password Changed' })).length).toBe(0);
    });

    it('changes the password, optionally logging out other devices; the old one stops working (R30, R31)', async () => {
      const { client: admin, slug, admin: adminView } = await seedAndSignIn(world);
      const laptop = await signIn(world.app, adminView.email ?? '', ADMIN_PASSWORD, slug);
      const tablet = await signIn(world.app, adminView.email ?? '', ADMIN_PASSWORD, slug);

      const kept = await admin.post('/api/v1/me/password', {
        currentPassword: ADMIN_PASSWORD,
        newPassword: 'first new password',
      });
      expect(kept.statusCode, kept.body).toBe(200);
      expect(kept.json()).toEqual({ otherSessionsEnded: 0, csrfToken: expect.any(String) });
      // R41: re-authenticating gives this device a new session; the old session id is over.
      const before = new Client(world.app, admin.cookie, admin.csrfToken);
      admin.adopt(kept);
      expect(admin.cookie).not.toBe(before.cookie);
      expectProblem(await me(before), 401, 'unauthenticated');
      expect((await me(admin)).statusCode).toBe(200);
      expect((await me(laptop)).statusCode).toBe(200);

      const ended = await admin.post('/api/v1/me/password', {
        currentPassword: 'first new password',
        newPassword: 'second new password',
        logoutOtherDevices: true,
      });
      expect(ended.statusCode, ended.body).toBe(200);
      expect(ended.json()).toEqual({ otherSessionsEnded: 2, csrfToken: expect.any(String) });
      admin.adopt(ended);
      expectProblem(await me(laptop), 401, 'unauthenticated');
      expectProblem(await me(tablet), 401, 'unauthenticated');
      expect((await me(admin)).statusCode).toBe(200);
      expect(await listSessions(admin)).toHaveLength(1);

      // Refused even with the right authenticator code.
      for (const old of [ADMIN_PASSWORD, 'first new password']) {
        expectProblem(
          await postLogin(world, await loginBody(world, adminView.email ?? '', old, slug)),
          401,
          'invalid_credentials',
        );
      }
      const fresh = await postLogin(
        world,
        await loginBody(world, adminView.email ?? '', 'second new password', slug),
      );
      expect(fresh.statusCode, fresh.body).toBe(200);
      expect((await passwordHashOf(world, adminView.id))?.startsWith(STRONG_HASH_PREFIX)).toBe(true);
      const audit = await auditEvents(admin, { type: 'Password Changed' });
      expect(audit.map((e) => e.details.otherSessionsEnded)).toEqual([2, 0]);
      expect(JSON.stringify(audit)).not.toContain('new password');
    });

    it('accepts 8 emoji code points, the maximum length, and NFKC-equivalent spellings (R30)', async () => {
      const { client: admin, slug, admin: adminView } = await seedAndSignIn(world);
      const emoji = '😀🎉🚀🌍🔥💡🎈🍀';
      expect([...emoji]).toHaveLength(8);
      expect(emoji.length).toBe(16);
      const toEmoji = await admin.post('/api/v1/me/password', {
        currentPassword: ADMIN_PASSWORD,
        newPassword: emoji,
      });
      expect(toEmoji.statusCode, toEmoji.body).toBe(200);
      admin.adopt(toEmoji);
      expect(
        (await postLogin(world, await loginBody(world, adminView.email ?? '', emoji, slug))).statusCode,
      ).toBe(200);

      const longest = 'y'.repeat(128);
      const toLongest = await admin.post('/api/v1/me/password', {
        currentPassword: emoji,
        newPassword: longest,
      });
      expect(toLongest.statusCode, toLongest.body).toBe(200);
      admin.adopt(toLongest);

      // The ligature ﬁ and full-width letters normalise to plain ones under NFKC.
      const toLigature = await admin.post('/api/v1/me/password', {
        currentPassword: longest,
        newPassword: 'ﬁsh and ｃｈｉｐｓ',
      });
      expect(toLigature.statusCode, toLigature.body).toBe(200);
      const plain = await postLogin(
        world,
        await loginBody(world, adminView.email ?? '', 'fish and chips', slug),
      );
      expect(plain.statusCode, plain.body).toBe(200);
    });
  });

  describe('several communities on one server (R31)', () => {
    it('needs the community slug, refuses an unknown one, and keeps the same email apart (R31, R35)', async () => {
      const a = await seedCommunity(world, { adminEmail: 'same.person@example.test' });
      const b = await seedCommunity(world, { adminEmail: 'same.person@example.test' });
      // Each admin sets up an authenticator of their own (R40); the hand-made sign-ins below carry its code.
      await signIn(world.app, 'same.person@example.test', ADMIN_PASSWORD, a.slug);
      await signIn(world.app, 'same.person@example.test', ADMIN_PASSWORD, b.slug);

      const noCommunity = await postLogin(world, {
        identifier: 'same.person@example.test',
        password: ADMIN_PASSWORD,
      });
      expectProblem(noCommunity, 400, 'community_required');
      expect(noCommunity.cookies).toHaveLength(0);

      const unknown = await postLogin(world, {
        identifier: 'same.person@example.test',
        password: ADMIN_PASSWORD,
        community: 'no-such-community',
      });
      expectProblem(unknown, 404, 'community_not_found');

      const inA = await postLogin(
        world,
        await loginBody(world, 'same.person@example.test', ADMIN_PASSWORD, a.slug),
      );
      const inB = await postLogin(
        world,
        await loginBody(world, 'SAME.person@example.test', ADMIN_PASSWORD, b.slug),
      );
      expect(inA.statusCode, inA.body).toBe(200);
      expect(inB.statusCode, inB.body).toBe(200);
      expect(inA.json().person.id).toBe(a.admin.id);
      expect(inB.json().person.id).toBe(b.admin.id);
      expect(a.admin.id).not.toBe(b.admin.id);
      expect(inA.json().community.id).toBe(a.community.id);
      expect(inB.json().community.id).toBe(b.community.id);

      // Two people: changing one's password leaves the other's alone.
      const clientB = new Client(world.app, sessionCookieFrom(inB), inB.json().csrfToken);
      const changed = await clientB.post('/api/v1/me/password', {
        currentPassword: ADMIN_PASSWORD,
        newPassword: 'only in community b',
      });
      expect(changed.statusCode, changed.body).toBe(200);
      expectProblem(
        await postLogin(
          world,
          await loginBody(world, 'same.person@example.test', 'only in community b', a.slug),
        ),
        401,
        'invalid_credentials',
      );
      expect(
        (await postLogin(world, await loginBody(world, 'same.person@example.test', ADMIN_PASSWORD, a.slug)))
          .statusCode,
      ).toBe(200);
      expect(
        (
          await postLogin(
            world,
            await loginBody(world, 'same.person@example.test', 'only in community b', b.slug),
          )
        ).statusCode,
      ).toBe(200);

      // Each session sees its own community only.
      const clientA = new Client(world.app, sessionCookieFrom(inA), inA.json().csrfToken);
      expect((await me(clientA)).json().community.id).toBe(a.community.id);
      expectProblem(await clientA.get(`/api/v1/people/${b.admin.id}`), 404, 'not_found');
      expect((await clientA.get(`/api/v1/people/${a.admin.id}`)).statusCode).toBe(200);
    });
  });

  describe('password hashing (R30)', () => {
    it('stores argon2id with m=19456, t=2, p=1 and rehashes a weaker hash on the next successful login (R30)', async () => {
      const { client: admin, slug, admin: adminView } = await seedAndSignIn(world);
      expect((await passwordHashOf(world, adminView.id))?.startsWith(STRONG_HASH_PREFIX)).toBe(true);

      const person = await addPerson(admin, { email: 'legacy@example.test', displayName: 'Lee Legacy' });
      const weak = await hash('legacy password', {
        algorithm: 2 as Algorithm,
        memoryCost: 4096,
        timeCost: 1,
        parallelism: 1,
      });
      expect(weak.startsWith('$argon2id$v=19$m=4096,t=1,p=1$')).toBe(true);
      await world.deps.db
        .updateTable('people')
        .set({ password_hash: weak, invited: 1, claimed: 1, claimed_at: world.clock.now().toISOString() })
        .where('id', '=', person.id)
        .execute();

      // A failed attempt leaves the hash as it was.
      expectProblem(
        await postLogin(world, {
          identifier: 'legacy@example.test',
          password: 'wrong password',
          community: slug,
        }),
        401,
        'invalid_credentials',
      );
      expect(await passwordHashOf(world, person.id)).toBe(weak);

      const first = await postLogin(world, {
        identifier: 'legacy@example.test',
        password: 'legacy password',
        community: slug,
      });
      expect(first.statusCode, first.body).toBe(200);
      const rehashed = await passwordHashOf(world, person.id);
      expect(rehashed).not.toBe(weak);
      expect(rehashed?.startsWith(STRONG_HASH_PREFIX)).toBe(true);

      const second = await postLogin(world, {
        identifier: 'legacy@example.test',
        password: 'legacy password',
        community: slug,
      });
      expect(second.statusCode, second.body).toBe(200);
      // Already current: not rehashed again.
      expect(await passwordHashOf(world, person.id)).toBe(rehashed);
    });
  });
});

// Over https the cookie is __Host- prefixed and Secure; this world also has a single community,
// so signing in needs no slug.
eachDatabase(
  'auth over https',
  (world) => {
    it('names the cookie __Host-muster_session and marks it Secure, HttpOnly, SameSite=Lax, Path=/ (R31)', async () => {
      const { admin } = await seedCommunity(world);
      const response = await postLogin(world, { identifier: admin.email, password: ADMIN_PASSWORD });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.cookies.find((c) => c.name === 'muster_session')).toBeUndefined();
      const cookie = response.cookies.find((c) => c.name === '__Host-muster_session');
      expect(cookie).toBeDefined();
      expect(cookie?.secure).toBe(true);
      expect(cookie?.httpOnly).toBe(true);
      expect(cookie?.sameSite).toBe('Lax');
      expect(cookie?.path).toBe('/');
      // __Host- cookies must not carry a Domain.
      expect(cookie?.domain).toBeUndefined();
      const raw = ([] as string[]).concat(response.headers['set-cookie'] ?? []).join('\n');
      expect(raw).not.toMatch(/domain=/i);
      expect(raw).toMatch(/;\s*Secure/i);

      const token = cookie?.value ?? '';
      const client = new Client(world.app, `__Host-muster_session=${token}`, response.json().csrfToken);
      expect((await me(client)).statusCode).toBe(200);
      // Only the prefixed name is read.
      expectProblem(
        await new Client(world.app, `muster_session=${token}`).get('/api/v1/me'),
        401,
        'unauthenticated',
      );

      const out = await client.post('/api/v1/auth/logout');
      expect(out.statusCode, out.body).toBe(204);
      const cleared = out.cookies.find((c) => c.name === '__Host-muster_session');
      expect(cleared?.value).toBe('');
      expect(cleared?.secure).toBe(true);
      expect(cleared?.path).toBe('/');
      expectProblem(await me(client), 401, 'unauthenticated');
    });
  },
  { config: { MUSTER_PUBLIC_URL: 'https://muster.example' } },
);
