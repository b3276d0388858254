import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { nextLocalMidnight } from '../src/counters/day.js';
import { hashPassword } from '../src/crypto/passwords.js';
import { newId, randomToken } from '../src/crypto/random.js';
import { newPersonRow } from '../src/people/person.row.js';
import { catalogueFor } from '../src/sms/messages.js';
import { createThrottle } from '../src/throttle/create-throttle.js';
import { LOGIN_RULES, RECOVERY_RULES } from '../src/throttle/throttle.js';
import {
  ADMIN_PASSWORD,
  activateWithPassword,
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

// Throttles and lockouts as frontline work needs them (R33): a shift behind one shop router all
// get in, a stranger who knows a worker's number cannot lock the worker's own phone out, admins
// see and lift lockouts, and no lockout is permanent. Then R5's claim texts counted per number,
// and R41's sessions by role with new session ids on re-authentication.

const WORKER_PASSWORD = 'night shift at the depot';
const HOUR = 3_600_000;
const MINUTE = 60_000;

let serial = 0;
/** A client address nobody else in this file uses. */
function freshIp(): string {
  serial += 1;
  return `100.64.${Math.floor(serial / 250)}.${(serial % 250) + 1}`;
}
/** A GB mobile number nobody else in this file uses. */
function mobile(): string {
  serial += 1;
  return `+447400${String(900_000 + serial).padStart(6, '0')}`;
}

interface Site {
  slug: string;
  communityId: string;
  adminId: string;
  admin: Client;
}

async function site(world: World): Promise<Site> {
  const { community, admin, slug } = await seedCommunity(world);
  const client = await signIn(world.app, admin.email ?? '', ADMIN_PASSWORD, slug);
  await enablePhoneProfiles(client);
  return { slug, communityId: community.id, adminId: admin.id, admin: client };
}

interface LoginOptions {
  ip: string;
  /** The browser's device cookie, when it kept one. */
  device?: string | undefined;
  headers?: Record<string, string>;
}

function login(world: World, slug: string, identifier: string, password: string, options: LoginOptions) {
  return world.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: options.ip,
    headers: { ...(options.device ? { cookie: `muster_device=${options.device}` } : {}), ...options.headers },
    payload: { community: slug, identifier, password },
  });
}

function recover(
  world: World,
  slug: string,
  body: { phone: string; recoveryCode: string; newPassword?: string },
  options: LoginOptions,
) {
  return world.app.inject({
    method: 'POST',
    url: '/api/v1/auth/recover',
    remoteAddress: options.ip,
    headers: options.device ? { cookie: `muster_device=${options.device}` } : {},
    payload: { community: slug, newPassword: 'a recovered password', ...body },
  });
}

/** The device cookie a successful sign-in, claim or recovery set. */
function deviceCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'muster_device');
  expect(cookie, response.body).toBeDefined();
  expect(cookie?.httpOnly).toBe(true);
  return cookie?.value ?? '';
}

/** People who claimed their accounts, inserted directly with one shared password hash. */
async function insertWorkers(
  world: World,
  communityId: string,
  count: number,
  kind: 'email' | 'phone' = 'email',
): Promise<string[]> {
  const hash = await hashPassword(WORKER_PASSWORD);
  const now = world.clock.now().toISOString();
  const logins: string[] = [];
  const rows = Array.from({ length: count }, (_, i) => {
    const value =
      kind === 'phone' ? mobile() : `worker${i}.${newId(world.clock.now())}@shop.test`.toLowerCase();
    logins.push(value);
    return {
      ...newPersonRow({
        id: newId(world.clock.now()),
        communityId,
        login: { kind, value },
        displayName: `Worker ${i}`,
        now,
      }),
      invited: 1 as const,
      claimed: 1 as const,
      claimed_at: now,
      password_hash: hash,
    };
  });
  for (let i = 0; i < rows.length; i += 50) {
    await world.deps.db
      .insertInto('people')
      .values(rows.slice(i, i + 50))
      .execute();
  }
  return logins;
}

async function personIdOf(world: World, communityId: string, login: string): Promise<string> {
  const row = await world.deps.db
    .selectFrom('people')
    .select('id')
    .where('community_id', '=', communityId)
    .where((eb) => eb.or([eb('email', '=', login), eb('phone', '=', login)]))
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A phone worker who claimed through their link: their phone keeps the device cookie. */
async function claimedWorker(world: World, s: Site) {
  const phone = mobile();
  const created = await s.admin.post('/api/v1/people', { phone, displayName: `Worker ${phone.slice(-4)}` });
  expect(created.statusCode, created.body).toBe(201);
  await dispatchDue(world);
  const claimed = await world.app.inject({
    method: 'POST',
    url: `/api/v1/claim/${latestClaimToken(world, phone)}`,
    remoteAddress: freshIp(),
    payload: { password: WORKER_PASSWORD },
  });
  expect(claimed.statusCode, claimed.body).toBe(200);
  await dispatchDue(world);
  const text = devInbox(world).find((sms) => sms.to === phone && /recovery code is/.test(sms.body));
  const code = text?.body.match(/[0-9A-Z]{5}-[0-9A-Z]{5}/)?.[0] ?? '';
  expect(code).not.toBe('');
  return { id: created.json().id as string, phone, code, device: deviceCookieOf(claimed) };
}

/** Wrong passwords from a stranger's browser until the account key locks; returns Retry-After. */
async function lockSignIn(world: World, slug: string, login_: string, ip = freshIp()): Promise<number> {
  for (let i = 0; i < LOGIN_RULES.account.limit; i++) {
    expectProblem(await login(world, slug, login_, `wrong guess ${i}`, { ip }), 401, 'invalid_credentials');
  }
  const locked = await login(world, slug, login_, 'one guess too many', { ip });
  expectProblem(locked, 429, 'rate_limited');
  return Number(locked.headers['retry-after']);
}

/** Wrong recovery codes from a stranger until recovery of the number locks. */
async function lockRecovery(world: World, slug: string, phone: string, ip = freshIp()) {
  for (let i = 0; i < RECOVERY_RULES.account.limit; i++) {
    expectProblem(
      await recover(world, slug, { phone, recoveryCode: 'ABCDE-FGHJK' }, { ip }),
      400,
      'recovery_failed',
    );
  }
  expectProblem(
    await recover(world, slug, { phone, recoveryCode: 'ABCDE-FGHJK' }, { ip }),
    429,
    'rate_limited',
  );
}

interface LockoutItem {
  kind: 'sign_in' | 'recovery';
  login: string;
  lockedUntil: string;
  person: { id: string } | null;
}

async function lockouts(client: Client): Promise<LockoutItem[]> {
  const response = await client.get('/api/v1/lockouts');
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as LockoutItem[];
}

eachDatabase('lockouts', (world) => {
  // The embedded SQLite store refunds in memory, PostgreSQL in the database. Each sign-in is a full
  // argon2id check, so PostgreSQL signs in 300 (three times the address's allowance of failures)
  // and SQLite the whole shift of 1,000, keeping the file fast on a small machine.
  const SHIFT = world.dialect === 'sqlite' ? 1000 : 300;

  it('a whole shift of correct sign-ins (1,000 on the embedded database) from one shop address all succeed (R33)', async () => {
    const s = await site(world);
    const workers = await insertWorkers(world, s.communityId, 40);
    const shop = freshIp();
    const statuses = new Map<number, number>();
    for (let done = 0; done < SHIFT; done += workers.length) {
      const batch = workers.slice(0, Math.min(workers.length, SHIFT - done));
      const answers = await Promise.all(
        batch.map((worker) => login(world, s.slug, worker, WORKER_PASSWORD, { ip: shop })),
      );
      for (const answer of answers)
        statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
      // The shift arrives over a few minutes.
      world.clock.advance(10_000);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 200: SHIFT });
    const sessions = await world.deps.db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('community_id', '=', s.communityId)
      .where('person_id', '!=', s.adminId)
      .executeTakeFirstOrThrow();
    expect(Number(sessions.n)).toBe(SHIFT);
    // The address was charged nothing: a mistyped password is still checked, not refused.
    expectProblem(
      await login(world, s.slug, workers[0] ?? '', 'mistyped', { ip: shop }),
      401,
      'invalid_credentials',
    );
  }, 120_000);

  it('the 101st wrong password from one address locks it, whatever X-Forwarded-For says; a success in between takes back only its own count (R33)', async () => {
    const s = await site(world);
    const [worker] = await insertWorkers(world, s.communityId, 1);
    const attacker = freshIp();
    const statuses: number[] = [];
    // 50 failures, a success, 50 failures: 101 attempts but 100 failures, so not locked yet.
    for (let i = 0; i <= LOGIN_RULES.client.limit; i++) {
      const right = i === 50;
      // Each guess on another login (no account key fills up), each claiming another origin.
      const answer = await login(
        world,
        s.slug,
        right ? (worker ?? '') : `guess${i}@shop.test`,
        right ? WORKER_PASSWORD : 'password1',
        { ip: attacker, headers: { 'x-forwarded-for': `192.0.2.${i + 1}` } },
      );
      statuses.push(answer.statusCode);
    }
    expect(statuses.filter((status) => status === 401)).toHaveLength(LOGIN_RULES.client.limit);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    // The 101st failure is one too many.
    const locked = await login(world, s.slug, 'one.more@shop.test', 'password1', {
      ip: attacker,
      headers: { 'x-forwarded-for': '192.0.2.250' },
    });
    expectProblem(locked, 429, 'rate_limited');
    expect(Number(locked.headers['retry-after'])).toBe(LOGIN_RULES.client.firstLockoutMinutes * 60);
    // The address is locked for everyone behind it, even with a right password...
    expectProblem(
      await login(world, s.slug, worker ?? '', WORKER_PASSWORD, { ip: attacker }),
      429,
      'rate_limited',
    );
    // ...and only that address.
    expect((await login(world, s.slug, worker ?? '', WORKER_PASSWORD, { ip: freshIp() })).statusCode).toBe(
      200,
    );
  });

  it("a stranger's 11 wrong passwords lock the account key, but the worker's own browser still signs in (R33)", async () => {
    const s = await site(world);
    const [phone, strangersOwn] = await insertWorkers(world, s.communityId, 2, 'phone');
    const workerPhone = phone ?? '';
    // The worker signed in on their phone before: it keeps a device cookie.
    const phoneIp = freshIp();
    const earlier = await login(world, s.slug, workerPhone, WORKER_PASSWORD, { ip: phoneIp });
    expect(earlier.statusCode, earlier.body).toBe(200);
    const device = deviceCookieOf(earlier);
    expect(device).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // The stranger has an account of their own, and its device cookie buys nothing for the worker's.
    const strangerIp = freshIp();
    const own = await login(world, s.slug, strangersOwn ?? '', WORKER_PASSWORD, { ip: strangerIp });
    const strangerDevice = deviceCookieOf(own);
    expect(strangerDevice).not.toBe(device);
    for (let i = 0; i < LOGIN_RULES.account.limit; i++) {
      expectProblem(
        await login(world, s.slug, workerPhone, `guess number ${i}`, {
          ip: strangerIp,
          device: strangerDevice,
        }),
        401,
        'invalid_credentials',
      );
    }
    expectProblem(
      await login(world, s.slug, workerPhone, 'guess eleven', { ip: strangerIp }),
      429,
      'rate_limited',
    );
    // Locked for every browser the account has not seen, even with the right password.
    for (const stranger of [
      { ip: strangerIp },
      { ip: freshIp() },
      { ip: strangerIp, device: strangerDevice },
      { ip: freshIp(), device: randomToken(32) },
    ]) {
      expectProblem(await login(world, s.slug, workerPhone, WORKER_PASSWORD, stranger), 429, 'rate_limited');
    }

    // The worker's own phone: a mistype is only a mistype, and the right password gets in.
    expectProblem(
      await login(world, s.slug, workerPhone, 'fat finger', { ip: phoneIp, device }),
      401,
      'invalid_credentials',
    );
    const mine = await login(world, s.slug, workerPhone, WORKER_PASSWORD, { ip: phoneIp, device });
    expect(mine.statusCode, mine.body).toBe(200);
    // Even from another network (the phone moved from Wi-Fi to mobile data).
    expect(
      (await login(world, s.slug, workerPhone, WORKER_PASSWORD, { ip: freshIp(), device })).statusCode,
    ).toBe(200);
    // Its success did not unlock the account for strangers.
    expectProblem(
      await login(world, s.slug, workerPhone, WORKER_PASSWORD, { ip: strangerIp }),
      429,
      'rate_limited',
    );
  });

  it("the same for recovery: a stranger's 6 wrong codes lock it, the worker's phone still recovers (R33, R10)", async () => {
    const s = await site(world);
    const worker = await claimedWorker(world, s);
    const strangerIp = freshIp();
    await lockRecovery(world, s.slug, worker.phone, strangerIp);
    expectProblem(
      await recover(world, s.slug, { phone: worker.phone, recoveryCode: worker.code }, { ip: freshIp() }),
      429,
      'rate_limited',
    );
    const ok = await recover(
      world,
      s.slug,
      { phone: worker.phone, recoveryCode: worker.code, newPassword: 'my phone still works' },
      { ip: freshIp(), device: worker.device },
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(deviceCookieOf(ok)).toBe(worker.device);
    expect(
      (
        await login(world, s.slug, worker.phone, 'my phone still works', {
          ip: freshIp(),
          device: worker.device,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('admins see lockouts with the person and lift them, audited; the stranger is then checked again (R33, R36)', async () => {
    const s = await site(world);
    const worker = await claimedWorker(world, s);
    const strangerIp = freshIp();
    const before = world.clock.now().getTime();
    await lockSignIn(world, s.slug, worker.phone, strangerIp);
    await lockRecovery(world, s.slug, worker.phone, strangerIp);
    await lockSignIn(world, s.slug, 'nobody.here@shop.test', freshIp());

    const items = await lockouts(s.admin);
    const mine = items.filter((item) => item.person?.id === worker.id);
    expect(mine.map((item) => item.kind).sort()).toEqual(['recovery', 'sign_in']);
    for (const item of mine) {
      expect(item.login).toBe(worker.phone);
      const minutes =
        item.kind === 'sign_in'
          ? LOGIN_RULES.account.firstLockoutMinutes
          : RECOVERY_RULES.account.firstLockoutMinutes;
      expect(Date.parse(item.lockedUntil)).toBe(before + minutes * MINUTE);
    }
    expect(items).toContainEqual(
      expect.objectContaining({ kind: 'sign_in', login: 'nobody.here@shop.test', person: null }),
    );

    // A member may not look; an account manager may, but not lift a system admin's lockout.
    const member = await insertWorkers(world, s.communityId, 1);
    const memberClient = await signIn(world.app, member[0] ?? '', WORKER_PASSWORD, s.slug);
    expectProblem(await memberClient.get('/api/v1/lockouts'), 403, 'forbidden');
    expectProblem(await memberClient.delete(`/api/v1/people/${worker.id}/lockout`), 403, 'forbidden');
    const [managerEmail] = await insertWorkers(world, s.communityId, 1);
    const managerId = await personIdOf(world, s.communityId, managerEmail ?? '');
    expect(
      (await s.admin.put(`/api/v1/people/${managerId}/role`, { role: 'account_manager' })).statusCode,
    ).toBe(200);
    const manager = await signIn(world.app, managerEmail ?? '', WORKER_PASSWORD, s.slug);
    expect((await lockouts(manager)).length).toBe(items.length);
    expectProblem(await manager.delete(`/api/v1/people/${s.adminId}/lockout`), 403, 'target_outranks_actor');

    const lifted = await manager.delete(`/api/v1/people/${worker.id}/lockout`);
    expect(lifted.statusCode, lifted.body).toBe(204);
    expect((await lockouts(s.admin)).filter((item) => item.person?.id === worker.id)).toEqual([]);
    // Lifting one person's lockouts leaves others alone.
    expect(await lockouts(s.admin)).toContainEqual(
      expect.objectContaining({ login: 'nobody.here@shop.test' }),
    );
    // The stranger's next guesses are checked (and fail), not refused.
    expectProblem(
      await login(world, s.slug, worker.phone, 'another guess', { ip: strangerIp }),
      401,
      'invalid_credentials',
    );
    expectProblem(
      await recover(world, s.slug, { phone: worker.phone, recoveryCode: 'ABCDE-FGHJK' }, { ip: strangerIp }),
      400,
      'recovery_failed',
    );

    const audit = await world.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('community_id', '=', s.communityId)
      .where('type', '=', 'Lockout Lifted')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: managerId, target_id: worker.id, outcome: 'success' });
  });

  it('a reset to unclaimed lifts the lockouts (R33, R12)', async () => {
    const s = await site(world);
    const worker = await claimedWorker(world, s);
    const strangerIp = freshIp();
    await lockSignIn(world, s.slug, worker.phone, strangerIp);
    await lockRecovery(world, s.slug, worker.phone, strangerIp);
    expect((await lockouts(s.admin)).filter((item) => item.person?.id === worker.id)).toHaveLength(2);

    const reset = await s.admin.post(`/api/v1/people/${worker.id}/unclaim`);
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await lockouts(s.admin)).filter((item) => item.person?.id === worker.id)).toEqual([]);
    expectProblem(
      await login(world, s.slug, worker.phone, WORKER_PASSWORD, { ip: strangerIp }),
      401,
      'invalid_credentials',
    );
    expectProblem(
      await recover(world, s.slug, { phone: worker.phone, recoveryCode: worker.code }, { ip: strangerIp }),
      400,
      'recovery_failed',
    );
    // The worker claims afresh and signs in.
    await dispatchDue(world);
    const claimed = await world.app.inject({
      method: 'POST',
      url: `/api/v1/claim/${latestClaimToken(world, worker.phone)}`,
      payload: { password: 'starting over again' },
    });
    expect(claimed.statusCode, claimed.body).toBe(200);
  });

  // The memory store of the embedded SQLite holds counters only; a flood must not push a lockout
  // out. (On PostgreSQL every counter is a row already.) Each refused attempt is audited, a disk
  // sync, so the flood is 2,000 attempts: twenty times what the address may try.
  const FLOOD = 2_000;
  if (world.dialect === 'sqlite') {
    it('a flood of 2,000 attempts on random unknown logins does not lift a lockout (R33)', async () => {
      const s = await site(world);
      const [worker] = await insertWorkers(world, s.communityId, 1, 'phone');
      const workerPhone = worker ?? '';
      await lockSignIn(world, s.slug, workerPhone);

      const floodIp = freshIp();
      const statuses = new Map<number, number>();
      for (let batch = 0; batch < FLOOD / 250; batch++) {
        const answers = await Promise.all(
          Array.from({ length: 250 }, (_, i) =>
            login(world, s.slug, `${randomToken(9)}.${batch}.${i}@flood.test`.toLowerCase(), 'guess', {
              ip: floodIp,
            }),
          ),
        );
        for (const answer of answers)
          statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
      }
      expect(Object.fromEntries(statuses)).toEqual({
        401: LOGIN_RULES.client.limit,
        429: FLOOD - LOGIN_RULES.client.limit,
      });
      // The worker's account is still locked, and admins still see it.
      expectProblem(
        await login(world, s.slug, workerPhone, WORKER_PASSWORD, { ip: freshIp() }),
        429,
        'rate_limited',
      );
      expect((await lockouts(s.admin)).map((item) => item.login)).toContain(workerPhone);
    }, 120_000);
  }

  it('a lockout is kept in the database: a restarted server, its memory empty, still refuses (R33)', async () => {
    const s = await site(world);
    const [worker] = await insertWorkers(world, s.communityId, 1, 'phone');
    const workerPhone = worker ?? '';
    await lockSignIn(world, s.slug, workerPhone);
    const row = await world.deps.db
      .selectFrom('throttles')
      .selectAll()
      .where('key', '=', `login:account:${s.communityId}:phone:${workerPhone}`)
      .executeTakeFirstOrThrow();
    expect(row.lockouts).toBe(1);
    expect(Date.parse(row.locked_until ?? '')).toBe(
      world.clock.now().getTime() + LOGIN_RULES.account.firstLockoutMinutes * MINUTE,
    );
    const restarted = await buildApp({
      ...world.deps,
      throttle: createThrottle({ db: world.deps.db, clock: world.clock }),
    });
    try {
      const answer = await restarted.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: freshIp(),
        payload: { community: s.slug, identifier: workerPhone, password: WORKER_PASSWORD },
      });
      expectProblem(answer, 429, 'rate_limited');
    } finally {
      await restarted.close();
    }
  });

  it('lockouts double with each one up to 24 hours and are never permanent (R33)', async () => {
    const s = await site(world);
    const [worker] = await insertWorkers(world, s.communityId, 1, 'phone');
    const workerPhone = worker ?? '';
    const seen: number[] = [];
    for (let round = 0; round < 11; round++) {
      const retryAfter = await lockSignIn(world, s.slug, workerPhone);
      seen.push(retryAfter);
      expectProblem(
        await login(world, s.slug, workerPhone, WORKER_PASSWORD, { ip: freshIp() }),
        429,
        'rate_limited',
      );
      world.clock.advance(retryAfter * 1000 - 1000);
      // A second before the end it is still locked...
      expectProblem(
        await login(world, s.slug, workerPhone, WORKER_PASSWORD, { ip: freshIp() }),
        429,
        'rate_limited',
      );
      world.clock.advance(1000);
    }
    const minutes = seen.map((seconds) => seconds / 60);
    expect(minutes).toEqual([5, 10, 20, 40, 80, 160, 320, 640, 1280, 1440, 1440]);
    const row = await world.deps.db
      .selectFrom('throttles')
      .select('lockouts')
      .where('key', 'like', `login:account:${s.communityId}:phone:%`)
      .executeTakeFirstOrThrow();
    expect(row.lockouts).toBe(11);

    // ...and once it ends, the right password gets in, even from a stranger's browser.
    const ok = await login(world, s.slug, workerPhone, WORKER_PASSWORD, { ip: freshIp() });
    expect(ok.statusCode, ok.body).toBe(200);
    // A success forgets the history: the next lockout starts short again.
    expect(await lockSignIn(world, s.slug, workerPhone)).toBe(LOGIN_RULES.account.firstLockoutMinutes * 60);
  });
});

eachDatabase('claim texts per number (R5)', (world) => {
  it('5 claim texts a day per number: deleting and re-adding the person or changing the time zone buys no 6th; the next day it resets (R5)', async () => {
    const s = await site(world);
    const phone = mobile();
    const windowEnd = nextLocalMidnight(world.clock.now(), 'Europe/London').getTime();
    const created = await s.admin.post('/api/v1/people', { phone, displayName: 'Text Counted' });
    expect(created.statusCode, created.body).toBe(201);
    const id: string = created.json().id;
    const left: number[] = [];
    for (let i = 0; i < 4; i++) {
      const invited = await s.admin.post(`/api/v1/people/${id}/invite`);
      expect(invited.statusCode, invited.body).toBe(200);
      left.push(invited.json().claimSmsLeftToday);
    }
    expect(left).toEqual([3, 2, 1, 0]);
    const sixth = await s.admin.post(`/api/v1/people/${id}/invite`);
    const problem = expectProblem(sixth, 429, 'claim_sms_daily_limit');
    expect(problem.detail).toContain('This number has already been sent 5 invitation texts today');
    expect(Number(sixth.headers['retry-after'])).toBe(
      Math.ceil((windowEnd - world.clock.now().getTime()) / 1000),
    );

    // Deleted and added again: the number has had its five.
    expect((await s.admin.delete(`/api/v1/people/${id}`)).statusCode).toBe(204);
    expectProblem(
      await s.admin.post('/api/v1/people', { phone, displayName: 'Text Counted' }),
      429,
      'claim_sms_daily_limit',
    );
    // Another number is another count.
    expect(
      (await s.admin.post('/api/v1/people', { phone: mobile(), displayName: 'Someone Else' })).statusCode,
    ).toBe(201);

    // A time zone where it is already tomorrow: still the same window.
    const moved = await s.admin.patch('/api/v1/settings', { timeZone: 'Pacific/Kiritimati' });
    expect(moved.statusCode, moved.body).toBe(200);
    world.clock.advance(3 * HOUR);
    const kiritimatiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati' }).format(
      world.clock.now(),
    );
    const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
      world.clock.now(),
    );
    expect(kiritimatiDay).not.toBe(londonDay);
    expectProblem(
      await s.admin.post('/api/v1/people', { phone, displayName: 'Text Counted' }),
      429,
      'claim_sms_daily_limit',
    );

    // The window ends at the midnight that was next when its first text went.
    world.clock.advance(windowEnd - world.clock.now().getTime() - MINUTE);
    expectProblem(
      await s.admin.post('/api/v1/people', { phone, displayName: 'Text Counted' }),
      429,
      'claim_sms_daily_limit',
    );
    world.clock.advance(MINUTE);
    const again = await s.admin.post('/api/v1/people', { phone, displayName: 'Text Counted' });
    expect(again.statusCode, again.body).toBe(201);
    const texts = await world.deps.db
      .selectFrom('messages')
      .select('id')
      .where('recipient', '=', phone)
      .where('kind', '=', 'claim_invitation')
      .execute();
    expect(texts).toHaveLength(6);
  });
});

eachDatabase('sessions by role (R41)', (world) => {
  function postLogin(slug: string, identifier: string, password: string) {
    return world.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: freshIp(),
      payload: { community: slug, identifier, password },
    });
  }

  function clientOf(response: LightMyRequestResponse): Client {
    expect(response.statusCode, response.body).toBe(200);
    return new Client(world.app, sessionCookieFrom(response), response.json().csrfToken);
  }

  async function status(client: Client) {
    return (await client.get('/api/v1/me')).statusCode;
  }

  it("a system admin's session idles out after 12 hours and ends after 7 days (R41)", async () => {
    const { admin, slug } = await seedCommunity(world);
    const email = admin.email ?? '';
    const used = await signIn(world.app, email, ADMIN_PASSWORD, slug);
    const left = await signIn(world.app, email, ADMIN_PASSWORD, slug);
    const start = world.clock.now().getTime();
    // Listed sessions end when idle: 12 hours from now.
    const sessions = (await used.get('/api/v1/me/sessions')).json().items as { expiresAt: string }[];
    expect(sessions).toHaveLength(2);
    for (const session of sessions) expect(Date.parse(session.expiresAt)).toBe(start + 12 * HOUR);
    const rows = await world.deps.db
      .selectFrom('sessions')
      .select('absolute_expires_at')
      .where('person_id', '=', admin.id)
      .execute();
    for (const row of rows) expect(Date.parse(row.absolute_expires_at)).toBe(start + 168 * HOUR);

    world.clock.advance(12 * HOUR - MINUTE);
    expect(await status(used)).toBe(200);
    world.clock.advance(MINUTE);
    expectProblem(await left.get('/api/v1/me'), 401, 'unauthenticated');
    // Used within every 12 hours, it lasts until 7 days after sign-in, and no longer.
    while (world.clock.now().getTime() + 11 * HOUR < start + 168 * HOUR) {
      world.clock.advance(11 * HOUR);
      expect(await status(used)).toBe(200);
    }
    world.clock.advance(start + 168 * HOUR - MINUTE - world.clock.now().getTime());
    expect(await status(used)).toBe(200);
    world.clock.advance(MINUTE);
    expectProblem(await used.get('/api/v1/me'), 401, 'unauthenticated');
  });

  it("a member's session idles out after 14 days and ends after 90; analysts and account managers get admin sessions (R41)", async () => {
    const { admin, slug, community } = await seedCommunity(world);
    const adminClient = await signIn(world.app, admin.email ?? '', ADMIN_PASSWORD, slug);
    const [memberEmail, analystEmail, managerEmail] = await insertWorkers(world, community.id, 3);
    for (const [email, role] of [
      [analystEmail, 'analyst'],
      [managerEmail, 'account_manager'],
    ] as const) {
      const id = await personIdOf(world, community.id, email ?? '');
      expect((await adminClient.put(`/api/v1/people/${id}/role`, { role })).statusCode).toBe(200);
    }
    const now = world.clock.now().getTime();
    for (const [email, hours] of [
      [memberEmail, 90 * 24],
      [analystEmail, 168],
      [managerEmail, 168],
    ] as const) {
      const answer = await postLogin(slug, email ?? '', WORKER_PASSWORD);
      expect(answer.statusCode, answer.body).toBe(200);
      expect(Date.parse(answer.json().expiresAt), email).toBe(now + hours * HOUR);
    }
    const analyst = clientOf(await postLogin(slug, analystEmail ?? '', WORKER_PASSWORD));
    const used = clientOf(await postLogin(slug, memberEmail ?? '', WORKER_PASSWORD));
    const left = clientOf(await postLogin(slug, memberEmail ?? '', WORKER_PASSWORD));
    const start = world.clock.now().getTime();

    world.clock.advance(12 * HOUR);
    expectProblem(await analyst.get('/api/v1/me'), 401, 'unauthenticated');
    world.clock.advance(14 * 24 * HOUR - 12 * HOUR - MINUTE);
    expect(await status(used)).toBe(200);
    world.clock.advance(MINUTE);
    expectProblem(await left.get('/api/v1/me'), 401, 'unauthenticated');
    while (world.clock.now().getTime() + 13 * 24 * HOUR < start + 90 * 24 * HOUR) {
      world.clock.advance(13 * 24 * HOUR);
      expect(await status(used)).toBe(200);
    }
    world.clock.advance(start + 90 * 24 * HOUR - MINUTE - world.clock.now().getTime());
    expect(await status(used)).toBe(200);
    world.clock.advance(MINUTE);
    expectProblem(await used.get('/api/v1/me'), 401, 'unauthenticated');
  });

  it('the admin lifetimes follow their settings and leave members alone (R41, R25)', async () => {
    const { admin, slug, community } = await seedCommunity(world);
    const adminClient = await signIn(world.app, admin.email ?? '', ADMIN_PASSWORD, slug);
    const changed = await adminClient.patch('/api/v1/settings', {
      adminSessionIdleMinutes: 30,
      adminSessionAbsoluteHours: 2,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const [memberEmail] = await insertWorkers(world, community.id, 1);
    const now = world.clock.now().getTime();
    const member = await postLogin(slug, memberEmail ?? '', WORKER_PASSWORD);
    expect(Date.parse(member.json().expiresAt)).toBe(now + 90 * 24 * HOUR);
    const fresh = await signIn(world.app, admin.email ?? '', ADMIN_PASSWORD, slug);
    const listed = (await fresh.get('/api/v1/me/sessions')).json().items as {
      id: string;
      current: boolean;
      expiresAt: string;
    }[];
    const current = listed.find((item) => item.current);
    // Listed sessions end when idle: 30 minutes from now, within the 2-hour end.
    expect(Date.parse(current?.expiresAt ?? '')).toBe(now + 30 * MINUTE);
    const newest = await world.deps.db
      .selectFrom('sessions')
      .select('absolute_expires_at')
      .where('id', '=', current?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(Date.parse(newest.absolute_expires_at)).toBe(now + 2 * HOUR);
    world.clock.advance(30 * MINUTE);
    expectProblem(await fresh.get('/api/v1/me'), 401, 'unauthenticated');
    expect(await status(clientOf(member))).toBe(200);
  });

  it('changing the password or making a recovery code issues a new session id and CSRF token; the old session stops working (R41)', async () => {
    const s = await site(world);
    const phone = mobile();
    const created = await s.admin.post('/api/v1/people', { phone, displayName: 'Pat Phone' });
    expect(created.statusCode, created.body).toBe(201);
    await activateWithPassword(world, created.json().id, WORKER_PASSWORD);
    const laptop = clientOf(await postLogin(s.slug, phone, WORKER_PASSWORD));
    const current = clientOf(await postLogin(s.slug, phone, WORKER_PASSWORD));

    const changed = await current.post('/api/v1/me/password', {
      currentPassword: WORKER_PASSWORD,
      newPassword: 'a second good password',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({ otherSessionsEnded: 0, csrfToken: expect.any(String) });
    const renewed = new Client(world.app, sessionCookieFrom(changed), changed.json().csrfToken);
    expect(renewed.cookie).toMatch(/^muster_session=/);
    expect(renewed.cookie).not.toBe(current.cookie);
    expect(renewed.csrfToken).not.toBe(current.csrfToken);
    expectProblem(await current.get('/api/v1/me'), 401, 'unauthenticated');
    expect(await status(renewed)).toBe(200);
    // The other device was not asked to leave; the old CSRF token does not fit the new session.
    expect(await status(laptop)).toBe(200);
    const stale = new Client(world.app, renewed.cookie, current.csrfToken);
    expectProblem(await stale.post('/api/v1/me/sessions/revoke-others'), 403, 'csrf_token_invalid');

    const made = await renewed.post('/api/v1/me/recovery-code', { password: 'a second good password' });
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json()).toEqual({ recoveryCode: expect.any(String), csrfToken: expect.any(String) });
    const third = new Client(world.app, sessionCookieFrom(made), made.json().csrfToken);
    expect(third.cookie).not.toBe(renewed.cookie);
    expectProblem(await renewed.get('/api/v1/me'), 401, 'unauthenticated');
    const revoked = await third.post('/api/v1/me/sessions/revoke-others');
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().sessionsEnded).toBe(1);
    expectProblem(await laptop.get('/api/v1/me'), 401, 'unauthenticated');
  });

  it("a role change ends the person's sessions, and the next one has the new role's lifetime (R41)", async () => {
    const s = await site(world);
    const [email] = await insertWorkers(world, s.communityId, 1);
    const id = await personIdOf(world, s.communityId, email ?? '');
    const phone = clientOf(await postLogin(s.slug, email ?? '', WORKER_PASSWORD));
    const tablet = clientOf(await postLogin(s.slug, email ?? '', WORKER_PASSWORD));

    expect((await s.admin.put(`/api/v1/people/${id}/role`, { role: 'analyst' })).statusCode).toBe(200);
    for (const client of [phone, tablet])
      expectProblem(await client.get('/api/v1/me'), 401, 'unauthenticated');
    const asAnalyst = await postLogin(s.slug, email ?? '', WORKER_PASSWORD);
    expect(Date.parse(asAnalyst.json().expiresAt)).toBe(world.clock.now().getTime() + 168 * HOUR);
    const analyst = clientOf(asAnalyst);
    expect((await analyst.get('/api/v1/audit-events')).statusCode).toBe(200);

    // Back to member: the analyst session, which could read reports, ends too.
    expect((await s.admin.put(`/api/v1/people/${id}/role`, { role: 'member' })).statusCode).toBe(200);
    expectProblem(await analyst.get('/api/v1/me'), 401, 'unauthenticated');
    const asMember = await postLogin(s.slug, email ?? '', WORKER_PASSWORD);
    expect(Date.parse(asMember.json().expiresAt)).toBe(world.clock.now().getTime() + 90 * 24 * HOUR);
    // Setting the role it already has changes nothing, and ends nothing.
    const member = clientOf(asMember);
    expect((await s.admin.put(`/api/v1/people/${id}/role`, { role: 'member' })).statusCode).toBe(200);
    expect(await status(member)).toBe(200);

    const audit = await world.deps.db
      .selectFrom('audit_events')
      .select('details')
      .where('community_id', '=', s.communityId)
      .where('type', '=', 'Admin Role Changed')
      .where('target_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((row) => JSON.parse(row.details).sessionsEnded)).toEqual([2, 1]);
  });

  it('a changed or reset password is announced to the worker by SMS (R41)', async () => {
    const s = await site(world);
    const worker = await claimedWorker(world, s);
    const notice = catalogueFor('en').passwordChanged({ community: `Community ${s.slug}` });
    expect(notice).toBe(
      `Community ${s.slug} on Muster: your password was changed. If this was not you, tell your admin at once.`,
    );
    const noticesTo = async () => {
      await dispatchDue(world);
      return devInbox(world).filter((sms) => sms.to === worker.phone && sms.body === notice);
    };
    expect(await noticesTo()).toHaveLength(0);

    const session = clientOf(await postLogin(s.slug, worker.phone, WORKER_PASSWORD));
    const changed = await session.post('/api/v1/me/password', {
      currentPassword: WORKER_PASSWORD,
      newPassword: 'changed on the bus',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await noticesTo()).toHaveLength(1);

    // A wrong current password changes nothing, and texts nothing.
    const renewed = new Client(world.app, sessionCookieFrom(changed), changed.json().csrfToken);
    expectProblem(
      await renewed.post('/api/v1/me/password', {
        currentPassword: 'not it',
        newPassword: 'whatever goes here',
      }),
      403,
      'password_incorrect',
    );
    expect(await noticesTo()).toHaveLength(1);

    const recovered = await recover(
      world,
      s.slug,
      { phone: worker.phone, recoveryCode: worker.code, newPassword: 'reset with my code' },
      { ip: freshIp() },
    );
    expect(recovered.statusCode, recovered.body).toBe(200);
    expect(await noticesTo()).toHaveLength(2);
    const kinds = await world.deps.db
      .selectFrom('messages')
      .select('kind')
      .where('person_id', '=', worker.id)
      .where('kind', '=', 'password_changed')
      .execute();
    expect(kinds).toHaveLength(2);
  });
});
