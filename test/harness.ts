import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { buildApp } from '../src/app.js';
import type { Clock } from '../src/clock.js';
import { findCommunityOrThrow } from '../src/communities/communities.store.js';
import { type Config, loadConfig } from '../src/config.js';
import { newId } from '../src/crypto/random.js';
import { createSecrets } from '../src/crypto/secrets.js';
import type { Deps } from '../src/deps.js';
import { takeClaimMessages } from '../src/limits/limits.service.js';
import { createMailer } from '../src/mail/create-mailer.js';
import { createDispatcher } from '../src/outbox/dispatcher.js';
import { createOutboxSignal } from '../src/outbox/outbox-signal.js';
import { newPersonRow } from '../src/people/person.row.js';
import { totpCode, totpStep } from '../src/second-factor/totp.js';
import { createCommunityWithAdmin, newCommunitySchema } from '../src/setup/create-community.js';
import { createSmsProvider, isConsoleProvider } from '../src/sms/providers/index.js';
import { type Capabilities, migrateToLatest, openDatabase, type Storage } from '../src/storage/db.js';
import { createThrottle } from '../src/throttle/create-throttle.js';

export type DialectName = Capabilities['name'];

/** A clock tests move by hand: days pass in a line of code. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start = '2026-03-02T09:00:00.000Z') {
    this.current = Date.parse(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current += ms;
  }
  advanceMinutes(minutes: number) {
    this.advance(minutes * 60_000);
  }
  advanceDays(days: number) {
    this.advance(days * 86_400_000);
  }
}

export interface TestDatabase {
  dialect: DialectName;
  storage: Storage;
  url: string;
  /** Closes connections and removes the database. */
  destroy(): Promise<void>;
}

/** The databases this run covers: SQLite always, PostgreSQL whenever global setup found one. */
export function dialects(): DialectName[] {
  return inject('postgresUrl') ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A fresh, empty database of the given kind, migrated unless asked not to be. */
export async function createTestDatabase(
  dialect: DialectName,
  { migrate = true }: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'muster-test-'));
    const url = `sqlite:${join(dir, 'muster.db')}`;
    const storage = openDatabase(url);
    if (migrate) await migrateToLatest(storage.db);
    return {
      dialect,
      storage,
      url,
      destroy: async () => {
        await storage.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = inject('postgresUrl');
  if (!adminUrl) throw new Error('PostgreSQL is not available to this run');
  const name = `muster_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const storage = openDatabase(url.toString());
  if (migrate) await migrateToLatest(storage.db);
  return {
    dialect,
    storage,
    url: url.toString(),
    destroy: async () => {
      await storage.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ MUSTER_LOG_LEVEL: 'silent', MUSTER_PUBLIC_URL: 'http://muster.test', ...overrides });
}

export interface World {
  dialect: DialectName;
  db: TestDatabase;
  deps: Deps;
  clock: ManualClock;
  app: FastifyInstance;
}

/**
 * Runs the same tests against every database: `eachDatabase('people', (world) => { it(…) })`.
 * The world is filled in beforeAll; read it inside tests, not while declaring them.
 */
export function eachDatabase(
  title: string,
  body: (world: World) => void,
  options: { config?: Record<string, string> } = {},
) {
  for (const dialect of dialects()) {
    describe(`${title} [${dialect}]`, () => {
      const world = { dialect } as World;
      beforeAll(async () => {
        world.db = await createTestDatabase(dialect);
        world.clock = new ManualClock();
        const config = testConfig(options.config);
        world.deps = {
          db: world.db.storage.db,
          clock: world.clock,
          config,
          sms: createSmsProvider(
            config,
            () => world.clock.now(),
            () => undefined,
          ),
          mail: createMailer(
            config.mail,
            () => world.clock.now(),
            () => undefined,
          ),
          outbox: createOutboxSignal(),
          throttle: createThrottle({ db: world.db.storage.db, clock: world.clock }),
          secrets: createSecrets(randomBytes(32)),
        };
        world.app = await buildApp(world.deps);
        worldOfApp.set(world.app, world);
      });
      afterAll(async () => {
        await world.app?.close();
        await world.db?.destroy();
      });
      body(world);
    });
  }
}

export const ADMIN_PASSWORD = 'correct horse battery staple';

let communityCounter = 0;

/** A community with a system admin, created the way `muster setup` does it. */
export async function seedCommunity(
  world: World,
  options: { slug?: string; country?: string; timeZone?: string; adminEmail?: string } = {},
) {
  communityCounter += 1;
  const slug = options.slug ?? `c${communityCounter}-${randomBytes(3).toString('hex')}`;
  const created = await createCommunityWithAdmin({
    deps: world.deps,
    community: newCommunitySchema.parse({
      name: `Community ${slug}`,
      slug,
      timeZone: options.timeZone ?? 'Europe/London',
      defaultCountry: options.country ?? 'GB',
    }),
    admin: {
      displayName: 'Ada Admin',
      email: options.adminEmail ?? `admin@${slug}.test`,
      password: ADMIN_PASSWORD,
    },
    meta: { ip: null, requestId: null, userAgent: null },
  });
  return { community: created.community, admin: created.admin, slug };
}

/**
 * Email people (not invited) written straight into a community, 100 a statement: many at once,
 * without the rules of adding one. Addresses are `person{n}@{domain}`; ids and addresses in order.
 */
export async function insertEmailPeople(world: World, communityId: string, count: number, domain: string) {
  const now = world.clock.now().toISOString();
  const rows = Array.from({ length: count }, (_, i) =>
    newPersonRow({
      id: newId(world.clock.now()),
      communityId,
      login: { kind: 'email', value: `person${i}@${domain}` },
      displayName: `Person ${i}`,
      now,
    }),
  );
  for (let i = 0; i < rows.length; i += 100) {
    await world.deps.db
      .insertInto('people')
      .values(rows.slice(i, i + 100))
      .execute();
  }
  return { ids: rows.map((row) => row.id), emails: rows.map((row) => row.email ?? '') };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A signed-in browser-like client: keeps the session cookie and sends the CSRF token. */
export class Client {
  constructor(
    private readonly app: FastifyInstance,
    public cookie: string | null = null,
    public csrfToken: string | null = null,
  ) {}

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    return response;
  }

  /**
   * Takes over the new session an answer carries (R41: re-authenticating, as by changing one's
   * password, ends the old session and starts a new one with its own cookie and CSRF token).
   */
  adopt(response: LightMyRequestResponse): this {
    const cookie = sessionCookieFrom(response);
    const csrfToken = (response.json() as { csrfToken?: unknown }).csrfToken;
    if (!cookie || typeof csrfToken !== 'string') {
      throw new Error(`the answer carries no new session: ${response.statusCode} ${response.body}`);
    }
    this.cookie = cookie;
    this.csrfToken = csrfToken;
    return this;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', url, body, headers);
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body);
  put = (url: string, body?: unknown) => this.request('PUT', url, body);
  delete = (url: string) => this.request('DELETE', url);
}

export function sessionCookieFrom(response: LightMyRequestResponse): string | null {
  const cookie = response.cookies.find((c) => c.name.endsWith('muster_session'));
  return cookie ? `${cookie.name}=${cookie.value}` : null;
}

/** The world an app belongs to, so sign-in can reach its database (see signIn). */
const worldOfApp = new WeakMap<FastifyInstance, World>();

/**
 * Tells signIn which world an app built outside eachDatabase belongs to, so it reads that world's
 * clock (authenticator codes follow the server's time) and database.
 */
export function attachWorld(app: FastifyInstance, world: World) {
  worldOfApp.set(app, world);
}

/**
 * The authenticator secret of each admin the harness enrolled, by community and login, and by
 * login alone (for sign-ins that name no community).
 */
const totpSecrets = new Map<string, string>();

function secretKeys(identifier: string, community?: string): string[] {
  const login = identifier.trim().toLowerCase();
  return community ? [`${community}|${login}`, login] : [login];
}

function enrolledSecret(identifier: string, community?: string): string | undefined {
  for (const key of secretKeys(identifier, community)) {
    const secret = totpSecrets.get(key);
    if (secret) return secret;
  }
  return undefined;
}

/** The code an authenticator app would show now for a secret, at the world's time. */
export function currentTotp(secret: string, at: Date): string {
  return totpCode(secret, totpStep(at));
}

/**
 * Signs in through the API and returns a client carrying the session. Administrators need a
 * second factor (R40): the first time one signs in, the harness enrols an authenticator through
 * the API as a person would, and later signs in with its codes. Tests sign one admin in many
 * times within a second of the world's clock, so before each sign-in the harness forgets which
 * step was used last (in the app's own database); tests of replay itself do not go through here.
 */
export async function signIn(
  app: FastifyInstance,
  identifier: string,
  password = ADMIN_PASSWORD,
  community?: string,
): Promise<Client> {
  const world = worldOfApp.get(app);
  const now = () => world?.clock.now() ?? new Date();
  const body = { identifier, password, ...(community ? { community } : {}) };
  const post = (payload: object) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
  let response = await post(body);
  const secret = enrolledSecret(identifier, community);
  if (response.statusCode === 401 && response.json().code === 'totp_required' && secret) {
    const login = identifier.trim().toLowerCase();
    await world?.deps.db
      .updateTable('people')
      .set({ totp_last_step: null })
      .where((eb) => eb.or([eb('email', '=', login), eb('user_name', '=', identifier.trim())]))
      .execute();
    response = await post({ ...body, totp: currentTotp(secret, now()) });
  }
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const client = new Client(app, sessionCookieFrom(response), response.json().csrfToken);
  if (response.json().secondFactor === 'enrollment_required') {
    const started = await client.post('/api/v1/me/totp', { password });
    if (started.statusCode !== 200) throw new Error(`TOTP enrolment failed: ${started.body}`);
    client.csrfToken = started.json().csrfToken;
    client.cookie = sessionCookieFrom(started) ?? client.cookie;
    const confirmed = await client.post('/api/v1/me/totp/confirm', {
      code: currentTotp(started.json().secret, now()),
    });
    if (confirmed.statusCode !== 200) throw new Error(`TOTP confirmation failed: ${confirmed.body}`);
    for (const key of secretKeys(identifier, community)) totpSecrets.set(key, started.json().secret);
  }
  return client;
}

/**
 * The body of a sign-in a test posts by hand to /auth/login. For an admin the harness enrolled
 * (see signIn) it adds the code the authenticator shows now, after forgetting which step was used
 * last, as signIn does; for anyone else it is just identifier, password and community.
 */
export async function loginBody(
  world: World,
  identifier: string,
  password = ADMIN_PASSWORD,
  community?: string,
): Promise<{ identifier: string; password: string; community?: string; totp?: string }> {
  const body = { identifier, password, ...(community ? { community } : {}) };
  const secret = enrolledSecret(identifier, community);
  if (!secret) return body;
  await world.deps.db.updateTable('people').set({ totp_last_step: null }).execute();
  return { ...body, totp: currentTotp(secret, world.clock.now()) };
}

/** Sets a password on a person directly, standing in for the claim flow that a later issue adds. */
export async function activateWithPassword(world: World, personId: string, password: string) {
  const { hashPassword } = await import('../src/crypto/passwords.js');
  await world.deps.db
    .updateTable('people')
    .set({
      password_hash: await hashPassword(password),
      invited: 1,
      claimed: 1,
      claimed_at: world.clock.now().toISOString(),
    })
    .where('id', '=', personId)
    .execute();
}

/** Sends every text that is due now, as the dispatcher would, and returns how many it handled. */
export function dispatchDue(world: World): Promise<number> {
  return createDispatcher(world.deps, { sms: world.deps.sms, email: world.deps.mail }).drainAll();
}

/** The texts the console provider "sent", newest first. */
export function devInbox(world: World) {
  if (!isConsoleProvider(world.deps.sms)) throw new Error('the development inbox needs the console provider');
  return world.deps.sms.inbox();
}

/** The emails the console mailer "sent", newest first. */
export function devMail(world: World) {
  const inbox = world.deps.mail.inbox;
  if (!inbox) throw new Error('the development inbox needs the console mailer');
  return inbox();
}

/** The claim token in the newest text to a number. */
export function latestClaimToken(world: World, phone: string): string {
  const text = devInbox(world).find((sms) => sms.to === phone && sms.body.includes('/claim/'));
  const token = text?.body.match(/\/claim\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no claim link was texted to ${phone}`);
  return token;
}

/** Turns on mobile-number profiles (R1) as the community's system admin. */
export async function enablePhoneProfiles(admin: Client) {
  const response = await admin.patch('/api/v1/settings', { phoneProfilesEnabled: true });
  if (response.statusCode !== 200) throw new Error(`could not enable phone profiles: ${response.body}`);
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  requestId: string;
  errors?: { path: string; message: string }[];
}

/** Asserts an RFC 9457 problem with our stable code and a sentence a person can act on. */
export function expectProblem(response: LightMyRequestResponse, status: number, code: string): Problem {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json() as Problem;
  expect(body.code).toBe(code);
  expect(body.status).toBe(status);
  expect(body.type).toBe(`urn:muster:problem:${code}`);
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  expect(body.detail.length).toBeGreaterThan(15);
  expect(body.requestId).toBeTruthy();
  return body;
}

/** Spends a number's claim texts for today (R5), as if its person had been added and deleted again. */
export async function spendClaimTexts(world: World, communityId: string, phone: string) {
  const community = await findCommunityOrThrow(world.deps.db, communityId);
  for (let i = 0; i < world.deps.config.limits.claimSmsPerDay; i++) {
    await world.deps.db
      .transaction()
      .execute((tx) => takeClaimMessages(tx, world.deps, community, [{ medium: 'sms', to: phone }]));
  }
}

/** A domain another community has verified (R26): its addresses get no invitation from this one (R20). */
export async function verifiedElsewhere(world: World, name: string) {
  const other = await seedCommunity(world);
  const now = world.clock.now().toISOString();
  await world.deps.db
    .insertInto('domains')
    .values({
      id: randomUUID(),
      community_id: other.community.id,
      name,
      token: `token-${name}`,
      created_by: null,
      created_at: now,
      verified_at: now,
      last_checked_at: now,
      next_check_at: now,
      failing_since: null,
    })
    .execute();
}
