import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { newId } from '../src/crypto/random.js';
import { createSecrets } from '../src/crypto/secrets.js';
import type { Deps } from '../src/deps.js';
import { createMailer } from '../src/mail/create-mailer.js';
import { createOutboxSignal } from '../src/outbox/outbox-signal.js';
import { matchTotp, newTotpSecret, otpauthUrl, totpCode, totpStep } from '../src/second-factor/totp.js';
import { createSmsProvider } from '../src/sms/providers/index.js';
import { openDatabase } from '../src/storage/db.js';
import { createThrottle } from '../src/throttle/create-throttle.js';
import { LOGIN_RULES } from '../src/throttle/throttle.js';
import {
  ADMIN_PASSWORD,
  activateWithPassword,
  Client,
  currentTotp,
  devInbox,
  dispatchDue,
  eachDatabase,
  enablePhoneProfiles,
  expectProblem,
  latestClaimToken,
  ManualClock,
  seedCommunity,
  sessionCookieFrom,
  testConfig,
} from './harness.js';
import { CLI_TIMEOUT, ensureBuilt, runCli } from './processes.js';

// The second factor for administrators (R40): TOTP as RFC 6238 defines it, enrolment with backup
// codes, sign-in and recovery with a code, replay and parallel use, throttling of wrong codes,
// who must enrol, and the two ways to remove someone's authenticator (an admin, the CLI).
// Admins here enrol by hand rather than through the harness's signIn, so each test knows the
// secret and decides when a code is used.

const BACKUP_CODE = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;
const BASE32 = /^[A-Z2-7]+=*$/;
const MEMBER_PASSWORD = 'a members own password';

// ---------------------------------------------------------------------------------------------
// Unit tests of the TOTP helpers

/** RFC 4648 base32, as authenticator apps take a key. */
function base32(bytes: Buffer): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let value = 0;
  let bits = 0;
  let out = '';
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 Appendix B: the seed is the ASCII digits repeated to the hash's block of key.
  const SEEDS = {
    SHA1: base32(Buffer.from('12345678901234567890', 'ascii')),
    SHA256: base32(Buffer.from('12345678901234567890123456789012', 'ascii')),
    SHA512: base32(Buffer.from('1234567890123456789012345678901234567890123456789012345678901234', 'ascii')),
  } as const;
  const VECTORS: [number, Record<keyof typeof SEEDS, string>][] = [
    [59, { SHA1: '94287082', SHA256: '46119246', SHA512: '90693936' }],
    [1111111109, { SHA1: '07081804', SHA256: '68084774', SHA512: '25091201' }],
    [1111111111, { SHA1: '14050471', SHA256: '67062674', SHA512: '99943326' }],
    [1234567890, { SHA1: '89005924', SHA256: '91819424', SHA512: '93441116' }],
    [2000000000, { SHA1: '69279037', SHA256: '90698825', SHA512: '38618901' }],
    [20000000000, { SHA1: '65353130', SHA256: '77737706', SHA512: '47863826' }],
  ];

  it('encodes the RFC seed as the base32 key authenticator apps know (R40)', () => {
    expect(SEEDS.SHA1).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('gives the test vectors of RFC 6238 Appendix B for SHA-1, SHA-256 and SHA-512 (R40)', () => {
    for (const [seconds, expected] of VECTORS) {
      const step = totpStep(new Date(seconds * 1000));
      expect(step).toBe(Math.floor(seconds / 30));
      for (const algorithm of ['SHA1', 'SHA256', 'SHA512'] as const) {
        expect(totpCode(SEEDS[algorithm], step, { digits: 8, algorithm }), `${algorithm} at ${seconds}`).toBe(
          expected[algorithm],
        );
      }
      // What an app shows by default: the last six digits, SHA-1.
      expect(totpCode(SEEDS.SHA1, step)).toBe(expected.SHA1.slice(2));
    }
  });

  it('accepts the step before and after, refuses two steps away, and forgives spaces (R40)', () => {
    const secret = SEEDS.SHA1;
    for (const seconds of [59, 1111111111, 1234567890, 2000000000]) {
      const at = new Date(seconds * 1000 + 7_000);
      const step = totpStep(at);
      const codes = [-2, -1, 0, 1, 2].map((offset) => totpCode(secret, step + offset));
      // The five codes differ here, so a match names its step without doubt.
      expect(new Set(codes).size).toBe(5);
      const [twoBefore, before, now, after, twoAfter] = codes as [string, string, string, string, string];
      expect(matchTotp(secret, now, at)).toBe(step);
      expect(matchTotp(secret, before, at)).toBe(step - 1);
      expect(matchTotp(secret, after, at)).toBe(step + 1);
      expect(matchTotp(secret, twoBefore, at)).toBeNull();
      expect(matchTotp(secret, twoAfter, at)).toBeNull();
      expect(matchTotp(secret, `${now.slice(0, 3)} ${now.slice(3)}`, at)).toBe(step);
      expect(matchTotp(secret, ` ${now.slice(0, 2)} ${now.slice(2, 4)} ${now.slice(4)} `, at)).toBe(step);
      expect(matchTotp(secret, `\t${after}\n`, at)).toBe(step + 1);
      // Not six digits: never a match.
      expect(matchTotp(secret, now.slice(0, 5), at)).toBeNull();
      expect(matchTotp(secret, `${now}0`, at)).toBeNull();
      expect(matchTotp(secret, `${now.slice(0, 5)}x`, at)).toBeNull();
      expect(matchTotp(secret, '', at)).toBeNull();
    }
    // The eight-digit vector is not a six-digit code.
    expect(matchTotp(secret, '94287082', new Date(59_000))).toBeNull();
    expect(matchTotp(secret, '287082', new Date(59_000))).toBe(1);
  });

  it('makes 160-bit base32 secrets, a fresh one each time, and an otpauth URL apps read (R40)', () => {
    const secrets = new Set(Array.from({ length: 50 }, newTotpSecret));
    expect(secrets.size).toBe(50);
    for (const secret of secrets) {
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    }
    const url = new URL(
      otpauthUrl({ secret: SEEDS.SHA1, issuer: 'Muster (Acme)', account: 'ada@acme.test' }),
    );
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe('/Muster (Acme):ada@acme.test');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      secret: SEEDS.SHA1,
      issuer: 'Muster (Acme)',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Through the API

let ipSerial = 0;
let serial = 0;

/** A GB mobile number nobody else in this file uses. */
function mobile(): string {
  serial += 1;
  return `+447400${String(800_000 + serial).padStart(6, '0')}`;
}

interface Enrolled {
  secret: string;
  backupCodes: string[];
  /** The client carrying the session issued when enrolment started. */
  client: Client;
}

interface Community {
  slug: string;
  communityId: string;
  adminId: string;
  adminEmail: string;
  /** The seeded system admin, enrolled by hand. */
  admin: Client;
  adminSecret: string;
  backupCodes: string[];
}

eachDatabase('second factor for administrators', (world) => {
  // Each test signs in from an address of its own, so failures in one never throttle another.
  let ip = '';
  beforeEach(() => {
    ipSerial += 1;
    ip = `198.19.${Math.floor(ipSerial / 250)}.${(ipSerial % 250) + 1}`;
  });

  function login(slug: string, identifier: string, password: string, totp?: string) {
    return world.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: ip,
      payload: { community: slug, identifier, password, ...(totp !== undefined ? { totp } : {}) },
    });
  }

  function clientOf(response: LightMyRequestResponse): Client {
    expect(response.statusCode, response.body).toBe(200);
    return new Client(world.app, sessionCookieFrom(response), response.json().csrfToken);
  }

  /** Moves to the next 30-second step and returns the code an app shows then. */
  function freshCode(secret: string): string {
    world.clock.advance(30_000);
    return currentTotp(secret, world.clock.now());
  }

  /** Enrols an authenticator through the API as a person would, from a signed-in client. */
  async function enrol(client: Client, password: string): Promise<Enrolled> {
    const started = await client.post('/api/v1/me/totp', { password });
    expect(started.statusCode, started.body).toBe(200);
    const renewed = new Client(world.app, sessionCookieFrom(started), started.json().csrfToken);
    const secret: string = started.json().secret;
    const confirmed = await renewed.post('/api/v1/me/totp/confirm', {
      code: currentTotp(secret, world.clock.now()),
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    return { secret, backupCodes: confirmed.json().backupCodes, client: renewed };
  }

  /** A community whose seeded system admin has enrolled an authenticator. */
  async function setup(): Promise<Community> {
    const { community, admin, slug } = await seedCommunity(world);
    const email = admin.email ?? '';
    const first = await login(slug, email, ADMIN_PASSWORD);
    expect(first.json().secondFactor).toBe('enrollment_required');
    const enrolled = await enrol(clientOf(first), ADMIN_PASSWORD);
    return {
      slug,
      communityId: community.id,
      adminId: admin.id,
      adminEmail: email,
      admin: enrolled.client,
      adminSecret: enrolled.secret,
      backupCodes: enrolled.backupCodes,
    };
  }

  /** An email person with a password and the given role. */
  async function addEmailPerson(c: Community, role: string, name = `P${serial++}`) {
    const email = `${name.toLowerCase()}@${c.slug}.test`;
    const created = await c.admin.post('/api/v1/people', { email, displayName: name });
    expect(created.statusCode, created.body).toBe(201);
    const id: string = created.json().id;
    await activateWithPassword(world, id, MEMBER_PASSWORD);
    if (role !== 'member') {
      const changed = await c.admin.put(`/api/v1/people/${id}/role`, { role });
      expect(changed.statusCode, changed.body).toBe(200);
    }
    return { id, email };
  }

  /** A phone worker who claimed their account, with the recovery code texted to them. */
  async function claimedPhonePerson(c: Community) {
    const phone = mobile();
    const created = await c.admin.post('/api/v1/people', { phone, displayName: `Phone ${phone.slice(-4)}` });
    expect(created.statusCode, created.body).toBe(201);
    await dispatchDue(world);
    const claimed = await world.app.inject({
      method: 'POST',
      url: `/api/v1/claim/${latestClaimToken(world, phone)}`,
      payload: { password: MEMBER_PASSWORD },
    });
    expect(claimed.statusCode, claimed.body).toBe(200);
    await dispatchDue(world);
    const text = devInbox(world).find((sms) => sms.to === phone && /recovery code is/.test(sms.body));
    const code = text?.body.match(/[0-9A-Z]{5}-[0-9A-Z]{5}/)?.[0] ?? '';
    expect(code).toMatch(BACKUP_CODE);
    return { id: created.json().id as string, phone, code };
  }

  function recover(c: Community, body: Record<string, unknown>) {
    return world.app.inject({
      method: 'POST',
      url: '/api/v1/auth/recover',
      remoteAddress: ip,
      payload: { community: c.slug, newPassword: 'a brand new password', ...body },
    });
  }

  async function person(id: string) {
    return world.deps.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  async function backupRows(id: string) {
    return world.deps.db.selectFrom('backup_codes').selectAll().where('person_id', '=', id).execute();
  }

  async function auditOf(communityId: string, type: string) {
    return world.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('community_id', '=', communityId)
      .where('type', '=', type)
      .orderBy('id')
      .execute();
  }

  it('a system admin without an authenticator may use only their own pages until they enrol (R40)', async () => {
    const { admin, slug } = await seedCommunity(world);
    const answer = await login(slug, admin.email ?? '', ADMIN_PASSWORD);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().secondFactor).toBe('enrollment_required');
    const client = clientOf(answer);

    const me = await client.get('/api/v1/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().secondFactor).toBe('enrollment_required');
    expect((await client.get('/api/v1/me/sessions')).statusCode).toBe(200);
    for (const refused of [
      await client.get('/api/v1/people'),
      await client.get('/api/v1/settings'),
      await client.get('/api/v1/lockouts'),
      await client.get('/api/v1/audit-events'),
      await client.patch('/api/v1/settings', { phoneProfilesEnabled: true }),
      await client.post('/api/v1/people', { email: 'x@example.test', displayName: 'X' }),
    ]) {
      expectProblem(refused, 403, 'totp_enrollment_required');
    }
    const people = await world.deps.db
      .selectFrom('people')
      .select('id')
      .where('community_id', '=', answer.json().community.id)
      .execute();
    expect(people).toHaveLength(1);

    const { client: enrolled } = await enrol(client, ADMIN_PASSWORD);
    const after = await enrolled.get('/api/v1/me');
    expect(after.json().secondFactor).toBe('enrolled');
    expect((await enrolled.get('/api/v1/people')).statusCode).toBe(200);
  });

  it('enrolment asks for the password, shows the key once, renews the session, and confirms with a code for 10 backup codes (R40, R41)', async () => {
    const { admin, slug, community } = await seedCommunity(world);
    const client = clientOf(await login(slug, admin.email ?? '', ADMIN_PASSWORD));

    expectProblem(
      await client.post('/api/v1/me/totp', { password: 'not my password' }),
      403,
      'password_incorrect',
    );
    expectProblem(await client.post('/api/v1/me/totp/confirm', { code: '123456' }), 409, 'totp_not_pending');
    expect((await person(admin.id)).totp_pending_secret).toBeNull();

    const started = await client.post('/api/v1/me/totp', { password: ADMIN_PASSWORD });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.headers['cache-control']).toBe('no-store');
    const { secret, otpauthUrl: url, qrCodeSvg, csrfToken } = started.json();
    expect(secret).toMatch(BASE32);
    expect(Buffer.byteLength(secret) * 5).toBeGreaterThanOrEqual(160);
    expect(url).toMatch(/^otpauth:\/\/totp\//);
    expect(new URL(url).searchParams.get('secret')).toBe(secret);
    expect(qrCodeSvg).toMatch(/<svg[\s>]/);
    // A new session id on re-authentication (R41): the old cookie is dead.
    const renewed = new Client(world.app, sessionCookieFrom(started), csrfToken);
    expect(renewed.cookie).not.toBe(client.cookie);
    expect(csrfToken).not.toBe(client.csrfToken);
    expectProblem(await client.get('/api/v1/me'), 401, 'unauthenticated');

    // Pending, not yet in force: a wrong code confirms nothing, and sign-in still asks to enrol.
    const wrong = currentTotp(secret, world.clock.now()) === '000000' ? '111111' : '000000';
    expectProblem(await renewed.post('/api/v1/me/totp/confirm', { code: wrong }), 401, 'totp_invalid');
    let row = await person(admin.id);
    expect(row.totp_secret).toBeNull();
    expect(row.totp_confirmed_at).toBeNull();
    expect((await renewed.get('/api/v1/me')).json().secondFactor).toBe('enrollment_required');

    const confirmedAt = world.clock.now().toISOString();
    const confirmed = await renewed.post('/api/v1/me/totp/confirm', {
      code: currentTotp(secret, world.clock.now()),
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.headers['cache-control']).toBe('no-store');
    const codes: string[] = confirmed.json().backupCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(BACKUP_CODE);
    expectProblem(
      await renewed.post('/api/v1/me/totp/confirm', { code: freshCode(secret) }),
      409,
      'totp_not_pending',
    );
    expect((await renewed.get('/api/v1/me')).json().secondFactor).toBe('enrolled');

    // Stored sealed and hashed: neither the key nor a backup code is in the database as typed.
    row = await person(admin.id);
    expect(row.totp_pending_secret).toBeNull();
    expect(row.totp_confirmed_at).toBe(confirmedAt);
    expect(row.totp_secret).toBeTruthy();
    expect(row.totp_secret).not.toContain(secret);
    const stored = await backupRows(admin.id);
    expect(stored).toHaveLength(10);
    const everything = JSON.stringify([
      row,
      stored,
      await world.deps.db
        .selectFrom('audit_events')
        .selectAll()
        .where('community_id', '=', community.id)
        .execute(),
    ]);
    expect(everything).not.toContain(secret);
    for (const code of codes) {
      expect(everything).not.toContain(code);
      expect(everything).not.toContain(code.replace('-', ''));
    }
    expect(await auditOf(community.id, 'Two-Factor Setup Started')).toHaveLength(1);
    const enabled = await auditOf(community.id, 'Two-Factor Authentication Enabled');
    expect(enabled).toHaveLength(1);
    expect(enabled[0]).toMatchObject({ actor_id: admin.id, target_id: admin.id, outcome: 'success' });
  });

  it('after enrolment sign-in needs a code: none → 401 totp_required, right → 200, the same again → 401 totp_invalid (R40)', async () => {
    const c = await setup();
    const noCode = await login(c.slug, c.adminEmail, ADMIN_PASSWORD);
    expectProblem(noCode, 401, 'totp_required');
    expect(noCode.cookies.find((k) => k.name === 'muster_session')).toBeUndefined();
    expectProblem(await login(c.slug, c.adminEmail, ADMIN_PASSWORD, '  '), 401, 'totp_required');

    // The code that confirmed the enrolment cannot also sign in.
    const confirming = currentTotp(c.adminSecret, world.clock.now());
    expectProblem(await login(c.slug, c.adminEmail, ADMIN_PASSWORD, confirming), 401, 'totp_invalid');

    const code = freshCode(c.adminSecret);
    // A wrong password with a right code: refused as a wrong password, and the code is not spent.
    expectProblem(await login(c.slug, c.adminEmail, 'not the password', code), 401, 'invalid_credentials');
    const ok = await login(c.slug, c.adminEmail, ADMIN_PASSWORD, `${code.slice(0, 3)} ${code.slice(3)}`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().secondFactor).toBe('enrolled');
    expect((await clientOf(ok).get('/api/v1/people')).statusCode).toBe(200);

    // Replay: the same code, in the same step, is refused; so is the step before it.
    expectProblem(await login(c.slug, c.adminEmail, ADMIN_PASSWORD, code), 401, 'totp_invalid');
    expectProblem(await login(c.slug, c.adminEmail, ADMIN_PASSWORD, confirming), 401, 'totp_invalid');
    // Seen over a shoulder and typed within the next step: still refused.
    world.clock.advance(20_000);
    expectProblem(await login(c.slug, c.adminEmail, ADMIN_PASSWORD, code), 401, 'totp_invalid');
    // The next code works.
    const next = freshCode(c.adminSecret);
    expect(next).not.toBe(code);
    expect((await login(c.slug, c.adminEmail, ADMIN_PASSWORD, next)).statusCode).toBe(200);

    const signedIn = await auditOf(c.communityId, 'Logged in');
    expect(signedIn.map((e) => JSON.parse(e.details).secondFactor)).toEqual([false, true, true]);
    const failed = (await auditOf(c.communityId, 'Login Failed')).map((e) => JSON.parse(e.details).reason);
    expect(failed).toContain('wrong_second_factor');
  });

  it('a backup code signs in once and only once, typed in any case, without the dash or with spaces (R40)', async () => {
    const c = await setup();
    const [first, second, third] = c.backupCodes as [string, string, string];
    const spellings = [
      first.toLowerCase(),
      second.replace('-', ''),
      ` ${third.slice(0, 2)} ${third.slice(2)} `,
    ];
    for (const typed of spellings) {
      const ok = await login(c.slug, c.adminEmail, ADMIN_PASSWORD, typed);
      expect(ok.statusCode, `${typed}: ${ok.body}`).toBe(200);
      expect(ok.json().secondFactor).toBe('enrolled');
    }
    for (const used of [first, second, third]) {
      expectProblem(await login(c.slug, c.adminEmail, ADMIN_PASSWORD, used), 401, 'totp_invalid');
    }
    const rows = await backupRows(c.adminId);
    expect(rows.filter((r) => r.used_at !== null)).toHaveLength(3);
    // A code that was never issued is refused like a used one.
    expectProblem(await login(c.slug, c.adminEmail, ADMIN_PASSWORD, 'ABCDE-FGHJK'), 401, 'totp_invalid');
    // The other seven still work.
    expect((await login(c.slug, c.adminEmail, ADMIN_PASSWORD, c.backupCodes[3])).statusCode).toBe(200);
  });

  it('of 8 parallel sign-ins with one valid code exactly one succeeds; the same for one backup code (R40, R33)', async () => {
    const c = await setup();
    const sessionsBefore = (
      await world.deps.db.selectFrom('sessions').select('id').where('person_id', '=', c.adminId).execute()
    ).length;
    const race = async (code: string) => {
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => login(c.slug, c.adminEmail, ADMIN_PASSWORD, code)),
      );
      const ok = answers.filter((a) => a.statusCode === 200);
      expect(ok, answers.map((a) => a.statusCode).join(',')).toHaveLength(1);
      for (const refused of answers.filter((a) => a.statusCode !== 200)) {
        expectProblem(refused, 401, 'totp_invalid');
      }
    };
    await race(freshCode(c.adminSecret));
    // The 7 refusals count against the account (R33) unless the success's reset came after them:
    // with 7 more, the second race could meet the limit of 10. A new window starts it afresh.
    world.clock.advanceMinutes(16);
    await race(c.backupCodes[0] ?? '');
    const sessions = await world.deps.db
      .selectFrom('sessions')
      .select('id')
      .where('person_id', '=', c.adminId)
      .execute();
    expect(sessions.length - sessionsBefore).toBe(2);
    expect((await backupRows(c.adminId)).filter((r) => r.used_at !== null)).toHaveLength(1);
  });

  it('wrong codes are throttled like wrong passwords: the 11th in 15 minutes is 429, even with the right code (R40, R33)', async () => {
    const c = await setup();
    const good = freshCode(c.adminSecret);
    const wrong = good === '999999' ? '999998' : '999999';
    for (let i = 1; i <= LOGIN_RULES.account.limit; i++) {
      expectProblem(await login(c.slug, c.adminEmail, ADMIN_PASSWORD, wrong), 401, 'totp_invalid');
    }
    const locked = await login(c.slug, c.adminEmail, ADMIN_PASSWORD, wrong);
    expectProblem(locked, 429, 'rate_limited');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expectProblem(await login(c.slug, c.adminEmail, ADMIN_PASSWORD, good), 429, 'rate_limited');
    // The refused attempts did not spend the code.
    expect((await person(c.adminId)).totp_last_step).toBeLessThan(totpStep(world.clock.now()));

    // Every refusal is in the audit log: the ten wrong codes and the two throttled attempts
    // (counted in one row per source and minute, under the first refusal's reason).
    const failed = await auditOf(c.communityId, 'Login Failed');
    expect(failed.filter((e) => e.target_id === c.adminId).reduce((sum, e) => sum + e.count, 0)).toBe(
      LOGIN_RULES.account.limit + 2,
    );
    expect(JSON.parse(failed[0]?.details ?? '{}').reason).toBe('wrong_second_factor');

    world.clock.advanceMinutes(LOGIN_RULES.account.firstLockoutMinutes);
    expect((await login(c.slug, c.adminEmail, ADMIN_PASSWORD, freshCode(c.adminSecret))).statusCode).toBe(
      200,
    );
  });

  it('replacing an authenticator needs a code from the current one (or a backup code); the old works until the new is confirmed (R40)', async () => {
    const c = await setup();
    const signedIn = clientOf(await login(c.slug, c.adminEmail, ADMIN_PASSWORD, freshCode(c.adminSecret)));

    // A stolen session and password are not enough to swap the authenticator.
    const bare = await signedIn.post('/api/v1/me/totp', { password: ADMIN_PASSWORD });
    expectProblem(bare, 401, 'totp_invalid');
    expectProblem(
      await signedIn.post('/api/v1/me/totp', { password: ADMIN_PASSWORD, code: '000000' }),
      401,
      'totp_invalid',
    );
    expect((await person(c.adminId)).totp_pending_secret).toBeNull();

    const started = await signedIn.post('/api/v1/me/totp', {
      password: ADMIN_PASSWORD,
      code: freshCode(c.adminSecret),
    });
    expect(started.statusCode, started.body).toBe(200);
    const newSecret: string = started.json().secret;
    expect(newSecret).not.toBe(c.adminSecret);
    const renewed = new Client(world.app, sessionCookieFrom(started), started.json().csrfToken);

    // Until confirmed, the old authenticator and its backup codes are still the ones that count.
    const oldStillWorks = await login(c.slug, c.adminEmail, ADMIN_PASSWORD, freshCode(c.adminSecret));
    expect(oldStillWorks.statusCode, oldStillWorks.body).toBe(200);
    expectProblem(
      await login(c.slug, c.adminEmail, ADMIN_PASSWORD, freshCode(newSecret)),
      401,
      'totp_invalid',
    );

    const confirmed = await renewed.post('/api/v1/me/totp/confirm', { code: freshCode(newSecret) });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const newBackupCodes: string[] = confirmed.json().backupCodes;
    expect(newBackupCodes.filter((code) => c.backupCodes.includes(code))).toEqual([]);

    // Now the old authenticator and its backup codes are dead, the new ones work.
    expectProblem(
      await login(c.slug, c.adminEmail, ADMIN_PASSWORD, freshCode(c.adminSecret)),
      401,
      'totp_invalid',
    );
    expectProblem(await login(c.slug, c.adminEmail, ADMIN_PASSWORD, c.backupCodes[5]), 401, 'totp_invalid');
    expect((await login(c.slug, c.adminEmail, ADMIN_PASSWORD, freshCode(newSecret))).statusCode).toBe(200);
    expect((await login(c.slug, c.adminEmail, ADMIN_PASSWORD, newBackupCodes[0])).statusCode).toBe(200);
    expect(await backupRows(c.adminId)).toHaveLength(10);

    // A backup code is accepted as the current code too, and is spent by it.
    const client = clientOf(await login(c.slug, c.adminEmail, ADMIN_PASSWORD, freshCode(newSecret)));
    const byBackup = await client.post('/api/v1/me/totp', {
      password: ADMIN_PASSWORD,
      code: newBackupCodes[1],
    });
    expect(byBackup.statusCode, byBackup.body).toBe(200);
    expectProblem(await login(c.slug, c.adminEmail, ADMIN_PASSWORD, newBackupCodes[1]), 401, 'totp_invalid');
  });

  it('account managers must enrol only while secondFactorForAccountManagers is on; analysts and members never (R40)', async () => {
    const c = await setup();
    const manager = await addEmailPerson(c, 'account_manager', 'Manager');
    const analyst = await addEmailPerson(c, 'analyst', 'Analyst');
    const member = await addEmailPerson(c, 'member', 'Member');

    const managerAnswer = await login(c.slug, manager.email, MEMBER_PASSWORD);
    expect(managerAnswer.json().secondFactor).toBe('not_required');
    const managerClient = clientOf(managerAnswer);
    expect((await managerClient.get('/api/v1/people')).statusCode).toBe(200);

    const on = await c.admin.patch('/api/v1/settings', { secondFactorForAccountManagers: true });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json().secondFactorForAccountManagers).toBe(true);

    // From the next request, with no new sign-in.
    expectProblem(await managerClient.get('/api/v1/people'), 403, 'totp_enrollment_required');
    expect((await managerClient.get('/api/v1/me')).json().secondFactor).toBe('enrollment_required');
    const again = await login(c.slug, manager.email, MEMBER_PASSWORD);
    expect(again.json().secondFactor).toBe('enrollment_required');
    for (const other of [analyst, member]) {
      const answer = await login(c.slug, other.email, MEMBER_PASSWORD);
      expect(answer.json().secondFactor, other.email).toBe('not_required');
    }
    const analystClient = clientOf(await login(c.slug, analyst.email, MEMBER_PASSWORD));
    expect((await analystClient.get('/api/v1/audit-events')).statusCode).toBe(200);

    const enrolled = await enrol(clientOf(again), MEMBER_PASSWORD);
    expect((await enrolled.client.get('/api/v1/people')).statusCode).toBe(200);
    expectProblem(await login(c.slug, manager.email, MEMBER_PASSWORD), 401, 'totp_required');

    // Switched off again: whoever enrolled is still asked for the code.
    const off = await c.admin.patch('/api/v1/settings', { secondFactorForAccountManagers: false });
    expect(off.statusCode, off.body).toBe(200);
    expectProblem(await login(c.slug, manager.email, MEMBER_PASSWORD), 401, 'totp_required');
    const withCode = await login(c.slug, manager.email, MEMBER_PASSWORD, freshCode(enrolled.secret));
    expect(withCode.statusCode, withCode.body).toBe(200);
    expect(withCode.json().secondFactor).toBe('enrolled');
  });

  it('recovering an enrolled admin needs the authenticator too: missing → 401 second_factor_required, wrong → 401 totp_invalid, and the code survives both (R40, R10)', async () => {
    const c = await setup();
    await enablePhoneProfiles(c.admin);
    const phoneAdmin = await claimedPhonePerson(c);
    expect(
      (await c.admin.put(`/api/v1/people/${phoneAdmin.id}/role`, { role: 'system_admin' })).statusCode,
    ).toBe(200);
    const first = await login(c.slug, phoneAdmin.phone, MEMBER_PASSWORD);
    expect(first.json().secondFactor).toBe('enrollment_required');
    const { secret } = await enrol(clientOf(first), MEMBER_PASSWORD);
    const before = await person(phoneAdmin.id);

    const missing = await recover(c, { phone: phoneAdmin.phone, recoveryCode: phoneAdmin.code });
    expectProblem(missing, 401, 'second_factor_required');
    expect(missing.cookies).toHaveLength(0);
    const wrong = freshCode(secret) === '123456' ? '654321' : '123456';
    expectProblem(
      await recover(c, { phone: phoneAdmin.phone, recoveryCode: phoneAdmin.code, totp: wrong }),
      401,
      'totp_invalid',
    );
    // Neither changed the password nor used the code.
    let row = await person(phoneAdmin.id);
    expect(row.password_hash).toBe(before.password_hash);
    expect(row.recovery_code_hash).toBe(before.recovery_code_hash);

    const ok = await recover(c, {
      phone: phoneAdmin.phone,
      recoveryCode: phoneAdmin.code,
      totp: currentTotp(secret, world.clock.now()),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().secondFactor).toBe('enrolled');
    row = await person(phoneAdmin.id);
    expect(row.recovery_code_hash).toBeNull();
    expectProblem(
      await login(c.slug, phoneAdmin.phone, MEMBER_PASSWORD, freshCode(secret)),
      401,
      'invalid_credentials',
    );
    const signedIn = await login(c.slug, phoneAdmin.phone, 'a brand new password', freshCode(secret));
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    const failed = await auditOf(c.communityId, 'Password Reset Failed');
    expect(failed.map((e) => JSON.parse(e.details).reason)).toContain('wrong_second_factor');
  });

  it('resetting an enrolled admin to unclaimed removes the authenticator too: after claiming they enrol afresh before any admin page (R12, R40)', async () => {
    const c = await setup();
    await enablePhoneProfiles(c.admin);
    const phoneAdmin = await claimedPhonePerson(c);
    expect(
      (await c.admin.put(`/api/v1/people/${phoneAdmin.id}/role`, { role: 'system_admin' })).statusCode,
    ).toBe(200);
    await enrol(clientOf(await login(c.slug, phoneAdmin.phone, MEMBER_PASSWORD)), MEMBER_PASSWORD);
    expect((await person(phoneAdmin.id)).totp_confirmed_at).not.toBeNull();

    expect((await c.admin.post(`/api/v1/people/${phoneAdmin.id}/unclaim`)).statusCode).toBe(200);
    const row = await person(phoneAdmin.id);
    expect(row).toMatchObject({ totp_secret: null, totp_confirmed_at: null, password_hash: null });
    const backupCodes = await world.deps.db
      .selectFrom('backup_codes')
      .select('person_id')
      .where('person_id', '=', phoneAdmin.id)
      .execute();
    expect(backupCodes).toEqual([]);

    await dispatchDue(world);
    const claimed = await world.app.inject({
      method: 'POST',
      url: `/api/v1/claim/${latestClaimToken(world, phoneAdmin.phone)}`,
      payload: { password: 'a brand new password' },
    });
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect(claimed.json().secondFactor).toBe('enrollment_required');
    expectProblem(await clientOf(claimed).get('/api/v1/people'), 403, 'totp_enrollment_required');
  });

  it('an admin who never enrolled cannot recover by text alone: 403 recovery_not_allowed, and the code is not used up (R40)', async () => {
    const c = await setup();
    await enablePhoneProfiles(c.admin);
    const worker = await claimedPhonePerson(c);
    expect((await c.admin.put(`/api/v1/people/${worker.id}/role`, { role: 'system_admin' })).statusCode).toBe(
      200,
    );
    const before = await person(worker.id);
    expect(before.totp_confirmed_at).toBeNull();

    const refused = await recover(c, { phone: worker.phone, recoveryCode: worker.code });
    const problem = expectProblem(refused, 403, 'recovery_not_allowed');
    expect(problem.detail).toMatch(/admin/i);
    expect(refused.cookies).toHaveLength(0);
    // Even with something typed as a code, no TOTP exists to check it against.
    expectProblem(
      await recover(c, { phone: worker.phone, recoveryCode: worker.code, totp: '123456' }),
      403,
      'recovery_not_allowed',
    );
    const after = await person(worker.id);
    expect(after.recovery_code_hash).toBe(before.recovery_code_hash);
    expect(after.password_hash).toBe(before.password_hash);
    expect((await login(c.slug, worker.phone, MEMBER_PASSWORD)).statusCode).toBe(200);

    // Once no longer an admin, the very same code still works: it was never spent.
    expect((await c.admin.put(`/api/v1/people/${worker.id}/role`, { role: 'member' })).statusCode).toBe(200);
    const ok = await recover(c, { phone: worker.phone, recoveryCode: worker.code });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().secondFactor).toBe('not_required');
  });

  it("a system admin removes another admin's authenticator, who must then enrol again; audited; account managers cannot (R40)", async () => {
    const c = await setup();
    const other = await addEmailPerson(c, 'system_admin', 'Second');
    const manager = await addEmailPerson(c, 'account_manager', 'Keeper');
    const enrolled = await enrol(
      clientOf(await login(c.slug, other.email, MEMBER_PASSWORD)),
      MEMBER_PASSWORD,
    );
    expectProblem(await login(c.slug, other.email, MEMBER_PASSWORD), 401, 'totp_required');

    const managerClient = clientOf(await login(c.slug, manager.email, MEMBER_PASSWORD));
    expectProblem(await managerClient.delete(`/api/v1/people/${other.id}/totp`), 403, 'forbidden');
    expect((await person(other.id)).totp_secret).not.toBeNull();
    expectProblem(await c.admin.delete(`/api/v1/people/${newId(world.clock.now())}/totp`), 404, 'not_found');
    const elsewhere = await seedCommunity(world);
    expectProblem(await c.admin.delete(`/api/v1/people/${elsewhere.admin.id}/totp`), 404, 'not_found');

    const reset = await c.admin.delete(`/api/v1/people/${other.id}/totp`);
    expect(reset.statusCode, reset.body).toBe(204);
    const row = await person(other.id);
    expect(row).toMatchObject({
      totp_secret: null,
      totp_pending_secret: null,
      totp_confirmed_at: null,
      totp_last_step: null,
    });
    expect(await backupRows(other.id)).toEqual([]);

    // Signing in no longer asks for a code, and admin routes wait for a new enrolment.
    const answer = await login(c.slug, other.email, MEMBER_PASSWORD);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().secondFactor).toBe('enrollment_required');
    const client = clientOf(answer);
    expectProblem(await client.get('/api/v1/people'), 403, 'totp_enrollment_required');
    // The old authenticator is not what the new enrolment accepts.
    const restarted = await client.post('/api/v1/me/totp', { password: MEMBER_PASSWORD });
    expect(restarted.statusCode, restarted.body).toBe(200);
    const renewed = new Client(world.app, sessionCookieFrom(restarted), restarted.json().csrfToken);
    expectProblem(
      await renewed.post('/api/v1/me/totp/confirm', { code: freshCode(enrolled.secret) }),
      401,
      'totp_invalid',
    );

    const audit = await auditOf(c.communityId, 'Two-Factor Authentication Reset');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: c.adminId, target_id: other.id, outcome: 'success' });
  });
});

// ---------------------------------------------------------------------------------------------
// The operator's escape hatch, as a real process

describe('muster admin reset-totp (R40)', CLI_TIMEOUT, () => {
  let dir = '';

  beforeAll(async () => {
    await ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'muster-totp-cli-'));
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The app over the CLI's database file, with the same secret key, at the real time. */
  async function openApp(databaseUrl: string, key: string) {
    const storage = openDatabase(databaseUrl);
    const clock = new ManualClock(new Date().toISOString());
    const config = testConfig();
    const deps: Deps = {
      db: storage.db,
      clock,
      config,
      sms: createSmsProvider(
        config,
        () => clock.now(),
        () => undefined,
      ),
      mail: createMailer(
        config.mail,
        () => clock.now(),
        () => undefined,
      ),
      outbox: createOutboxSignal(),
      throttle: createThrottle({ db: storage.db, clock }),
      secrets: createSecrets(Buffer.from(key, 'hex')),
    };
    const app = await buildApp(deps);
    return {
      deps,
      clock,
      app,
      close: async () => {
        await app.close();
        await storage.close();
      },
    };
  }

  it('removes the authenticator of an admin in a database set up by the CLI, audited; they enrol again (R40)', async () => {
    const databaseUrl = `sqlite:${join(dir, 'muster.db')}`;
    const key = randomBytes(32).toString('hex');
    const env = { MUSTER_DATABASE_URL: databaseUrl, MUSTER_SECRET_KEY: key };
    const email = 'boss@depot.test';
    const setup = await runCli(
      [
        'setup',
        '--community',
        'Depot',
        '--slug',
        'depot',
        '--admin-email',
        email,
        '--admin-password',
        ADMIN_PASSWORD,
        '--country',
        'GB',
      ],
      env,
    );
    expect(setup.code, setup.stderr).toBe(0);

    // The admin enrols through the API of a server on that database.
    const first = await openApp(databaseUrl, key);
    let adminId = '';
    try {
      const loginBody = { community: 'depot', identifier: email, password: ADMIN_PASSWORD };
      const signedIn = await first.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: loginBody,
      });
      expect(signedIn.statusCode, signedIn.body).toBe(200);
      expect(signedIn.json().secondFactor).toBe('enrollment_required');
      adminId = signedIn.json().person.id;
      const client = new Client(first.app, sessionCookieFrom(signedIn), signedIn.json().csrfToken);
      const started = await client.post('/api/v1/me/totp', { password: ADMIN_PASSWORD });
      expect(started.statusCode, started.body).toBe(200);
      const renewed = new Client(first.app, sessionCookieFrom(started), started.json().csrfToken);
      const confirmed = await renewed.post('/api/v1/me/totp/confirm', {
        code: currentTotp(started.json().secret, first.clock.now()),
      });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      const asked = await first.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: loginBody });
      expectProblem(asked, 401, 'totp_required');
    } finally {
      await first.close();
    }

    const neither = await runCli(['admin', 'reset-totp', '--community', 'depot'], env);
    expect(neither.code).toBe(1);
    expect(neither.stderr).toMatch(/--email or --phone/);
    const both = await runCli(
      ['admin', 'reset-totp', '--community', 'depot', '--email', email, '--phone', '+447400123456'],
      env,
    );
    expect(both.code).toBe(1);
    const unknownPerson = await runCli(
      ['admin', 'reset-totp', '--community', 'depot', '--email', 'nobody@depot.test'],
      env,
    );
    expect(unknownPerson.code).toBe(1);
    expect(unknownPerson.stderr).toMatch(/not found/);
    expect(unknownPerson.stderr).not.toMatch(/\n\s+at /);
    const unknownCommunity = await runCli(
      ['admin', 'reset-totp', '--community', 'nope', '--email', email],
      env,
    );
    expect(unknownCommunity.code).toBe(1);
    expect(unknownCommunity.stderr).toContain('"nope"');

    const reset = await runCli(
      ['admin', 'reset-totp', '--community', 'depot', '--email', email.toUpperCase()],
      env,
    );
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toContain('Removed the authenticator');

    const second = await openApp(databaseUrl, key);
    try {
      const row = await second.deps.db
        .selectFrom('people')
        .selectAll()
        .where('id', '=', adminId)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ totp_secret: null, totp_pending_secret: null, totp_confirmed_at: null });
      const codes = await second.deps.db
        .selectFrom('backup_codes')
        .select('code_hash')
        .where('person_id', '=', adminId)
        .execute();
      expect(codes).toEqual([]);
      const audit = await second.deps.db
        .selectFrom('audit_events')
        .selectAll()
        .where('type', '=', 'Two-Factor Authentication Reset')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ target_id: adminId, actor_id: null, outcome: 'success' });

      const signedIn = await second.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { community: 'depot', identifier: email, password: ADMIN_PASSWORD },
      });
      expect(signedIn.statusCode, signedIn.body).toBe(200);
      expect(signedIn.json().secondFactor).toBe('enrollment_required');
    } finally {
      await second.close();
    }
  }, 60_000);
});
