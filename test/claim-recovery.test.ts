import { createHash, randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { localDay, nextLocalMidnight } from '../src/counters/day.js';
import {
  formatRecoveryCode,
  generateRecoveryCode,
  normaliseRecoveryCode,
} from '../src/crypto/recovery-code.js';
import { catalogueFor, HIDDEN, type SmsCatalogue, segmentsOf } from '../src/sms/messages.js';
import { RECOVERY_RULES } from '../src/throttle/throttle.js';
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

// Claiming (R7, R8), recovery codes (R9, R11) and forgot-password (R10, R33) through the API on
// SQLite and PostgreSQL with the console SMS provider, then unit tests of the code, SMS-text and
// calendar-day helpers. Each API test seeds its own community and people.

const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;
const WORKER_PASSWORD = 'night shift at the depot';

let serial = 0;
/** A GB mobile number nobody else in this file uses (07400 numbers are mobiles). */
function mobile(): string {
  serial += 1;
  return `+447400${String(700_000 + serial).padStart(6, '0')}`;
}
/** A client address of its own, so one test's recovery attempts never throttle another's. */
function clientIp(): string {
  serial += 1;
  return `198.18.${Math.floor(serial / 250)}.${(serial % 250) + 1}`;
}

interface Admin {
  communityId: string;
  slug: string;
  adminId: string;
  adminEmail: string;
  client: Client;
}

async function setup(world: World): Promise<Admin> {
  const { community, admin, slug } = await seedCommunity(world);
  const client = await signIn(world.app, admin.email ?? '', ADMIN_PASSWORD, slug);
  await enablePhoneProfiles(client);
  return { communityId: community.id, slug, adminId: admin.id, adminEmail: admin.email ?? '', client };
}

/** Adds a phone person (invited by SMS), delivers the text and returns its claim token. */
async function invited(world: World, admin: Admin) {
  const phone = mobile();
  const created = await admin.client.post('/api/v1/people', {
    phone,
    displayName: `Worker ${phone.slice(-4)}`,
  });
  expect(created.statusCode, created.body).toBe(201);
  await dispatchDue(world);
  return { id: created.json().id as string, phone, token: latestClaimToken(world, phone) };
}

function getLink(world: World, token: string) {
  return world.app.inject({ method: 'GET', url: `/api/v1/claim/${token}` });
}

function postLink(world: World, token: string, password: string) {
  return world.app.inject({ method: 'POST', url: `/api/v1/claim/${token}`, payload: { password } });
}

/** The recovery code in the newest text to the number, after delivering what is due. */
async function textedRecoveryCode(world: World, phone: string): Promise<string> {
  await dispatchDue(world);
  const text = devInbox(world).find((sms) => sms.to === phone && /recovery code is/.test(sms.body));
  const code = text?.body.match(/[0-9A-Z]{5}-[0-9A-Z]{5}/)?.[0];
  if (!code) throw new Error(`no recovery code was texted to ${phone}`);
  return code;
}

/** A claimed phone worker with their session and texted recovery code. */
async function claimedWorker(world: World, admin: Admin, password = WORKER_PASSWORD) {
  const person = await invited(world, admin);
  const claimed = await postLink(world, person.token, password);
  expect(claimed.statusCode, claimed.body).toBe(200);
  const session = new Client(world.app, sessionCookieFrom(claimed), claimed.json().csrfToken);
  const code = await textedRecoveryCode(world, person.phone);
  return { ...person, session, code, password };
}

interface RecoverBody {
  phone: string;
  recoveryCode: string;
  newPassword: string;
  logoutOtherDevices?: boolean;
}

function recover(world: World, slug: string, body: RecoverBody, ip: string) {
  return world.app.inject({
    method: 'POST',
    url: '/api/v1/auth/recover',
    remoteAddress: ip,
    payload: { community: slug, logoutOtherDevices: false, ...body },
  });
}

function login(world: World, slug: string, identifier: string, password: string) {
  return world.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { community: slug, identifier, password },
  });
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

/** Everything a claim could change, for "nothing changed" comparisons. */
async function snapshot(world: World, admin: Admin, personId: string) {
  const db = world.deps.db;
  return {
    person: await personRow(world, personId),
    tokens: await db.selectFrom('claim_tokens').selectAll().where('person_id', '=', personId).execute(),
    audit: await db
      .selectFrom('audit_events')
      .selectAll()
      .where('community_id', '=', admin.communityId)
      .execute(),
    sms: await db.selectFrom('messages').selectAll().where('community_id', '=', admin.communityId).execute(),
    sessions: await db.selectFrom('sessions').selectAll().where('person_id', '=', personId).execute(),
  };
}

const ASK_ADMIN = /ask your admin/i;

eachDatabase('claim links', (world) => {
  it('R7: opening the link (GET), repeatedly, changes nothing', async () => {
    const admin = await setup(world);
    const person = await invited(world, admin);
    const before = await snapshot(world, admin, person.id);
    for (let i = 0; i < 3; i++) {
      const page = await getLink(world, person.token);
      expect(page.statusCode, page.body).toBe(200);
      expect(page.json()).toMatchObject({
        displayName: `Worker ${person.phone.slice(-4)}`,
        passwordMinLength: 8,
      });
      expect(page.json().maskedPhone).toBe(`+44 ••••••${person.phone.slice(-4)}`);
      expect(page.headers['cache-control']).toBe('no-store');
    }
    expect(await snapshot(world, admin, person.id)).toEqual(before);
    // …and the link still claims afterwards.
    expect((await postLink(world, person.token, WORKER_PASSWORD)).statusCode).toBe(200);
  });

  it('R8: the link carries at least 128 random bits and only its SHA-256 hash is stored', async () => {
    const admin = await setup(world);
    const person = await invited(world, admin);
    expect(person.token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(person.token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    const rows = await world.deps.db
      .selectFrom('claim_tokens')
      .selectAll()
      .where('person_id', '=', person.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toBe(createHash('sha256').update(person.token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(person.token);
    // The outbox keeps no plaintext link once sent, and admins only ever see it masked.
    const sms = await world.deps.db
      .selectFrom('messages')
      .selectAll()
      .where('person_id', '=', person.id)
      .execute();
    expect(sms).toHaveLength(1);
    expect(sms[0]?.body).toBeNull();
    expect(sms[0]?.preview).toContain(HIDDEN);
    expect(JSON.stringify(sms)).not.toContain(person.token);

    // A second invitation gives a different token.
    expect((await admin.client.post(`/api/v1/people/${person.id}/invite`)).statusCode).toBe(200);
    await dispatchDue(world);
    expect(latestClaimToken(world, person.phone)).not.toBe(person.token);
  });

  it('R8: a link expires after 14 days by default with 410 claim_link_expired', async () => {
    const admin = await setup(world);
    const person = await invited(world, admin);
    world.clock.advanceDays(13);
    expect((await getLink(world, person.token)).statusCode).toBe(200);
    world.clock.advanceDays(2);
    for (const answer of [
      await getLink(world, person.token),
      await postLink(world, person.token, WORKER_PASSWORD),
    ]) {
      expectProblem(answer, 410, 'claim_link_expired');
      expect(answer.json().detail).toMatch(ASK_ADMIN);
    }
    expect((await personRow(world, person.id)).claimed).toBe(0);
  });

  it('R8, R25: the lifetime follows the claimLinkLifetimeDays setting', async () => {
    const admin = await setup(world);
    const patched = await admin.client.patch('/api/v1/settings', { claimLinkLifetimeDays: 2 });
    expect(patched.statusCode, patched.body).toBe(200);
    const issuedAt = world.clock.now().getTime();
    const person = await invited(world, admin);
    const page = await getLink(world, person.token);
    expect(page.statusCode, page.body).toBe(200);
    expect(Date.parse(page.json().expiresAt)).toBe(issuedAt + 2 * 86_400_000);
    world.clock.advanceDays(1);
    expect((await getLink(world, person.token)).statusCode).toBe(200);
    world.clock.advanceDays(1);
    expectProblem(await postLink(world, person.token, WORKER_PASSWORD), 410, 'claim_link_expired');
  });

  it('R8: a used link is 410 claim_link_used', async () => {
    const admin = await setup(world);
    const person = await invited(world, admin);
    expect((await postLink(world, person.token, WORKER_PASSWORD)).statusCode).toBe(200);
    for (const answer of [
      await getLink(world, person.token),
      await postLink(world, person.token, 'another password!'),
    ]) {
      expectProblem(answer, 410, 'claim_link_used');
      expect(answer.json().detail).toMatch(ASK_ADMIN);
    }
    // The second attempt did not change the password.
    expect((await login(world, admin.slug, person.phone, 'another password!')).statusCode).toBe(401);
    expect((await login(world, admin.slug, person.phone, WORKER_PASSWORD)).statusCode).toBe(200);
  });

  it('R8: a newer invitation supersedes the earlier link (410 claim_link_superseded); the newest works', async () => {
    const admin = await setup(world);
    const person = await invited(world, admin);
    expect((await admin.client.post(`/api/v1/people/${person.id}/invite`)).statusCode).toBe(200);
    await dispatchDue(world);
    const newer = latestClaimToken(world, person.phone);
    for (const answer of [
      await getLink(world, person.token),
      await postLink(world, person.token, WORKER_PASSWORD),
    ]) {
      expectProblem(answer, 410, 'claim_link_superseded');
      expect(answer.json().detail).toMatch(ASK_ADMIN);
    }
    expect((await personRow(world, person.id)).claimed).toBe(0);
    expect((await postLink(world, newer, WORKER_PASSWORD)).statusCode).toBe(200);
  });

  it('R8: deactivation kills the link (410 claim_link_superseded), and reactivation does not revive it', async () => {
    const admin = await setup(world);
    const person = await invited(world, admin);
    expect((await admin.client.post(`/api/v1/people/${person.id}/deactivate`)).statusCode).toBe(200);
    for (const answer of [
      await getLink(world, person.token),
      await postLink(world, person.token, WORKER_PASSWORD),
    ]) {
      expectProblem(answer, 410, 'claim_link_superseded');
      expect(answer.json().detail).toMatch(ASK_ADMIN);
    }
    expect((await admin.client.post(`/api/v1/people/${person.id}/reactivate`)).statusCode).toBe(200);
    expectProblem(await postLink(world, person.token, WORKER_PASSWORD), 410, 'claim_link_superseded');
    const row = await personRow(world, person.id);
    expect(row).toMatchObject({ claimed: 0, password_hash: null });
  });

  it('R8: an unknown link is 404 claim_link_not_found, tells the worker to ask their admin, and reveals nothing', async () => {
    const admin = await setup(world);
    const person = await invited(world, admin);
    const unknown = randomBytes(18).toString('base64url');
    for (const answer of [await getLink(world, unknown), await postLink(world, unknown, WORKER_PASSWORD)]) {
      expectProblem(answer, 404, 'claim_link_not_found');
      expect(answer.json().detail).toMatch(ASK_ADMIN);
      expect(answer.body).not.toContain(person.phone.slice(-4));
    }
    // No refusal names the number or the person, whatever the reason.
    expect((await postLink(world, person.token, WORKER_PASSWORD)).statusCode).toBe(200);
    const used = await getLink(world, person.token);
    expect(used.body).not.toContain(person.phone.slice(-4));
    expect(used.body).not.toContain('Worker');
  });

  it('R7, R30: a too-short password is 400 and the link still works afterwards', async () => {
    const admin = await setup(world);
    const person = await invited(world, admin);
    const before = await snapshot(world, admin, person.id);
    expectProblem(await postLink(world, person.token, 'short'), 400, 'password_too_short');
    const after = await snapshot(world, admin, person.id);
    expect(after.person).toEqual(before.person);
    expect(after.tokens).toEqual(before.tokens);
    expect(after.sessions).toEqual(before.sessions);
    expect((await getLink(world, person.token)).statusCode).toBe(200);
    const claimed = await postLink(world, person.token, WORKER_PASSWORD);
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect(claimed.json().person.state).toBe('active');
  });

  it('R7, R30: the claim refuses a common password, the worker’s own number and the community name, and the link still works', async () => {
    const admin = await setup(world);
    const person = await invited(world, admin);
    const national = `0${person.phone.slice(3)}`;
    // SPEC R30 names no error code for these; any password_… problem with status 400 will do.
    for (const weak of ['password123', '12345678', national, person.phone, `Community ${admin.slug}`]) {
      const refused = await postLink(world, person.token, weak);
      expect(refused.statusCode, `${weak}: ${refused.body}`).toBe(400);
      expect(refused.json().code).toMatch(/^password_/);
    }
    expect((await personRow(world, person.id)).claimed).toBe(0);
    expect((await postLink(world, person.token, WORKER_PASSWORD)).statusCode).toBe(200);
  });

  it('R8, R33: of 8 parallel claims of one link exactly one succeeds; one session, one recovery code text', async () => {
    const admin = await setup(world);
    const person = await invited(world, admin);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => postLink(world, person.token, `parallel password ${i}`)),
    );
    const ok = answers.filter((a) => a.statusCode === 200);
    expect(ok.length).toBe(1);
    for (const answer of answers.filter((a) => a.statusCode !== 200))
      expectProblem(answer, 410, 'claim_link_used');
    const sessions = await world.deps.db
      .selectFrom('sessions')
      .select('id')
      .where('person_id', '=', person.id)
      .execute();
    expect(sessions).toHaveLength(1);
    const codes = await world.deps.db
      .selectFrom('messages')
      .select('id')
      .where('person_id', '=', person.id)
      .where('kind', '=', 'recovery_code')
      .execute();
    expect(codes).toHaveLength(1);
    expect(await auditOf(world, admin.communityId, 'Account Activated', person.id)).toHaveLength(1);
    // The winner's password is the one that works.
    const winner = answers.indexOf(ok[0] as LightMyRequestResponse);
    expect((await login(world, admin.slug, person.phone, `parallel password ${winner}`)).statusCode).toBe(
      200,
    );
    expect(
      (await login(world, admin.slug, person.phone, `parallel password ${(winner + 1) % 8}`)).statusCode,
    ).toBe(401);
  });
});

eachDatabase('recovery codes', (world) => {
  it('R7, R9: claiming texts a recovery code ABCDE-FGHJK from Crockford base32, stored only as an argon2id hash', async () => {
    const admin = await setup(world);
    const worker = await claimedWorker(world, admin);
    expect(worker.code).toMatch(CROCKFORD);
    const row = await personRow(world, worker.id);
    expect(row.recovery_code_hash).toMatch(/^\$argon2id\$/);
    const compact = worker.code.replace('-', '');
    for (const column of Object.values(row)) {
      if (typeof column !== 'string') continue;
      expect(column).not.toContain(compact);
      expect(column).not.toContain(worker.code);
    }
    const leaks = [
      ...(await world.deps.db
        .selectFrom('messages')
        .selectAll()
        .where('person_id', '=', worker.id)
        .execute()),
      ...(await world.deps.db
        .selectFrom('audit_events')
        .selectAll()
        .where('community_id', '=', admin.communityId)
        .execute()),
    ];
    expect(JSON.stringify(leaks)).not.toContain(compact);
    expect(JSON.stringify(leaks)).not.toContain(worker.code);
  });

  it('R9, R10: the code is accepted in lower case, without the dash and with spaces, and each code works once', async () => {
    const admin = await setup(world);
    const worker = await claimedWorker(world, admin);
    const ip = clientIp();
    const spellings = [
      (code: string) => code.toLowerCase(),
      (code: string) => code.replace('-', ''),
      (code: string) => ` ${code.slice(0, 3)} ${code.slice(3, 5)} ${code.slice(6)} `,
    ];
    let code = worker.code;
    let password = worker.password;
    for (const [i, spell] of spellings.entries()) {
      const newPassword = `recovered password number ${i}`;
      const answer = await recover(
        world,
        admin.slug,
        { phone: worker.phone, recoveryCode: spell(code), newPassword },
        ip,
      );
      expect(answer.statusCode, answer.body).toBe(200);
      // Used once, it is gone.
      const again = await recover(
        world,
        admin.slug,
        { phone: worker.phone, recoveryCode: code, newPassword: 'yet another password' },
        ip,
      );
      expectProblem(again, 400, 'recovery_failed');
      expect((await personRow(world, worker.id)).recovery_code_hash).toBeNull();
      password = newPassword;
      const session = new Client(world.app, sessionCookieFrom(answer), answer.json().csrfToken);
      const fresh = await session.post('/api/v1/me/recovery-code', { password });
      expect(fresh.statusCode, fresh.body).toBe(200);
      code = fresh.json().recoveryCode;
    }
    expect((await login(world, admin.slug, worker.phone, password)).statusCode).toBe(200);
  });

  it('R11: a wrong password is 403 password_incorrect and changes nothing', async () => {
    const admin = await setup(world);
    const worker = await claimedWorker(world, admin);
    const before = await personRow(world, worker.id);
    const refused = await worker.session.post('/api/v1/me/recovery-code', { password: 'not my password' });
    expectProblem(refused, 403, 'password_incorrect');
    expect(await personRow(world, worker.id)).toEqual(before);
    expect(await auditOf(world, admin.communityId, 'Recovery Code Generated', worker.id)).toEqual([]);
  });

  it('R11: the right password gives a new code once; the old stops working; an SMS says a new code was made', async () => {
    const admin = await setup(world);
    const worker = await claimedWorker(world, admin);
    const oldHash = (await personRow(world, worker.id)).recovery_code_hash;
    const answer = await worker.session.post('/api/v1/me/recovery-code', { password: worker.password });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    const newCode: string = answer.json().recoveryCode;
    expect(newCode).toMatch(CROCKFORD);
    expect(newCode).not.toBe(worker.code);
    const row = await personRow(world, worker.id);
    expect(row.recovery_code_hash).toMatch(/^\$argon2id\$/);
    expect(row.recovery_code_hash).not.toBe(oldHash);

    await dispatchDue(world);
    const text = devInbox(world).find((sms) => sms.to === worker.phone)?.body ?? '';
    expect(text).toContain('new recovery code was made');
    expect(text).not.toContain(newCode);
    expect(text).not.toContain(newCode.replace('-', ''));
    expect(await auditOf(world, admin.communityId, 'Recovery Code Generated', worker.id)).toHaveLength(1);

    const ip = clientIp();
    expectProblem(
      await recover(
        world,
        admin.slug,
        { phone: worker.phone, recoveryCode: worker.code, newPassword: 'using the old code' },
        ip,
      ),
      400,
      'recovery_failed',
    );
    const ok = await recover(
      world,
      admin.slug,
      { phone: worker.phone, recoveryCode: newCode, newPassword: 'using the new code' },
      ip,
    );
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('R11: an email person asking for a recovery code is 409 not_a_phone_account', async () => {
    const admin = await setup(world);
    const refused = await admin.client.post('/api/v1/me/recovery-code', { password: ADMIN_PASSWORD });
    expectProblem(refused, 409, 'not_a_phone_account');
    expect((await personRow(world, admin.adminId)).recovery_code_hash).toBeNull();
  });
});

eachDatabase('forgot password', (world) => {
  it('R10: unknown number, unclaimed account, deactivated account and wrong code give the same 400 recovery_failed', async () => {
    const admin = await setup(world);
    const ip = clientIp();
    const unclaimed = await invited(world, admin);
    const deactivated = await claimedWorker(world, admin);
    expect((await admin.client.post(`/api/v1/people/${deactivated.id}/deactivate`)).statusCode).toBe(200);
    const active = await claimedWorker(world, admin);
    const wrongCode = active.code === 'ABCDE-FGHJK' ? 'ABCDE-FGHJ0' : 'ABCDE-FGHJK';

    const attempts = [
      { phone: mobile(), recoveryCode: 'ABCDE-FGHJK' }, // nobody has this number
      { phone: unclaimed.phone, recoveryCode: 'ABCDE-FGHJK' },
      { phone: deactivated.phone, recoveryCode: deactivated.code }, // even the right code
      { phone: active.phone, recoveryCode: wrongCode },
    ];
    const answers = [];
    for (const attempt of attempts)
      answers.push(await recover(world, admin.slug, { ...attempt, newPassword: 'a whole new password' }, ip));
    const shapes = answers.map((answer) => {
      expect(answer.statusCode, answer.body).toBe(400);
      const { requestId, ...rest } = answer.json();
      expect(typeof requestId).toBe('string');
      return { rest, contentType: answer.headers['content-type'], cookie: answer.headers['set-cookie'] };
    });
    expect(shapes[0]?.rest.code).toBe('recovery_failed');
    for (const shape of shapes) expect(shape).toEqual(shapes[0]);

    // Nothing changed for any of them, and each failure is audited.
    expect((await personRow(world, deactivated.id)).active).toBe(0);
    expect((await personRow(world, unclaimed.id)).password_hash).toBeNull();
    expect((await login(world, admin.slug, active.phone, active.password)).statusCode).toBe(200);
    const failures = await auditOf(world, admin.communityId, 'Password Reset Failed');
    expect(failures).toHaveLength(4);
    for (const failure of failures) expect(failure.outcome).toBe('failure');
    expect(await auditOf(world, admin.communityId, 'Password Reset Succeeded')).toEqual([]);
  });

  it('R10, R33: of 50 parallel wrong codes for one account at most the limit are checked, the rest 429 rate_limited', async () => {
    const admin = await setup(world);
    const worker = await claimedWorker(world, admin);
    const wrongCode = worker.code === 'ABCDE-FGHJK' ? 'ABCDE-FGHJ0' : 'ABCDE-FGHJK';
    const ips = Array.from({ length: 5 }, clientIp);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        recover(
          world,
          admin.slug,
          { phone: worker.phone, recoveryCode: wrongCode, newPassword: 'guessing is futile' },
          ips[i % ips.length] ?? '',
        ),
      ),
    );
    const checked = answers.filter((a) => a.statusCode === 400);
    const refused = answers.filter((a) => a.statusCode === 429);
    expect(checked.length).toBe(RECOVERY_RULES.account.limit);
    expect(refused.length).toBe(50 - RECOVERY_RULES.account.limit);
    for (const answer of checked) expect(answer.json().code).toBe('recovery_failed');
    for (const answer of refused) {
      expect(answer.json().code).toBe('rate_limited');
      expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    }

    // While locked even the right code is not checked; the lockout is temporary and the code survives it.
    const ip = clientIp();
    const locked = await recover(
      world,
      admin.slug,
      { phone: worker.phone, recoveryCode: worker.code, newPassword: 'patience pays off' },
      ip,
    );
    expectProblem(locked, 429, 'rate_limited');
    world.clock.advanceMinutes(RECOVERY_RULES.account.firstLockoutMinutes + 1);
    const later = await recover(
      world,
      admin.slug,
      { phone: worker.phone, recoveryCode: worker.code, newPassword: 'patience pays off' },
      ip,
    );
    expect(later.statusCode, later.body).toBe(200);
  });

  it('R9, R33: of 8 parallel uses of one valid code exactly one succeeds and only its password works', async () => {
    const admin = await setup(world);
    const worker = await claimedWorker(world, admin);
    const ip = clientIp();
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        recover(
          world,
          admin.slug,
          { phone: worker.phone, recoveryCode: worker.code, newPassword: `racing password ${i}` },
          ip,
        ),
      ),
    );
    const ok = answers.filter((a) => a.statusCode === 200);
    expect(ok.length).toBe(1);
    for (const answer of answers.filter((a) => a.statusCode !== 200)) {
      expect([400, 429]).toContain(answer.statusCode);
      expect(answer.json().code).toBe(answer.statusCode === 400 ? 'recovery_failed' : 'rate_limited');
    }
    expect(await auditOf(world, admin.communityId, 'Password Reset Succeeded', worker.id)).toHaveLength(1);
    const winner = answers.indexOf(ok[0] as LightMyRequestResponse);
    expect((await login(world, admin.slug, worker.phone, `racing password ${winner}`)).statusCode).toBe(200);
    expect(
      (await login(world, admin.slug, worker.phone, `racing password ${(winner + 1) % 8}`)).statusCode,
    ).toBe(401);
    expect((await login(world, admin.slug, worker.phone, worker.password)).statusCode).toBe(401);
    expect((await personRow(world, worker.id)).recovery_code_hash).toBeNull();
  });

  it('R10: logoutOtherDevices:false keeps the other sessions, true ends them; the new password works, the old does not', async () => {
    const admin = await setup(world);
    const worker = await claimedWorker(world, admin);
    const phoneSession = await signIn(world.app, worker.phone, worker.password, admin.slug);
    const ip = clientIp();

    const keep = await recover(
      world,
      admin.slug,
      {
        phone: worker.phone,
        recoveryCode: worker.code,
        newPassword: 'kept my sessions',
        logoutOtherDevices: false,
      },
      ip,
    );
    expect(keep.statusCode, keep.body).toBe(200);
    expect(keep.json().otherSessionsEnded).toBe(0);
    expect(keep.json().person.state).toBe('active');
    expect((await worker.session.get('/api/v1/me')).statusCode).toBe(200);
    expect((await phoneSession.get('/api/v1/me')).statusCode).toBe(200);
    const keptSession = new Client(world.app, sessionCookieFrom(keep), keep.json().csrfToken);
    expect((await keptSession.get('/api/v1/me')).statusCode).toBe(200);
    expect((await login(world, admin.slug, worker.phone, worker.password)).statusCode).toBe(401);
    expect((await login(world, admin.slug, worker.phone, 'kept my sessions')).statusCode).toBe(200);

    const fresh = await keptSession.post('/api/v1/me/recovery-code', { password: 'kept my sessions' });
    expect(fresh.statusCode, fresh.body).toBe(200);
    const end = await recover(
      world,
      admin.slug,
      {
        phone: worker.phone,
        recoveryCode: fresh.json().recoveryCode,
        newPassword: 'ended the others',
        logoutOtherDevices: true,
      },
      ip,
    );
    expect(end.statusCode, end.body).toBe(200);
    // The claim session, the phone login, the session of the first reset and the login just above.
    expect(end.json().otherSessionsEnded).toBe(4);
    expect((await worker.session.get('/api/v1/me')).statusCode).toBe(401);
    expect((await phoneSession.get('/api/v1/me')).statusCode).toBe(401);
    expect((await keptSession.get('/api/v1/me')).statusCode).toBe(401);
    const current = new Client(world.app, sessionCookieFrom(end), end.json().csrfToken);
    expect((await current.get('/api/v1/me')).statusCode).toBe(200);
    expect((await login(world, admin.slug, worker.phone, 'kept my sessions')).statusCode).toBe(401);
    expect((await login(world, admin.slug, worker.phone, 'ended the others')).statusCode).toBe(200);

    const succeeded = await auditOf(world, admin.communityId, 'Password Reset Succeeded', worker.id);
    expect(succeeded).toHaveLength(2);
    expect(succeeded.map((e) => JSON.parse(e.details).otherSessionsEnded)).toEqual([0, 4]);
    expect(succeeded.map((e) => e.actor_id)).toEqual([worker.id, worker.id]);
  });
});

// ---------------------------------------------------------------- unit tests

describe('recovery codes (R9)', () => {
  const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

  it('generates 10 characters of Crockford base32, never I, L, O or U, and all 32 symbols in use', () => {
    const seen = new Set<string>();
    const codes = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const code = generateRecoveryCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
      for (const char of code) seen.add(char);
      codes.add(code);
    }
    expect(codes.size).toBe(500);
    expect([...seen].sort().join('')).toBe(ALPHABET);
  });

  it('formats as ABCDE-FGHJK', () => {
    expect(formatRecoveryCode('ABCDEFGHJK')).toBe('ABCDE-FGHJK');
    expect(formatRecoveryCode(generateRecoveryCode())).toMatch(CROCKFORD);
  });

  it('normalises case, dashes and spaces to the canonical code', () => {
    const code = generateRecoveryCode();
    const formatted = formatRecoveryCode(code);
    for (const typed of [
      code,
      formatted,
      formatted.toLowerCase(),
      code.toLowerCase(),
      ` ${formatted.slice(0, 2)} ${formatted.slice(2)} `,
      formatted.split('').join(' '),
      `${formatted.slice(0, 5)} - ${formatted.slice(6)}`,
    ]) {
      expect(normaliseRecoveryCode(typed)).toBe(code);
    }
  });

  it('reads I and L as 1 and O as 0, the Crockford way', () => {
    expect(normaliseRecoveryCode('IL0O1-ABCDE')).toBe('11001ABCDE');
    expect(normaliseRecoveryCode('il0o1abcde')).toBe('11001ABCDE');
  });

  it('rejects U, other symbols and wrong lengths', () => {
    expect(normaliseRecoveryCode('ABCDE-FGHJU')).toBeNull();
    expect(normaliseRecoveryCode('abcde-fghju')).toBeNull();
    expect(normaliseRecoveryCode('ABCDE-FGH*K')).toBeNull();
    expect(normaliseRecoveryCode('ABCDE-FGHJ')).toBeNull();
    expect(normaliseRecoveryCode('ABCDE-FGHJKM')).toBeNull();
    expect(normaliseRecoveryCode('')).toBeNull();
    expect(normaliseRecoveryCode('ÄBCDE-FGHJK')).toBeNull();
  });
});

describe('SMS texts', () => {
  const community = 'Northwind Logistics!'; // 20 characters
  const link = `http://muster.example.com/claim/${'A'.repeat(76 - 'http://muster.example.com/claim/'.length)}`;

  it('uses a 20-character name and a 76-character link', () => {
    expect(community.length).toBe(20);
    expect(link.length).toBe(76);
  });

  it('keeps every catalogue text in ONE GSM-7 segment, with secrets and with them hidden', () => {
    const catalogue: SmsCatalogue = catalogueFor('en');
    const texts = [
      catalogue.claimInvitation({ community, link }),
      catalogue.claimReminder({ community, link }),
      catalogue.accountReset({ community, link }),
      catalogue.recoveryCode({ community, code: 'ABCDE-FGHJK' }),
      catalogue.recoveryCodeChanged({ community }),
      catalogue.passwordChanged({ community }),
      catalogue.claimInvitation({ community, link: HIDDEN }),
      catalogue.recoveryCode({ community, code: HIDDEN }),
    ];
    expect(texts).toHaveLength(Object.keys(catalogue).length + 2);
    for (const text of texts) {
      expect(text).toContain(community);
      expect(segmentsOf(text), text).toEqual({ encoding: 'GSM-7', segments: 1 });
    }
  });

  it('falls back to English for an unknown locale', () => {
    expect(catalogueFor('xx-YY').recoveryCodeChanged({ community })).toBe(
      catalogueFor('en').recoveryCodeChanged({ community }),
    );
  });

  it('counts segments: 160 GSM-7 septets in one, extension characters twice, anything else UCS-2', () => {
    expect(segmentsOf('a'.repeat(160))).toEqual({ encoding: 'GSM-7', segments: 1 });
    expect(segmentsOf('a'.repeat(161))).toEqual({ encoding: 'GSM-7', segments: 2 });
    expect(segmentsOf('a'.repeat(306))).toEqual({ encoding: 'GSM-7', segments: 2 });
    expect(segmentsOf('a'.repeat(307))).toEqual({ encoding: 'GSM-7', segments: 3 });
    expect(segmentsOf(`${'a'.repeat(159)}€`)).toEqual({ encoding: 'GSM-7', segments: 2 });
    expect(segmentsOf(`${'a'.repeat(158)}€`)).toEqual({ encoding: 'GSM-7', segments: 1 });
    expect(segmentsOf(`Zoë ${'a'.repeat(60)}`)).toEqual({ encoding: 'UCS-2', segments: 1 });
    expect(segmentsOf(`Łukasz ${'a'.repeat(70)}`)).toEqual({ encoding: 'UCS-2', segments: 2 });
  });
});

describe('calendar days of a time zone (R5, R6)', () => {
  const iso = (at: Date) => at.toISOString();

  it('names the local day of an instant', () => {
    expect(localDay(new Date('2026-03-08T05:59:59Z'), 'America/Chicago')).toBe('2026-03-07');
    expect(localDay(new Date('2026-03-08T06:00:00Z'), 'America/Chicago')).toBe('2026-03-08');
    expect(localDay(new Date('2026-03-29T22:59:59Z'), 'Europe/London')).toBe('2026-03-29');
    expect(localDay(new Date('2026-03-29T23:00:00Z'), 'Europe/London')).toBe('2026-03-30');
    expect(localDay(new Date('2026-12-31T23:30:00Z'), 'Europe/London')).toBe('2026-12-31');
    expect(localDay(new Date('2026-12-31T23:30:00Z'), 'Asia/Tokyo')).toBe('2027-01-01');
  });

  it('finds the next local midnight across the spring DST change in Europe/London', () => {
    // Clocks go forward at 01:00 GMT on 29 March 2026.
    expect(iso(nextLocalMidnight(new Date('2026-03-28T12:00:00Z'), 'Europe/London'))).toBe(
      '2026-03-29T00:00:00.000Z',
    );
    expect(iso(nextLocalMidnight(new Date('2026-03-29T00:30:00Z'), 'Europe/London'))).toBe(
      '2026-03-29T23:00:00.000Z',
    );
    expect(iso(nextLocalMidnight(new Date('2026-03-29T12:00:00Z'), 'Europe/London'))).toBe(
      '2026-03-29T23:00:00.000Z',
    );
  });

  it('finds the next local midnight across the autumn DST change in Europe/London', () => {
    // Clocks go back at 01:00 GMT on 25 October 2026: that day has 25 hours.
    expect(iso(nextLocalMidnight(new Date('2026-10-24T12:00:00Z'), 'Europe/London'))).toBe(
      '2026-10-24T23:00:00.000Z',
    );
    expect(iso(nextLocalMidnight(new Date('2026-10-24T23:00:00Z'), 'Europe/London'))).toBe(
      '2026-10-26T00:00:00.000Z',
    );
    expect(iso(nextLocalMidnight(new Date('2026-10-25T12:00:00Z'), 'Europe/London'))).toBe(
      '2026-10-26T00:00:00.000Z',
    );
  });

  it('finds the next local midnight across both DST changes in America/Chicago', () => {
    // Spring forward at 02:00 CST on 8 March 2026; fall back at 02:00 CDT on 1 November 2026.
    expect(iso(nextLocalMidnight(new Date('2026-03-07T18:00:00Z'), 'America/Chicago'))).toBe(
      '2026-03-08T06:00:00.000Z',
    );
    expect(iso(nextLocalMidnight(new Date('2026-03-08T06:00:00Z'), 'America/Chicago'))).toBe(
      '2026-03-09T05:00:00.000Z',
    );
    expect(iso(nextLocalMidnight(new Date('2026-03-08T12:00:00Z'), 'America/Chicago'))).toBe(
      '2026-03-09T05:00:00.000Z',
    );
    expect(iso(nextLocalMidnight(new Date('2026-10-31T12:00:00Z'), 'America/Chicago'))).toBe(
      '2026-11-01T05:00:00.000Z',
    );
    expect(iso(nextLocalMidnight(new Date('2026-11-01T05:00:00Z'), 'America/Chicago'))).toBe(
      '2026-11-02T06:00:00.000Z',
    );
    expect(iso(nextLocalMidnight(new Date('2026-11-01T12:00:00Z'), 'America/Chicago'))).toBe(
      '2026-11-02T06:00:00.000Z',
    );
  });

  it('returns local midnight itself for the last millisecond of a day', () => {
    expect(iso(nextLocalMidnight(new Date('2026-03-08T05:59:59.999Z'), 'America/Chicago'))).toBe(
      '2026-03-08T06:00:00.000Z',
    );
    expect(iso(nextLocalMidnight(new Date('2026-03-29T22:59:59.999Z'), 'Europe/London'))).toBe(
      '2026-03-29T23:00:00.000Z',
    );
  });

  it('is always the first instant of the next local day, all year, in zones with odd offsets and DST rules', () => {
    const zones = [
      'Europe/London',
      'America/Chicago',
      'America/Santiago',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
    ];
    const start = Date.parse('2026-01-01T00:17:00Z');
    for (const zone of zones) {
      for (let at = start; at < start + 366 * 86_400_000; at += 7 * 3_600_000 + 13 * 60_000) {
        const instant = new Date(at);
        const today = localDay(instant, zone);
        const midnight = nextLocalMidnight(instant, zone);
        expect(midnight.getTime()).toBeGreaterThan(at);
        expect(midnight.getTime() - at).toBeLessThanOrEqual(26 * 3_600_000);
        expect(localDay(new Date(midnight.getTime() - 1), zone), `${zone} ${instant.toISOString()}`).toBe(
          today,
        );
        expect(localDay(midnight, zone), `${zone} ${instant.toISOString()}`).not.toBe(today);
      }
    }
  });
});
