import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { ConfigError } from '../src/config.js';
import { hashPassword } from '../src/crypto/passwords.js';
import { newId } from '../src/crypto/random.js';
import { sweepExpired } from '../src/housekeeping.js';
import { newPersonRow } from '../src/people/person.row.js';
import { LOGIN_RULES } from '../src/throttle/throttle.js';
import {
  ADMIN_PASSWORD,
  Client,
  dispatchDue,
  eachDatabase,
  enablePhoneProfiles,
  expectProblem,
  latestClaimToken,
  seedCommunity,
  sessionCookieFrom,
  signIn,
  testConfig,
  type World,
} from './harness.js';

// The audit log under refusals (R36): every refusal is recorded in a transaction of its own, even
// when the refused change rolled back, and refusals from one source collapse into one row per
// minute with a count, so a flood cannot fill the disk or drown genuine events. The log is
// append-only (only an aggregated row's count may grow) and housekeeping prunes it past the
// retention.

const WORKER_PASSWORD = 'night shift at the depot';
const MINUTE = 60_000;

let serial = 0;
function freshIp(): string {
  serial += 1;
  return `100.96.${Math.floor(serial / 250)}.${(serial % 250) + 1}`;
}
function mobile(): string {
  serial += 1;
  return `+447400${String(600_000 + serial).padStart(6, '0')}`;
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
  return { slug, communityId: community.id, adminId: admin.id, admin: client };
}

/** Claimed email workers inserted directly, sharing one password hash; returns their logins and ids. */
async function insertWorkers(world: World, communityId: string, count: number) {
  const hash = await hashPassword(WORKER_PASSWORD);
  const now = world.clock.now().toISOString();
  const rows = Array.from({ length: count }, (_, i) => ({
    ...newPersonRow({
      id: newId(world.clock.now()),
      communityId,
      login: { kind: 'email', value: `w${i}.${newId(world.clock.now())}@audit.test`.toLowerCase() },
      displayName: `Worker ${i}`,
      now,
    }),
    invited: 1 as const,
    claimed: 1 as const,
    claimed_at: now,
    password_hash: hash,
  }));
  for (let i = 0; i < rows.length; i += 50) {
    await world.deps.db
      .insertInto('people')
      .values(rows.slice(i, i + 50))
      .execute();
  }
  return rows.map((row) => ({ id: row.id, email: row.email ?? '' }));
}

function login(world: World, slug: string, identifier: string, password: string, ip: string) {
  return world.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: ip,
    payload: { community: slug, identifier, password },
  });
}

async function rowsOf(world: World, communityId: string) {
  return world.deps.db
    .selectFrom('audit_events')
    .selectAll()
    .where('community_id', '=', communityId)
    .orderBy('id')
    .execute();
}

/** Locks an address out of signing in for an hour, as its failures would have. */
async function lockAddress(world: World, ip: string) {
  const until = new Date(world.clock.now().getTime() + 60 * MINUTE).toISOString();
  await world.deps.db
    .insertInto('throttles')
    .values({
      key: `login:client:${ip}`,
      attempts: 0,
      window_ends_at: until,
      locked_until: until,
      lockouts: 1,
    })
    .execute();
}

function clientOf(world: World, response: LightMyRequestResponse): Client {
  expect(response.statusCode, response.body).toBe(200);
  return new Client(world.app, sessionCookieFrom(response), response.json().csrfToken);
}

eachDatabase('audit of refusals', (world) => {
  /** A request of a signed-in client from a given address (Client itself always comes from 127.0.0.1). */
  function from(client: Client, ip: string, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) {
    return world.app.inject({
      method,
      url,
      remoteAddress: ip,
      headers: {
        ...(client.cookie ? { cookie: client.cookie } : {}),
        ...(client.csrfToken && method !== 'GET' ? { 'x-csrf-token': client.csrfToken } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  }

  // Every refusal is a committed write (a disk sync on either database), so the flood is sized to
  // keep this file fast: 2,000 attempts, twenty times the address's allowance, over ten minutes.
  // What it shows (rows bounded by minutes and targets, not by attempts; every attempt counted)
  // holds at any size.
  const FLOOD = 2_000;

  it('a flood of refused sign-ins from one address adds a bounded number of rows whose counts add up (R36, R33)', async () => {
    const s = await site(world);
    // Fifteen people and any number of unknown logins: sixteen targets, below the 20 a minute.
    const workers = await insertWorkers(world, s.communityId, 15);
    const [bystander] = await insertWorkers(world, s.communityId, 1);
    const before = await rowsOf(world, s.communityId);
    const flood = freshIp();
    const start = world.clock.now().getTime();
    const statuses = new Map<number, number>();
    const batches = FLOOD / 200;
    for (let batch = 0; batch < batches; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) => {
          // Known people and unknown logins, all with wrong passwords.
          const n = batch * 200 + i;
          const identifier =
            n % 4 === 3 ? `nobody${n}@audit.test` : (workers[n % workers.length]?.email ?? '');
          return login(world, s.slug, identifier, 'not the password', flood);
        }),
      );
      for (const answer of answers)
        statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
      // Ten minutes of flooding.
      world.clock.advance((10 * MINUTE) / batches);
    }
    expect((statuses.get(401) ?? 0) + (statuses.get(429) ?? 0)).toBe(FLOOD);
    // Mostly refused unchecked: the address locked after 100 failures, and again after its lockout.
    expect(statuses.get(401) ?? 0).toBeLessThanOrEqual(2 * LOGIN_RULES.client.limit);

    const after = await rowsOf(world, s.communityId);
    const added = after.filter((row) => !before.some((old) => old.id === row.id));
    expect(new Set(added.map((row) => row.type))).toEqual(new Set(['Login Failed']));
    for (const row of added) {
      expect(row.ip).toBe(flood);
      expect(row.outcome).toBe('failure');
    }
    // Every refused attempt is counted, in one row per target and minute.
    expect(added.reduce((sum, row) => sum + row.count, 0)).toBe(FLOOD);
    const minutes = Math.ceil((world.clock.now().getTime() - start) / MINUTE);
    expect(minutes).toBe(10);
    const perMinute = new Map<string, number>();
    for (const row of added) {
      const minute = row.occurred_at.slice(0, 16);
      perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
    }
    expect(perMinute.size).toBe(minutes);
    for (const [minute, rows] of perMinute) expect(rows, minute).toBeLessThanOrEqual(workers.length + 1);
    expect(added.length).toBeLessThanOrEqual(21 * minutes);

    // A genuine sign-in from elsewhere still gets its own row.
    const genuine = await login(world, s.slug, bystander?.email ?? '', WORKER_PASSWORD, freshIp());
    expect(genuine.statusCode, genuine.body).toBe(200);
    const loggedIn = (await rowsOf(world, s.communityId)).filter(
      (row) => row.type === 'Logged in' && row.target_id === bystander?.id,
    );
    expect(loggedIn).toHaveLength(1);
    expect(loggedIn[0]?.count).toBe(1);
  }, 120_000);

  it('refusals from one source for 50 different logins in one minute fill at most 20 + 1 rows (R36)', async () => {
    const s = await site(world);
    const workers = await insertWorkers(world, s.communityId, 50);
    const ip = freshIp();
    for (const worker of workers) {
      expectProblem(
        await login(world, s.slug, worker.email, 'wrong password', ip),
        401,
        'invalid_credentials',
      );
    }
    const rows = (await rowsOf(world, s.communityId)).filter((row) => row.ip === ip);
    expect(rows).toHaveLength(21);
    const specific = rows.filter((row) => row.target_label !== 'many');
    expect(specific).toHaveLength(20);
    expect(specific.map((row) => row.target_id)).toEqual(workers.slice(0, 20).map((w) => w.id));
    for (const row of specific) expect(row.count).toBe(1);
    const many = rows.find((row) => row.target_label === 'many');
    expect(many).toMatchObject({ type: 'Login Failed', target_id: null, count: 30, outcome: 'failure' });
    expect(JSON.parse(many?.details ?? '{}')).toMatchObject({ manyTargets: true });

    // Another source in the same minute has rows of its own; the next minute starts afresh.
    const other = freshIp();
    await login(world, s.slug, workers[49]?.email ?? '', 'wrong password', other);
    world.clock.advance(MINUTE);
    await login(world, s.slug, workers[49]?.email ?? '', 'wrong password', ip);
    const later = await rowsOf(world, s.communityId);
    expect(later.filter((row) => row.ip === other)).toMatchObject([{ target_id: workers[49]?.id, count: 1 }]);
    expect(later.filter((row) => row.ip === ip)).toHaveLength(22);
    expect(later.filter((row) => row.ip === ip).at(-1)).toMatchObject({
      target_id: workers[49]?.id,
      count: 1,
    });
  });

  // The cap is taken as slots from an atomic counter, so refusals that arrive together cannot all
  // see room for one more row (on PostgreSQL they run side by side).
  it('refusals for 60 different logins arriving at once from one source also fill at most 20 + 1 rows (R36)', async () => {
    const s = await site(world);
    const people = await insertWorkers(world, s.communityId, 60);
    const ip = freshIp();
    // The address is locked already, so every attempt is refused at once, without a password check.
    await lockAddress(world, ip);
    const answers = await Promise.all(people.map((p) => login(world, s.slug, p.email, 'wrong password', ip)));
    for (const answer of answers) expectProblem(answer, 429, 'rate_limited');
    const rows = (await rowsOf(world, s.communityId)).filter((row) => row.ip === ip);
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(60);
    expect(rows.length).toBeLessThanOrEqual(21);
  });

  // Parallel refusals for the same target take one slot between them: 16 targets fill 16 rows
  // however many requests name each, and none is pushed into the shared row.
  it('refusals arriving at once for 16 logins, 20 requests each, fill exactly 16 rows (R36)', async () => {
    const s = await site(world);
    const people = await insertWorkers(world, s.communityId, 16);
    const ip = freshIp();
    await lockAddress(world, ip);
    const attempts = Array.from({ length: 20 }, () => people).flat();
    const answers = await Promise.all(
      attempts.map((p) => login(world, s.slug, p.email, 'wrong password', ip)),
    );
    for (const answer of answers) expectProblem(answer, 429, 'rate_limited');
    const rows = (await rowsOf(world, s.communityId)).filter((row) => row.ip === ip);
    expect(rows.map((row) => row.target_label)).not.toContain('many');
    expect(new Set(rows.map((row) => row.target_id))).toEqual(new Set(people.map((p) => p.id)));
    for (const row of rows) expect(row.count).toBe(20);
  });

  it('a 403 and a CSRF refusal are recorded as "Access Denied" for the caller; anonymous 401s are not (R36)', async () => {
    const s = await site(world);
    const [member] = await insertWorkers(world, s.communityId, 1);
    const memberIp = freshIp();
    const memberClient = clientOf(
      world,
      await login(world, s.slug, member?.email ?? '', WORKER_PASSWORD, memberIp),
    );
    for (let i = 0; i < 3; i++) {
      expectProblem(await from(memberClient, memberIp, 'GET', '/api/v1/people'), 403, 'forbidden');
    }
    expectProblem(
      await from(memberClient, memberIp, 'PUT', `/api/v1/people/${s.adminId}/role`, { role: 'member' }),
      403,
      'forbidden',
    );

    const adminIp = freshIp();
    const forged = new Client(world.app, s.admin.cookie, null);
    expectProblem(
      await from(forged, adminIp, 'POST', '/api/v1/people', {
        email: 'forged@audit.test',
        displayName: 'Forged',
      }),
      403,
      'csrf_token_invalid',
    );
    expectProblem(
      await from(new Client(world.app), freshIp(), 'GET', '/api/v1/people'),
      401,
      'unauthenticated',
    );

    const denied = (await rowsOf(world, s.communityId)).filter((row) => row.type === 'Access Denied');
    // The member's four refusals in one minute: one row counting them.
    const byMember = denied.filter((row) => row.actor_id === member?.id);
    expect(byMember.reduce((sum, row) => sum + row.count, 0)).toBe(4);
    for (const row of byMember) {
      expect(row).toMatchObject({ outcome: 'failure', actor_label: 'Worker 0', ip: memberIp });
      expect(JSON.parse(row.details).code).toBe('forbidden');
      expect(['GET /api/v1/people', 'PUT /api/v1/people/:id/role']).toContain(JSON.parse(row.details).route);
    }
    const byAdmin = denied.filter((row) => row.actor_id === s.adminId);
    expect(byAdmin).toHaveLength(1);
    expect(byAdmin[0]).toMatchObject({ ip: adminIp, count: 1, outcome: 'failure' });
    expect(JSON.parse(byAdmin[0]?.details ?? '{}')).toMatchObject({
      code: 'csrf_token_invalid',
      route: 'POST /api/v1/people',
    });
    // Nothing for the anonymous caller, whose community is not known.
    expect(denied.every((row) => row.actor_id !== null)).toBe(true);
    // The forged change did not happen.
    const forgedPerson = await world.deps.db
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'forged@audit.test')
      .execute();
    expect(forgedPerson).toEqual([]);

    // An admin who has not enrolled a second factor is refused admin routes, and that is recorded too.
    const other = await seedCommunity(world);
    const unenrolled = clientOf(
      world,
      await login(world, other.slug, other.admin.email ?? '', ADMIN_PASSWORD, freshIp()),
    );
    expectProblem(await unenrolled.get('/api/v1/people'), 403, 'totp_enrollment_required');
    const refused = (await rowsOf(world, other.community.id)).filter((row) => row.type === 'Access Denied');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ actor_id: other.admin.id, count: 1 });
    expect(JSON.parse(refused[0]?.details ?? '{}').code).toBe('totp_enrollment_required');
  });

  // Two signed-in people behind one address (a shop's router, an office) refused in the same minute
  // get a row each: the caller is part of what a refusal is counted under.
  it('refusals of two signed-in people behind one address in one minute are each recorded for their caller (R36)', async () => {
    const s = await site(world);
    const [member] = await insertWorkers(world, s.communityId, 1);
    const office = freshIp();
    const memberClient = clientOf(
      world,
      await login(world, s.slug, member?.email ?? '', WORKER_PASSWORD, office),
    );
    expectProblem(await from(memberClient, office, 'GET', '/api/v1/people'), 403, 'forbidden');
    const forged = new Client(world.app, s.admin.cookie, null);
    expectProblem(
      await from(forged, office, 'POST', '/api/v1/people', {
        email: 'forged@audit.test',
        displayName: 'Forged',
      }),
      403,
      'csrf_token_invalid',
    );
    const denied = (await rowsOf(world, s.communityId)).filter((row) => row.type === 'Access Denied');
    expect(denied.map((row) => [row.actor_id, row.count, JSON.parse(row.details).code])).toEqual([
      [member?.id, 1, 'forbidden'],
      [s.adminId, 1, 'csrf_token_invalid'],
    ]);
  });

  it('an SMS refused for the daily limit is recorded as "SMS Refused" although the invitation rolled back (R36, R5)', async () => {
    const s = await site(world);
    await enablePhoneProfiles(s.admin);
    const phone = mobile();
    const created = await s.admin.post('/api/v1/people', { phone, displayName: 'Often Invited' });
    expect(created.statusCode, created.body).toBe(201);
    const id: string = created.json().id;
    for (let i = 0; i < 4; i++)
      expect((await s.admin.post(`/api/v1/people/${id}/invite`)).statusCode).toBe(200);
    const before = await world.deps.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

    expectProblem(await s.admin.post(`/api/v1/people/${id}/invite`), 429, 'claim_sms_daily_limit');
    // In bulk, each refused item is recorded with its person.
    const bulk = await s.admin.post('/api/v1/people/invite', { ids: [id] });
    expect(bulk.statusCode, bulk.body).toBe(200);

    const after = await world.deps.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after.invitation_generation).toBe(before.invitation_generation);
    const texts = await world.deps.db
      .selectFrom('messages')
      .select('id')
      .where('person_id', '=', id)
      .execute();
    expect(texts).toHaveLength(5);
    const rows = await rowsOf(world, s.communityId);
    expect(rows.filter((row) => row.type === 'Invitation Sent' && row.target_id === id)).toHaveLength(5);
    const refused = rows.filter((row) => row.type === 'SMS Refused');
    expect(refused).toHaveLength(2);
    for (const row of refused) {
      expect(row).toMatchObject({ outcome: 'failure', actor_id: s.adminId, count: 1 });
      expect(JSON.parse(row.details).code).toBe('claim_sms_daily_limit');
    }
    expect(refused.map((row) => row.target_id)).toContain(id);
  });

  it('a failed claim of a known link is recorded as "Claim Failed"; an unknown link is not (R36, R8)', async () => {
    const s = await site(world);
    await enablePhoneProfiles(s.admin);
    const phone = mobile();
    const created = await s.admin.post('/api/v1/people', { phone, displayName: 'Claims Twice' });
    expect(created.statusCode, created.body).toBe(201);
    await dispatchDue(world);
    const token = latestClaimToken(world, phone);
    const claim = (link: string, ip: string) =>
      world.app.inject({
        method: 'POST',
        url: `/api/v1/claim/${link}`,
        remoteAddress: ip,
        payload: { password: WORKER_PASSWORD },
      });
    expect((await claim(token, freshIp())).statusCode).toBe(200);
    const thief = freshIp();
    expectProblem(await claim(token, thief), 410, 'claim_link_used');
    expectProblem(await claim('A'.repeat(43), thief), 404, 'claim_link_not_found');

    const failed = (await rowsOf(world, s.communityId)).filter((row) => row.type === 'Claim Failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      outcome: 'failure',
      actor_id: null,
      target_id: created.json().id,
      ip: thief,
      count: 1,
    });
    expect(JSON.parse(failed[0]?.details ?? '{}').reason).toBe('claim_link_used');
    expect(JSON.stringify(failed)).not.toContain(token);
  });

  it('the log is append-only on both databases: no row is rewritten, and an aggregated count may only grow (R36)', async () => {
    const s = await site(world);
    const [worker] = await insertWorkers(world, s.communityId, 1);
    const ip = freshIp();
    await login(world, s.slug, worker?.email ?? '', 'wrong password', ip);
    const rows = await rowsOf(world, s.communityId);
    const plain = rows.find((row) => row.type === 'Community Created');
    const aggregated = rows.find((row) => row.type === 'Login Failed' && row.ip === ip);
    expect(plain?.aggregation_key).toBeNull();
    expect(aggregated?.aggregation_key).toBeTruthy();
    const db = world.deps.db;
    const byId = (id: string | undefined) => db.updateTable('audit_events').where('id', '=', id ?? '');

    await expect(byId(plain?.id).set({ type: 'Nothing Happened' }).execute()).rejects.toThrow(/append-only/);
    await expect(
      sql`update audit_events set type = 'Nothing Happened' where community_id = ${s.communityId}`.execute(
        db,
      ),
    ).rejects.toThrow(/append-only/);
    await expect(byId(plain?.id).set({ details: '{}' }).execute()).rejects.toThrow(/append-only/);
    await expect(
      byId(plain?.id)
        .set((eb) => ({ count: eb('count', '+', 1) }))
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(
      byId(aggregated?.id)
        .set((eb) => ({ count: eb('count', '-', 1) }))
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(
      byId(aggregated?.id)
        .set({ count: aggregated?.count ?? 1 })
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(
      byId(aggregated?.id)
        .set((eb) => ({ count: eb('count', '+', 1), target_label: 'someone else' }))
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(byId(aggregated?.id).set({ aggregation_key: null }).execute()).rejects.toThrow(
      /append-only/,
    );
    // Only this may change: one more of the same refusal.
    await byId(aggregated?.id)
      .set((eb) => ({ count: eb('count', '+', 1) }))
      .execute();
    const now = await rowsOf(world, s.communityId);
    expect(now.find((row) => row.id === aggregated?.id)).toEqual({ ...aggregated, count: 2 });
    expect(now.find((row) => row.id === plain?.id)).toEqual(plain);
  });
});

eachDatabase('audit retention', (world) => {
  it('housekeeping prunes events older than the retention and keeps newer ones; the retention is at least 90 days (R36)', async () => {
    const { community } = await seedCommunity(world);
    const now = world.clock.now().getTime();
    const DAY = 86_400_000;
    const ages = { old: 91 * DAY, boundary: 90 * DAY, young: 89 * DAY, fresh: 0 };
    for (const [label, age] of Object.entries(ages)) {
      await world.deps.db
        .insertInto('audit_events')
        .values({
          id: newId(new Date(now - age)),
          community_id: community.id,
          occurred_at: new Date(now - age).toISOString(),
          type: 'Logged in',
          outcome: 'success',
          actor_id: null,
          actor_label: label,
          target_id: null,
          target_label: null,
          ip: null,
          request_id: null,
          details: '{}',
        })
        .execute();
    }
    const labels = async () =>
      (await rowsOf(world, community.id))
        .filter((row) => row.type === 'Logged in')
        .map((row) => row.actor_label)
        .sort();

    await sweepExpired(world.deps.db, world.clock, { auditRetentionDays: 400 });
    expect(await labels()).toEqual(['boundary', 'fresh', 'old', 'young']);
    await sweepExpired(world.deps.db, world.clock, { auditRetentionDays: 90 });
    expect(await labels()).toEqual(['boundary', 'fresh', 'young']);
    // A day later the boundary row is past it too; the community's own creation event is kept.
    world.clock.advance(DAY);
    await sweepExpired(world.deps.db, world.clock, { auditRetentionDays: 90 });
    expect(await labels()).toEqual(['fresh', 'young']);
    expect((await rowsOf(world, community.id)).map((row) => row.type)).toContain('Community Created');

    expect(testConfig().auditRetentionDays).toBe(400);
    expect(testConfig({ MUSTER_AUDIT_RETENTION_DAYS: '90' }).auditRetentionDays).toBe(90);
    expect(() => testConfig({ MUSTER_AUDIT_RETENTION_DAYS: '89' })).toThrow(ConfigError);
  });
});
