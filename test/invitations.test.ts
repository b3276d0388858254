import { expect, it } from 'vitest';
import { nextLocalMidnight } from '../src/counters/day.js';
import { sendDueReminders } from '../src/invitations/reminders.js';
import {
  ADMIN_PASSWORD,
  Client,
  devInbox,
  dispatchDue,
  eachDatabase,
  enablePhoneProfiles,
  expectProblem,
  latestClaimToken,
  seedCommunity,
  sessionCookieFrom,
  signIn,
  type World,
} from './harness.js';

// Invitations by SMS (R1, R3, R5, R6, R12, R13) through the REST API, on SQLite and PostgreSQL,
// with the console SMS provider. Each test seeds its own community; several share one database,
// so every count below is taken for the test's own people or community.

let serial = 0;
/** A GB mobile number nobody else in this file uses (07400 numbers are mobiles). */
function mobile(): string {
  serial += 1;
  return `+447400${String(500_000 + serial).padStart(6, '0')}`;
}
function email(tag = 'person'): string {
  serial += 1;
  return `${tag}.${serial}@example.com`;
}

interface Admin {
  communityId: string;
  slug: string;
  adminId: string;
  client: Client;
}

async function setup(world: World, options: { timeZone?: string; phone?: boolean } = {}): Promise<Admin> {
  const { community, admin, slug } = await seedCommunity(
    world,
    options.timeZone ? { timeZone: options.timeZone } : {},
  );
  const client = await signIn(world.app, admin.email ?? '', ADMIN_PASSWORD, slug);
  if (options.phone !== false) await enablePhoneProfiles(client);
  return { communityId: community.id, slug, adminId: admin.id, client };
}

async function addPhonePerson(admin: Admin, extra: Record<string, unknown> = {}) {
  const phone = mobile();
  const response = await admin.client.post('/api/v1/people', {
    phone,
    displayName: `Worker ${phone.slice(-4)}`,
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return { id: response.json().id as string, phone, view: response.json() };
}

async function smsRows(world: World, personId: string) {
  return world.deps.db
    .selectFrom('messages')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('id')
    .execute();
}

async function claimSmsCount(world: World, personId: string) {
  const rows = await smsRows(world, personId);
  return rows.filter((r) => r.kind === 'claim_invitation' || r.kind === 'claim_reminder').length;
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

function login(world: World, slug: string, identifier: string, password: string) {
  return world.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { community: slug, identifier, password },
  });
}

function claimWith(world: World, token: string, password: string) {
  return world.app.inject({ method: 'POST', url: `/api/v1/claim/${token}`, payload: { password } });
}

/** Delivers the queued texts and claims the newest link sent to the number. */
async function claimLatest(world: World, phone: string, password: string) {
  await dispatchDue(world);
  const token = latestClaimToken(world, phone);
  const claimed = await claimWith(world, token, password);
  expect(claimed.statusCode, claimed.body).toBe(200);
  return { token, client: new Client(world.app, sessionCookieFrom(claimed), claimed.json().csrfToken) };
}

/** The recovery code in the newest text to the number. */
async function latestRecoveryCode(world: World, phone: string): Promise<string> {
  await dispatchDue(world);
  const text = devInbox(world).find((sms) => sms.to === phone && /recovery code is/.test(sms.body));
  const code = text?.body.match(/[0-9A-Z]{5}-[0-9A-Z]{5}/)?.[0];
  if (!code) throw new Error(`no recovery code was texted to ${phone}`);
  return code;
}

function recover(world: World, slug: string, phone: string, recoveryCode: string, newPassword: string) {
  return world.app.inject({
    method: 'POST',
    url: '/api/v1/auth/recover',
    remoteAddress: '192.0.2.77',
    payload: { community: slug, phone, recoveryCode, newPassword, logoutOtherDevices: false },
  });
}

/** Moves the world clock to `minutesBefore` minutes before the next local midnight of a zone. */
/** Signs the community's admin in again: an admin session ends after 12 idle hours (R41). */
async function signInAgain(world: World, admin: Admin) {
  admin.client = await signIn(world.app, `admin@${admin.slug}.test`, ADMIN_PASSWORD, admin.slug);
}

function moveBeforeLocalMidnight(world: World, timeZone: string, minutesBefore: number): Date {
  const midnight = nextLocalMidnight(world.clock.now(), timeZone);
  world.clock.advance(midnight.getTime() - minutesBefore * 60_000 - world.clock.now().getTime());
  return midnight;
}

const WORKER_PASSWORD = 'tea break at ten past';

eachDatabase('invitations', (world) => {
  // ---------------------------------------------------------------- R1 / R3
  it('R1: a phone person while the setting is off is 403 phone_profiles_disabled and nothing is written or texted', async () => {
    const admin = await setup(world, { phone: false });
    const phone = mobile();
    const refused = await admin.client.post('/api/v1/people', { phone, displayName: 'Off Setting' });
    expectProblem(refused, 403, 'phone_profiles_disabled');
    const people = await world.deps.db
      .selectFrom('people')
      .select('id')
      .where('community_id', '=', admin.communityId)
      .where('login_kind', '=', 'phone')
      .execute();
    expect(people).toEqual([]);
    const texts = await world.deps.db
      .selectFrom('messages')
      .select('id')
      .where('community_id', '=', admin.communityId)
      .execute();
    expect(texts).toEqual([]);
  });

  it('R1, R3: with the setting on a phone person is created invited (201) with exactly one claim SMS queued', async () => {
    const admin = await setup(world);
    const person = await addPhonePerson(admin);
    expect(person.view).toMatchObject({ state: 'invited', loginKind: 'phone', phone: person.phone });
    expect(person.view.invitedAt).not.toBeNull();
    const rows = await smsRows(world, person.id);
    expect(rows.map((r) => [r.kind, r.status, r.recipient])).toEqual([
      ['claim_invitation', 'queued', person.phone],
    ]);
    expect((await auditOf(world, admin.communityId, 'Invitation Sent', person.id)).length).toBe(1);
    const allowance = await admin.client.get(`/api/v1/people/${person.id}/claim-sms`);
    expect(allowance.statusCode, allowance.body).toBe(200);
    expect(allowance.json()).toMatchObject({ limit: 5, used: 1, left: 4 });
  });

  it('R3: sendInvitation:false leaves the person not_invited with no SMS; POST /invite then invites and texts', async () => {
    const admin = await setup(world);
    const person = await addPhonePerson(admin, { sendInvitation: false });
    expect(person.view.state).toBe('not_invited');
    expect(person.view.invitedAt).toBeNull();
    expect(await smsRows(world, person.id)).toEqual([]);

    const invited = await admin.client.post(`/api/v1/people/${person.id}/invite`);
    expect(invited.statusCode, invited.body).toBe(200);
    expect(invited.json().person.state).toBe('invited');
    expect(invited.json().claimSmsLeftToday).toBe(4);
    const rows = await smsRows(world, person.id);
    expect(rows.map((r) => r.kind)).toEqual(['claim_invitation']);

    // The text carries a working claim link.
    await dispatchDue(world);
    const page = await world.app.inject({
      method: 'GET',
      url: `/api/v1/claim/${latestClaimToken(world, person.phone)}`,
    });
    expect(page.statusCode, page.body).toBe(200);
  });

  it('R3, R20: inviting an email person sends the claim link by email, never by text', async () => {
    const admin = await setup(world);
    const created = await admin.client.post('/api/v1/people', {
      email: email(),
      displayName: 'Mail Person',
      sendInvitation: false,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(await smsRows(world, id)).toEqual([]);
    expect((await admin.client.get(`/api/v1/people/${id}`)).json().state).toBe('not_invited');
    const invited = await admin.client.post(`/api/v1/people/${id}/invite`);
    expect(invited.statusCode, invited.body).toBe(200);
    expect((await smsRows(world, id)).map((r) => [r.medium, r.kind])).toEqual([
      ['email', 'claim_invitation'],
    ]);
    expect((await admin.client.get(`/api/v1/people/${id}`)).json().state).toBe('invited');
  });

  it('R3: inviting a claimed or a deactivated person is 409 account_not_invitable and sends nothing', async () => {
    const admin = await setup(world);
    const claimed = await addPhonePerson(admin);
    await claimLatest(world, claimed.phone, WORKER_PASSWORD);
    const before = await smsRows(world, claimed.id);
    const refusedClaimed = await admin.client.post(`/api/v1/people/${claimed.id}/invite`);
    expectProblem(refusedClaimed, 409, 'account_not_invitable');
    expect(await smsRows(world, claimed.id)).toHaveLength(before.length);
    expect((await admin.client.get(`/api/v1/people/${claimed.id}`)).json().state).toBe('active');

    const gone = await addPhonePerson(admin);
    const deactivated = await admin.client.post(`/api/v1/people/${gone.id}/deactivate`);
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    const refusedGone = await admin.client.post(`/api/v1/people/${gone.id}/invite`);
    expectProblem(refusedGone, 409, 'account_not_invitable');
    expect(await claimSmsCount(world, gone.id)).toBe(1);
    // Reminding them is refused the same way.
    expectProblem(await admin.client.post(`/api/v1/people/${gone.id}/remind`), 409, 'account_not_invitable');
    expectProblem(
      await admin.client.post(`/api/v1/people/${claimed.id}/remind`),
      409,
      'account_not_invitable',
    );
  });

  // ---------------------------------------------------------------- R5
  it('R5: of 20 parallel invitations exactly 4 succeed (creation used 1 of 5), the rest 429 claim_sms_daily_limit with Retry-After', async () => {
    const admin = await setup(world);
    const person = await addPhonePerson(admin);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        world.app.inject({
          method: 'POST',
          url: `/api/v1/people/${person.id}/invite`,
          headers: { cookie: admin.client.cookie ?? '', 'x-csrf-token': admin.client.csrfToken ?? '' },
        }),
      ),
    );
    const ok = answers.filter((a) => a.statusCode === 200);
    const limited = answers.filter((a) => a.statusCode === 429);
    expect(ok.length).toBe(4);
    expect(limited.length).toBe(16);
    for (const answer of limited) {
      expect(answer.json().code).toBe('claim_sms_daily_limit');
      expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(ok.map((a) => a.json().claimSmsLeftToday).sort()).toEqual([0, 1, 2, 3]);
    expect(await claimSmsCount(world, person.id)).toBe(5);
    // Every success made a new generation: exactly one link of the newest generation is alive.
    const row = await personRow(world, person.id);
    expect(row.invitation_generation).toBe(5);
    const allowance = await admin.client.get(`/api/v1/people/${person.id}/claim-sms`);
    expect(allowance.statusCode, allowance.body).toBe(200);
    expect(allowance.json()).toMatchObject({ limit: 5, used: 5, left: 0 });
    expect(Date.parse(allowance.json().resetsAt)).toBeGreaterThan(world.clock.now().getTime());
  });

  it('R5: the invite answer counts claimSmsLeftToday down 4, 3, 2, 1, 0 and the sixth is refused', async () => {
    const admin = await setup(world);
    const person = await addPhonePerson(admin, { sendInvitation: false });
    const left: number[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await admin.client.post(`/api/v1/people/${person.id}/invite`);
      expect(answer.statusCode, answer.body).toBe(200);
      left.push(answer.json().claimSmsLeftToday);
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    const sixth = await admin.client.post(`/api/v1/people/${person.id}/invite`);
    expectProblem(sixth, 429, 'claim_sms_daily_limit');
    expect(sixth.json().detail).toMatch(/5 invitation texts today/);
    expect(await claimSmsCount(world, person.id)).toBe(5);
  });

  it("R5: the day is the community's calendar day (America/Chicago): it resets at local midnight, not UTC midnight", async () => {
    const timeZone = 'America/Chicago';
    const admin = await setup(world, { timeZone });

    // Used up at 17:55 local, which is just before midnight UTC: crossing UTC midnight changes nothing.
    const early = moveBeforeLocalMidnight(world, timeZone, 6 * 60 + 5);
    expect(early.getTime()).toBeGreaterThan(world.clock.now().getTime());
    await signInAgain(world, admin);
    const first = await addPhonePerson(admin);
    for (let i = 0; i < 4; i++)
      expect((await admin.client.post(`/api/v1/people/${first.id}/invite`)).statusCode).toBe(200);
    world.clock.advanceMinutes(10);
    expect(world.clock.now().getUTCHours()).toBe(0);
    expectProblem(await admin.client.post(`/api/v1/people/${first.id}/invite`), 429, 'claim_sms_daily_limit');

    // Used up five minutes before local midnight; Retry-After says exactly how long is left.
    const midnight = moveBeforeLocalMidnight(world, timeZone, 5);
    const person = await addPhonePerson(admin);
    for (let i = 0; i < 4; i++) {
      const answer = await admin.client.post(`/api/v1/people/${person.id}/invite`);
      expect(answer.statusCode, answer.body).toBe(200);
    }
    const refused = await admin.client.post(`/api/v1/people/${person.id}/invite`);
    expectProblem(refused, 429, 'claim_sms_daily_limit');
    expect(refused.headers['retry-after']).toBe('300');
    const allowance = (await admin.client.get(`/api/v1/people/${person.id}/claim-sms`)).json();
    expect(allowance).toMatchObject({ used: 5, left: 0, resetsAt: midnight.toISOString() });

    world.clock.advanceMinutes(7);
    const nextDay = await admin.client.post(`/api/v1/people/${person.id}/invite`);
    expect(nextDay.statusCode, nextDay.body).toBe(200);
    expect(nextDay.json().claimSmsLeftToday).toBe(4);
    expect(await claimSmsCount(world, person.id)).toBe(6);
    expect((await admin.client.get(`/api/v1/people/${person.id}/claim-sms`)).json()).toMatchObject({
      used: 1,
      left: 4,
    });
  });

  it('R5: invite, remind, remind-all, reset to unclaimed and automatic reminders share the same 5 a day', async () => {
    const admin = await setup(world);
    const person = await addPhonePerson(admin); // day 0: one used
    world.clock.advanceDays(3);
    const signedIn = await signIn(world.app, `admin@${admin.slug}.test`, ADMIN_PASSWORD, admin.slug);

    await sendDueReminders({ deps: world.deps }); // 1 today: the automatic reminder
    expect((await smsRows(world, person.id)).map((r) => r.kind)).toEqual([
      'claim_invitation',
      'claim_reminder',
    ]);
    const remind = await signedIn.post(`/api/v1/people/${person.id}/remind`); // 2
    expect(remind.statusCode, remind.body).toBe(200);
    expect(remind.json().claimSmsLeftToday).toBe(3);
    const remindAll = await signedIn.post('/api/v1/people/remind-all'); // 3
    expect(remindAll.statusCode, remindAll.body).toBe(200);
    expect(remindAll.json()).toEqual({ reminded: 1, skippedDailyLimit: 0, failed: 0 });
    const invite = await signedIn.post(`/api/v1/people/${person.id}/invite`); // 4
    expect(invite.statusCode, invite.body).toBe(200);
    expect(invite.json().claimSmsLeftToday).toBe(1);
    const reset = await signedIn.post(`/api/v1/people/${person.id}/unclaim`); // 5
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().claimSmsLeftToday).toBe(0);

    expectProblem(await signedIn.post(`/api/v1/people/${person.id}/invite`), 429, 'claim_sms_daily_limit');
    expectProblem(await signedIn.post(`/api/v1/people/${person.id}/remind`), 429, 'claim_sms_daily_limit');
    expectProblem(await signedIn.post(`/api/v1/people/${person.id}/unclaim`), 429, 'claim_sms_daily_limit');
    const allSkipped = await signedIn.post('/api/v1/people/remind-all');
    expect(allSkipped.statusCode, allSkipped.body).toBe(200);
    expect(allSkipped.json()).toEqual({ reminded: 0, skippedDailyLimit: 1, failed: 0 });
    expect((await signedIn.get(`/api/v1/people/${person.id}/claim-sms`)).json()).toMatchObject({
      limit: 5,
      used: 5,
      left: 0,
    });
    expect(await claimSmsCount(world, person.id)).toBe(6);
  });

  it('R5, R13: an automatic reminder due when the day’s 5 are used up is skipped, texted nothing, and audited', async () => {
    const admin = await setup(world);
    const person = await addPhonePerson(admin);
    world.clock.advanceDays(3);
    const signedIn = await signIn(world.app, `admin@${admin.slug}.test`, ADMIN_PASSWORD, admin.slug);
    for (let i = 0; i < 5; i++) {
      const answer = await signedIn.post(`/api/v1/people/${person.id}/remind`);
      expect(answer.statusCode, answer.body).toBe(200);
    }
    await sendDueReminders({ deps: world.deps });
    expect(await claimSmsCount(world, person.id)).toBe(6);
    const skipped = await auditOf(world, admin.communityId, 'Reminder Skipped', person.id);
    expect(skipped.length).toBe(1);
    expect(skipped[0]?.outcome).toBe('failure');
    expect(JSON.parse(skipped[0]?.details ?? '{}')).toMatchObject({ reason: 'claim_sms_daily_limit' });
  });

  // ---------------------------------------------------------------- R12
  it('R12: reset to unclaimed clears the password, sessions, recovery code and earlier links, and texts a fresh link that works', async () => {
    const admin = await setup(world);
    const person = await addPhonePerson(admin); // link 1
    await dispatchDue(world);
    const firstToken = latestClaimToken(world, person.phone);
    expect((await admin.client.post(`/api/v1/people/${person.id}/invite`)).statusCode).toBe(200); // link 2
    const { token: usedToken, client: claimSession } = await claimLatest(
      world,
      person.phone,
      WORKER_PASSWORD,
    );
    expect(usedToken).not.toBe(firstToken);
    const code = await latestRecoveryCode(world, person.phone);
    const loginSession = await signIn(world.app, person.phone, WORKER_PASSWORD, admin.slug);
    expect((await claimSession.get('/api/v1/me')).statusCode).toBe(200);
    expect((await loginSession.get('/api/v1/me')).statusCode).toBe(200);

    const reset = await admin.client.post(`/api/v1/people/${person.id}/unclaim`);
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().person.state).toBe('invited');
    expect(reset.json().claimSmsLeftToday).toBe(2);

    const row = await personRow(world, person.id);
    expect(row).toMatchObject({ password_hash: null, recovery_code_hash: null, claimed: 0, active: 1 });
    expect((await claimSession.get('/api/v1/me')).statusCode).toBe(401);
    expect((await loginSession.get('/api/v1/me')).statusCode).toBe(401);
    const open = await world.deps.db
      .selectFrom('sessions')
      .select('id')
      .where('person_id', '=', person.id)
      .where('revoked_at', 'is', null)
      .execute();
    expect(open).toEqual([]);
    expect((await login(world, admin.slug, person.phone, WORKER_PASSWORD)).statusCode).toBe(401);
    const withOldCode = await recover(world, admin.slug, person.phone, code, 'a brand new password');
    expectProblem(withOldCode, 400, 'recovery_failed');

    // Earlier links are dead: the one never used is superseded, the one used for the claim stays used.
    for (const method of ['GET', 'POST'] as const) {
      const stale = await world.app.inject({
        method,
        url: `/api/v1/claim/${firstToken}`,
        ...(method === 'POST' ? { payload: { password: 'sneaky new password' } } : {}),
      });
      expectProblem(stale, 410, 'claim_link_superseded');
      const used = await world.app.inject({
        method,
        url: `/api/v1/claim/${usedToken}`,
        ...(method === 'POST' ? { payload: { password: 'sneaky new password' } } : {}),
      });
      expectProblem(used, 410, 'claim_link_used');
    }

    const events = await auditOf(world, admin.communityId, 'Account Set To Unclaimed', person.id);
    expect(events.length).toBe(1);
    expect(events[0]?.actor_id).toBe(admin.adminId);
    expect(JSON.parse(events[0]?.details ?? '{}')).toMatchObject({ sessionsEnded: 2, wasClaimed: true });

    // A fresh claim SMS arrives, says the account was reset, and works.
    await dispatchDue(world);
    const freshToken = latestClaimToken(world, person.phone);
    expect([firstToken, usedToken]).not.toContain(freshToken);
    expect(devInbox(world).find((sms) => sms.to === person.phone)?.body).toMatch(/reset your Muster account/);
    const reclaimed = await claimWith(world, freshToken, 'a second fresh start');
    expect(reclaimed.statusCode, reclaimed.body).toBe(200);
    expect(reclaimed.json().person.state).toBe('active');
    expect((await login(world, admin.slug, person.phone, 'a second fresh start')).statusCode).toBe(200);
  });

  it('R12: an unclaimed account can be reset too, which supersedes its outstanding link', async () => {
    const admin = await setup(world);
    const person = await addPhonePerson(admin);
    await dispatchDue(world);
    const before = latestClaimToken(world, person.phone);
    const reset = await admin.client.post(`/api/v1/people/${person.id}/unclaim`);
    expect(reset.statusCode, reset.body).toBe(200);
    expectProblem(
      await world.app.inject({ method: 'GET', url: `/api/v1/claim/${before}` }),
      410,
      'claim_link_superseded',
    );
    await dispatchDue(world);
    const after = latestClaimToken(world, person.phone);
    expect((await world.app.inject({ method: 'GET', url: `/api/v1/claim/${after}` })).statusCode).toBe(200);
  });

  it('R12: with no claim texts left today the reset is 429 and changes nothing: still active, still signs in', async () => {
    const admin = await setup(world);
    const person = await addPhonePerson(admin); // 1
    for (let i = 0; i < 4; i++) {
      expect((await admin.client.post(`/api/v1/people/${person.id}/invite`)).statusCode).toBe(200); // 5
      // Delivered one at a time: the dispatcher sends a batch in parallel, in no fixed order.
      await dispatchDue(world);
    }
    const { client: worker } = await claimLatest(world, person.phone, WORKER_PASSWORD);
    await dispatchDue(world);
    const rowBefore = await personRow(world, person.id);
    const textsBefore = await smsRows(world, person.id);

    const refused = await admin.client.post(`/api/v1/people/${person.id}/unclaim`);
    expectProblem(refused, 429, 'claim_sms_daily_limit');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

    expect(await personRow(world, person.id)).toEqual(rowBefore);
    expect(await smsRows(world, person.id)).toEqual(textsBefore);
    expect((await admin.client.get(`/api/v1/people/${person.id}`)).json().state).toBe('active');
    expect((await worker.get('/api/v1/me')).statusCode).toBe(200);
    expect((await login(world, admin.slug, person.phone, WORKER_PASSWORD)).statusCode).toBe(200);
    expect(await auditOf(world, admin.communityId, 'Account Set To Unclaimed', person.id)).toEqual([]);
  });

  it('R12: bulk reset gives a result per id and one refusal loses nothing else', async () => {
    const admin = await setup(world);
    const a = await addPhonePerson(admin);
    const b = await addPhonePerson(admin);
    await claimLatest(world, a.phone, WORKER_PASSWORD);
    await claimLatest(world, b.phone, WORKER_PASSWORD);
    const mail = await admin.client.post('/api/v1/people', { email: email(), displayName: 'Mail Only' });
    expect(mail.statusCode).toBe(201);
    const unknown = '01900000-0000-7000-8000-000000000000';

    const bulk = await admin.client.post('/api/v1/people/unclaim', {
      ids: [a.id, mail.json().id, unknown, admin.adminId, b.id],
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(bulk.json()).toMatchObject({ done: 3, failed: 2 });
    expect(
      bulk.json().results.map((r: { id: string; status: string; code?: string }) => [r.id, r.status, r.code]),
    ).toEqual([
      [a.id, 'done', undefined],
      // An email account gets its fresh link by email (R20).
      [mail.json().id, 'done', undefined],
      [unknown, 'error', 'not_found'],
      [admin.adminId, 'error', 'cannot_target_self'],
      [b.id, 'done', undefined],
    ]);
    for (const id of [a.id, b.id])
      expect((await admin.client.get(`/api/v1/people/${id}`)).json().state).toBe('invited');
    expect(await auditOf(world, admin.communityId, 'Account Set To Unclaimed')).toHaveLength(3);
  });

  it('R12: an admin cannot reset their own account (409 cannot_target_self)', async () => {
    const admin = await setup(world);
    const refused = await admin.client.post(`/api/v1/people/${admin.adminId}/unclaim`);
    expectProblem(refused, 409, 'cannot_target_self');
    expect((await admin.client.get('/api/v1/me')).statusCode).toBe(200);
  });

  // ---------------------------------------------------------------- R13
  it('R13: automatic reminders come 3 and 5 days after the invitation, once each, and never again', async () => {
    const admin = await setup(world);
    const person = await addPhonePerson(admin);
    const reminders = async () =>
      (await smsRows(world, person.id)).filter((r) => r.kind === 'claim_reminder').length;

    world.clock.advanceDays(2);
    await sendDueReminders({ deps: world.deps });
    expect(await reminders()).toBe(0);
    world.clock.advanceDays(1);
    await sendDueReminders({ deps: world.deps });
    expect(await reminders()).toBe(1);
    world.clock.advanceDays(1);
    await sendDueReminders({ deps: world.deps });
    expect(await reminders()).toBe(1);
    world.clock.advanceDays(1);
    await sendDueReminders({ deps: world.deps });
    expect(await reminders()).toBe(2);
    // The reminder text carries a working link.
    await dispatchDue(world);
    expect(devInbox(world).find((sms) => sms.to === person.phone)?.body).toMatch(/^Reminder: /);
    const page = await world.app.inject({
      method: 'GET',
      url: `/api/v1/claim/${latestClaimToken(world, person.phone)}`,
    });
    expect(page.statusCode, page.body).toBe(200);

    for (let day = 6; day <= 12; day++) {
      world.clock.advanceDays(1);
      await sendDueReminders({ deps: world.deps });
    }
    expect(await reminders()).toBe(2);
    expect((await auditOf(world, admin.communityId, 'Reminder Sent', person.id)).length).toBe(2);
  });

  it('R13: claimed and deactivated people get no automatic reminder (email people do: test/email.test.ts)', async () => {
    const admin = await setup(world);
    const claimed = await addPhonePerson(admin);
    await claimLatest(world, claimed.phone, WORKER_PASSWORD);
    const gone = await addPhonePerson(admin);
    expect((await admin.client.post(`/api/v1/people/${gone.id}/deactivate`)).statusCode).toBe(200);
    for (let day = 1; day <= 6; day++) {
      world.clock.advanceDays(1);
      await sendDueReminders({ deps: world.deps });
    }
    for (const id of [claimed.id, gone.id])
      expect((await smsRows(world, id)).filter((r) => r.kind === 'claim_reminder')).toEqual([]);
  });

  it('R13: remindersEnabled:false sends none; reminderDays:[1] sends one on day 1 only', async () => {
    const off = await setup(world);
    const patched = await off.client.patch('/api/v1/settings', { remindersEnabled: false });
    expect(patched.statusCode, patched.body).toBe(200);
    const quiet = await addPhonePerson(off);

    const custom = await setup(world);
    const set = await custom.client.patch('/api/v1/settings', { reminderDays: [1] });
    expect(set.statusCode, set.body).toBe(200);
    const early = await addPhonePerson(custom);

    const reminders = async (id: string) =>
      (await smsRows(world, id)).filter((r) => r.kind === 'claim_reminder').length;
    world.clock.advanceDays(1);
    await sendDueReminders({ deps: world.deps });
    expect(await reminders(early.id)).toBe(1);
    expect(await reminders(quiet.id)).toBe(0);
    for (let day = 2; day <= 7; day++) {
      world.clock.advanceDays(1);
      await sendDueReminders({ deps: world.deps });
    }
    expect(await reminders(early.id)).toBe(1);
    expect(await reminders(quiet.id)).toBe(0);
  });

  it('R13: running the reminders several times at one moment, also in parallel, sends one reminder', async () => {
    const admin = await setup(world);
    const person = await addPhonePerson(admin);
    world.clock.advanceDays(3);
    await Promise.all(Array.from({ length: 4 }, () => sendDueReminders({ deps: world.deps })));
    await sendDueReminders({ deps: world.deps });
    await sendDueReminders({ deps: world.deps });
    const rows = await smsRows(world, person.id);
    expect(rows.filter((r) => r.kind === 'claim_reminder').length).toBe(1);
    expect((await personRow(world, person.id)).reminders_sent).toBe(1);
    expect((await auditOf(world, admin.communityId, 'Reminder Sent', person.id)).length).toBe(1);
  });

  it('R13: remind-all reminds every unclaimed phone and email account and counts those skipped for the daily limit', async () => {
    const admin = await setup(world);
    const a = await addPhonePerson(admin);
    const b = await addPhonePerson(admin);
    const full = await addPhonePerson(admin);
    for (let i = 0; i < 4; i++)
      expect((await admin.client.post(`/api/v1/people/${full.id}/invite`)).statusCode).toBe(200);
    const claimed = await addPhonePerson(admin);
    await claimLatest(world, claimed.phone, WORKER_PASSWORD);
    const gone = await addPhonePerson(admin);
    expect((await admin.client.post(`/api/v1/people/${gone.id}/deactivate`)).statusCode).toBe(200);
    const mail = await admin.client.post('/api/v1/people', { email: email(), displayName: 'Mail Only' });
    expect(mail.statusCode).toBe(201);

    const answer = await admin.client.post('/api/v1/people/remind-all');
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toEqual({ reminded: 3, skippedDailyLimit: 1, failed: 0 });
    const kinds = async (id: string) => (await smsRows(world, id)).map((r) => r.kind);
    expect(await kinds(mail.json().id)).toEqual(['claim_invitation', 'claim_reminder']);
    expect(await kinds(a.id)).toEqual(['claim_invitation', 'claim_reminder']);
    expect(await kinds(b.id)).toEqual(['claim_invitation', 'claim_reminder']);
    expect((await kinds(full.id)).filter((k) => k === 'claim_reminder')).toEqual([]);
    expect((await kinds(claimed.id)).filter((k) => k === 'claim_reminder')).toEqual([]);
    expect((await kinds(gone.id)).filter((k) => k === 'claim_reminder')).toEqual([]);
    const remindedEvents = await auditOf(world, admin.communityId, 'Reminder Sent');
    expect(remindedEvents.map((e) => e.target_id).sort()).toEqual([a.id, b.id, mail.json().id].sort());
  });
});

// ---------------------------------------------------------------- R6
eachDatabase(
  'phone-account daily limit',
  (world) => {
    it('R6: a batch over the limit refuses only the rows past it, each with its reason, and loses nothing else', async () => {
      const admin = await setup(world);
      const [a, b, c, d] = [mobile(), mobile(), mobile(), mobile()];
      const mail = email();
      const batch = await admin.client.post('/api/v1/people/batch', {
        sendInvitations: true,
        people: [
          { phone: a, displayName: 'Row A' },
          { phone: '+44 12', displayName: 'Row Invalid' },
          { phone: b, displayName: 'Row B' },
          { phone: a.replace('+44', '0'), displayName: 'Row A Again' },
          { phone: c, displayName: 'Row C' },
          { phone: d, displayName: 'Row D' },
          { email: mail, displayName: 'Row Mail' },
        ],
      });
      expect(batch.statusCode, batch.body).toBe(200);
      const body = batch.json();
      expect(body).toMatchObject({ created: 4, failed: 3 });
      expect(
        body.results.map((r: { index: number; status: string; code?: string }) => [
          r.index,
          r.status,
          r.code,
        ]),
      ).toEqual([
        [0, 'created', undefined],
        [1, 'error', 'phone_invalid'],
        [2, 'created', undefined],
        [3, 'error', 'phone_taken'],
        [4, 'created', undefined],
        [5, 'error', 'phone_account_daily_limit'],
        [6, 'created', undefined],
      ]);
      for (const index of [0, 2, 4]) expect(body.results[index].person.state).toBe('invited');

      const people = await world.deps.db
        .selectFrom('people')
        .select(['id', 'phone', 'login_kind'])
        .where('community_id', '=', admin.communityId)
        .where('role', '!=', 'system_admin')
        .execute();
      expect(
        people
          .filter((p) => p.login_kind === 'phone')
          .map((p) => p.phone)
          .sort(),
      ).toEqual([a, b, c].sort());
      expect(people.filter((p) => p.login_kind === 'email')).toHaveLength(1);
      const texts = await world.deps.db
        .selectFrom('messages')
        .select(['recipient', 'kind'])
        .where('community_id', '=', admin.communityId)
        .where('medium', '=', 'sms')
        .execute();
      expect(texts.map((t) => t.recipient).sort()).toEqual([a, b, c].sort());

      const limits = await admin.client.get('/api/v1/limits');
      expect(limits.statusCode, limits.body).toBe(200);
      const resetsAt = nextLocalMidnight(world.clock.now(), 'Europe/London').toISOString();
      expect(limits.json()).toMatchObject({
        timeZone: 'Europe/London',
        resetsAt,
        phoneAccounts: { limit: 3, used: 3, left: 0 },
      });
      expect(limits.json().phoneAccounts.howToRaise).toMatch(/domain/i);

      // The refusal says when the limit resets and how to raise it.
      const message: string = body.results[5].message;
      expect(resetsAt).toBeTruthy();
      expect(message).toMatch(/resets at midnight in Europe\/London, in \d+ hours?/);
      expect(message).toMatch(/verifying a domain/i);
    });

    it('R6: a single phone creation past the limit is 429 with Retry-After; email people are not limited; the next local day resets it', async () => {
      const admin = await setup(world);
      for (let i = 0; i < 3; i++) await addPhonePerson(admin);
      const refused = await admin.client.post('/api/v1/people', { phone: mobile(), displayName: 'Fourth' });
      expectProblem(refused, 429, 'phone_account_daily_limit');
      const midnight = nextLocalMidnight(world.clock.now(), 'Europe/London');
      expect(Number(refused.headers['retry-after'])).toBe(
        Math.ceil((midnight.getTime() - world.clock.now().getTime()) / 1000),
      );
      expect(refused.json().resetsAt).toBe(midnight.toISOString());
      expect(refused.json().detail).toMatch(/midnight in Europe\/London, in \d+ hours?( \d+ minutes?)?\./);

      for (let i = 0; i < 4; i++) {
        const mail = await admin.client.post('/api/v1/people', { email: email(), displayName: `Mail ${i}` });
        expect(mail.statusCode, mail.body).toBe(201);
      }
      expect((await admin.client.get('/api/v1/limits')).json().phoneAccounts).toMatchObject({
        used: 3,
        left: 0,
      });

      // One minute before local midnight still refused; at midnight the new day has its own 3.
      world.clock.advance(midnight.getTime() - 60_000 - world.clock.now().getTime());
      await signInAgain(world, admin);
      expectProblem(
        await admin.client.post('/api/v1/people', { phone: mobile(), displayName: 'Too Early' }),
        429,
        'phone_account_daily_limit',
      );
      world.clock.advanceMinutes(1);
      const next = await admin.client.post('/api/v1/people', { phone: mobile(), displayName: 'New Day' });
      expect(next.statusCode, next.body).toBe(201);
      expect((await admin.client.get('/api/v1/limits')).json().phoneAccounts).toMatchObject({
        limit: 3,
        used: 1,
        left: 2,
      });
    });

    it('R6: of 10 parallel single creations against a limit of 3 exactly 3 are created', async () => {
      const admin = await setup(world);
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          admin.client.post('/api/v1/people', { phone: mobile(), displayName: `P${i}` }),
        ),
      );
      expect(answers.filter((a) => a.statusCode === 201).length).toBe(3);
      const refused = answers.filter((a) => a.statusCode !== 201);
      expect(refused.length).toBe(7);
      for (const answer of refused) expectProblem(answer, 429, 'phone_account_daily_limit');
      const phones = await world.deps.db
        .selectFrom('people')
        .select('id')
        .where('community_id', '=', admin.communityId)
        .where('login_kind', '=', 'phone')
        .execute();
      expect(phones).toHaveLength(3);
      const texts = await world.deps.db
        .selectFrom('messages')
        .select('id')
        .where('community_id', '=', admin.communityId)
        .execute();
      expect(texts).toHaveLength(3);
      expect((await admin.client.get('/api/v1/limits')).json().phoneAccounts).toMatchObject({
        used: 3,
        left: 0,
      });
    });

    it('R3, R6: a batch with sendInvitations:false creates not_invited people and texts nobody', async () => {
      const admin = await setup(world);
      const batch = await admin.client.post('/api/v1/people/batch', {
        sendInvitations: false,
        people: [
          { phone: mobile(), displayName: 'Later One' },
          { phone: mobile(), displayName: 'Later Two' },
        ],
      });
      expect(batch.statusCode, batch.body).toBe(200);
      expect(batch.json().created).toBe(2);
      for (const result of batch.json().results) expect(result.person.state).toBe('not_invited');
      const texts = await world.deps.db
        .selectFrom('messages')
        .select('id')
        .where('community_id', '=', admin.communityId)
        .execute();
      expect(texts).toEqual([]);
      expect((await admin.client.get('/api/v1/limits')).json().phoneAccounts).toMatchObject({
        used: 2,
        left: 1,
      });
    });
  },
  { config: { MUSTER_PHONE_ACCOUNTS_PER_DAY: '3' } },
);
