import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { type RawBuilder, sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { ActingContext } from '../src/context.js';
import { newId } from '../src/crypto/random.js';
import type { Deps } from '../src/deps.js';
import { openDeps } from '../src/main.js';
import { newPersonRow } from '../src/people/person.row.js';
import { totpCode, totpStep } from '../src/second-factor/totp.js';
import { updateSettings } from '../src/settings/settings.service.js';
import { createCommunityWithAdmin, newCommunitySchema } from '../src/setup/create-community.js';
import { capabilitiesOf } from '../src/storage/db.js';

export const ADMIN_PASSWORD = 'a long enough bench password';

/**
 * The settings every benchmark runs Muster with: one database, no logs, a throw-away secret key,
 * no dispatcher; `env` adds to them or changes them.
 */
export function benchEnv(databaseUrl: string, env: Record<string, string> = {}): Record<string, string> {
  return {
    MUSTER_LOG_LEVEL: 'silent',
    MUSTER_DATABASE_URL: databaseUrl,
    // A throw-away key: the benchmark's database is thrown away too.
    MUSTER_SECRET_KEY: randomBytes(32).toString('hex'),
    MUSTER_TRUST_PROXY: 'true',
    MUSTER_PUBLIC_URL: 'https://muster.example',
    MUSTER_DISPATCHER: 'off',
    PORT: '0',
    ...env,
  };
}

/** Muster over one database, as the server opens it, with the benchmarks' settings. */
export async function openMuster(databaseUrl: string, env: Record<string, string> = {}) {
  return openDeps(loadConfig(benchEnv(databaseUrl, env)), () => undefined);
}

/** The limits of R5, R6 and R34 are for people; a benchmark of `rows` people measures the machinery. */
export function unlimitedFor(rows: number): Record<string, string> {
  const plenty = String(rows * 2);
  return {
    MUSTER_PHONE_ACCOUNTS_PER_DAY: plenty,
    MUSTER_PHONE_ACCOUNTS_PER_DAY_VERIFIED: plenty,
    MUSTER_SMS_PER_HOUR: plenty,
    MUSTER_SMS_PER_DAY: plenty,
    MUSTER_SMS_PER_PREFIX_PER_HOUR: plenty,
  };
}

/**
 * The ceiling of adding people: `rows` phone people written into a new community of the database
 * by the driver itself (better-sqlite3, or pg with a named prepared statement), one prepared
 * INSERT a row, committed every `commitEvery`: no query builder, none of Muster's rules,
 * invitations or audit, the same statement and rows. Rows per second.
 */
export async function plainInsertRate(
  databaseUrl: string,
  { rows, commitEvery, firstPhone = 0 }: { rows: number; commitEvery: number; firstPhone?: number },
): Promise<number> {
  const { deps, close } = await openMuster(databaseUrl);
  const community = await seedCommunity(deps).finally(close);
  const now = new Date().toISOString();
  const rowAt = (index: number): PeopleRow =>
    newPersonRow({
      id: newId(new Date()),
      communityId: community.id,
      login: { kind: 'phone', value: benchPhone(firstPhone + index) },
      displayName: `Worker ${index}`,
      now,
    });
  const driver = await openDriver(databaseUrl, insertPersonStatement(deps, rowAt(-1)));
  try {
    const start = performance.now();
    for (let i = 0; i < rows; i += commitEvery) {
      const batch: PeopleRow[] = [];
      for (let j = i; j < Math.min(rows, i + commitEvery); j++) batch.push(rowAt(j));
      await driver.insertCommitted(batch);
    }
    return rows / ((performance.now() - start) / 1000);
  } finally {
    await driver.close();
  }
}

type PeopleRow = ReturnType<typeof newPersonRow>;

interface InsertStatement {
  sql: string;
  columns: (keyof PeopleRow)[];
}

/** Muster's own INSERT of one person, compiled once; its parameters are the row's values in key order. */
function insertPersonStatement(deps: Deps, sample: PeopleRow): InsertStatement {
  const compiled = deps.db.insertInto('people').values(sample).compile();
  const columns = Object.keys(sample) as (keyof PeopleRow)[];
  const inOrder = columns.every((column, index) => compiled.parameters[index] === sample[column]);
  if (!inOrder || compiled.parameters.length !== columns.length) {
    throw new Error("The person INSERT does not take its parameters in the row's key order.");
  }
  return { sql: compiled.sql, columns };
}

/** The database's own driver, to insert batches of people in a transaction each. */
async function openDriver(databaseUrl: string, statement: InsertStatement) {
  const values = (row: PeopleRow) => statement.columns.map((column) => row[column]);
  if (databaseUrl.startsWith('sqlite:')) {
    const connection = new SQLite(databaseUrl.slice('sqlite:'.length));
    // As Muster opens it: every commit is synced to disk, and foreign keys are checked.
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = FULL');
    connection.pragma('foreign_keys = ON');
    const insert = connection.prepare(statement.sql);
    const insertAll = connection.transaction((batch: PeopleRow[]) => {
      for (const row of batch) insert.run(values(row));
    });
    return {
      insertCommitted: async (batch: PeopleRow[]) => insertAll(batch),
      close: async () => connection.close(),
    };
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return {
    async insertCommitted(batch: PeopleRow[]) {
      await client.query('begin');
      for (const row of batch) {
        await client.query({ name: 'bench-insert-person', text: statement.sql, values: values(row) });
      }
      await client.query('commit');
    },
    close: () => client.end(),
  };
}

export interface BenchCommunity {
  id: string;
  slug: string;
  adminEmail: string;
  ctx: ActingContext;
}

/** A community (GB numbers) with phone accounts turned on and its first system admin. */
export async function seedCommunity(deps: Deps): Promise<BenchCommunity> {
  const slug = `bench-${randomBytes(4).toString('hex')}`;
  const adminEmail = `admin@${slug}.example`;
  const { community, admin } = await createCommunityWithAdmin({
    deps,
    community: newCommunitySchema.parse({ name: 'Bench', slug, defaultCountry: 'GB' }),
    admin: { displayName: 'Bench Admin', email: adminEmail, password: ADMIN_PASSWORD },
    meta: { ip: null, requestId: null, userAgent: 'bench' },
  });
  const ctx: ActingContext = {
    communityId: community.id,
    actor: { id: admin.id, label: 'Bench Admin', role: 'system_admin' },
    meta: { ip: null, requestId: null, userAgent: 'bench' },
  };
  await updateSettings({ deps, ctx, patch: { phoneProfilesEnabled: true } });
  return { id: community.id, slug, adminEmail, ctx };
}

/** The n-th bench worker's mobile number: distinct UK mobiles, +447400000000 upwards. */
export const benchPhone = (n: number) => `+447${String(400_000_000 + n).padStart(9, '0')}`;

/**
 * Seeds people straight into the table, fast: the row builder the stores use makes one row, and
 * the database repeats it, `count` times in one INSERT … SELECT over a series, with each person's
 * id, number, userName and name made from their place in it. A million people take seconds, not
 * minutes; the rules of adding a person are what the batch-add benchmark measures.
 */
export async function seedPeople(
  deps: Deps,
  communityId: string,
  count: number,
  options: { from?: number; passwordHash?: string | null; onProgress?: (done: number) => void } = {},
): Promise<void> {
  const from = options.from ?? 0;
  const now = new Date().toISOString();
  const template: Record<string, unknown> = {
    ...newPersonRow({
      id: 'seeded',
      communityId,
      login: { kind: 'phone', value: benchPhone(0) },
      displayName: 'Worker',
      now,
    }),
  };
  if (options.passwordHash) {
    Object.assign(template, { invited: 1, claimed: 1, claimed_at: now, password_hash: options.passwordHash });
  }
  const postgres = capabilitiesOf(deps.db).name === 'postgres';
  // Ids that look like every other (UUID version 7 layout), ordered by place, below any real one.
  const id = postgres
    ? sql`'00000000-0000-7000-8000-' || lpad(to_hex(n), 12, '0')`
    : sql`'00000000-0000-7000-8000-' || printf('%012x', n)`;
  const phone = sql`'+447' || cast(400000000 + n as text)`;
  const made: Record<string, RawBuilder<unknown>> = {
    id,
    phone,
    user_name: phone,
    display_name: sql`'Worker ' || cast(n as text)`,
  };
  const columns = Object.keys(template);
  const values = columns.map((column) => made[column] ?? sql`${template[column]}`);
  const perStatement = 100_000;
  for (let start = from; start < from + count; start += perStatement) {
    const last = Math.min(from + count, start + perStatement) - 1;
    await sql`
      with recursive series(n) as (select ${sql.lit(start)} union all select n + 1 from series where n < ${sql.lit(last)})
      insert into people (${sql.join(columns.map((c) => sql.ref(c)))})
      select ${sql.join(values)} from series`.execute(deps.db);
    options.onProgress?.(last + 1 - from);
  }
}

/** Serves the whole app on 127.0.0.1, on a free port. */
export async function serve(deps: Deps): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildApp(deps);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url };
}

export interface AdminSession {
  cookie: string;
  csrfToken: string;
}

async function postJson(url: string, body: unknown, session?: AdminSession) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
    },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${JSON.stringify(json)}`);
  const cookie = (response.headers.getSetCookie().find((c) => c.includes('muster_session')) ?? '').split(
    ';',
  )[0];
  return { json, cookie: cookie || session?.cookie || '' };
}

/**
 * A system admin's session, got as a person gets one (R40): sign in, enrol an authenticator app
 * with the password, confirm with its code. The session that confirmed is fully signed in.
 */
export async function signInAdmin(url: string, community: BenchCommunity): Promise<AdminSession> {
  const signedIn = await postJson(`${url}/api/v1/auth/login`, {
    community: community.slug,
    identifier: community.adminEmail,
    password: ADMIN_PASSWORD,
  });
  let session: AdminSession = { cookie: signedIn.cookie, csrfToken: String(signedIn.json.csrfToken) };
  const started = await postJson(`${url}/api/v1/me/totp`, { password: ADMIN_PASSWORD }, session);
  session = { cookie: started.cookie, csrfToken: String(started.json.csrfToken ?? session.csrfToken) };
  const secret = String(started.json.secret);
  await postJson(`${url}/api/v1/me/totp/confirm`, { code: totpCode(secret, totpStep(new Date())) }, session);
  return session;
}

/**
 * API tokens of one scope. A token may make 6,000 requests a minute in one process (R27), far
 * fewer than a benchmark sends, so load takes turns over several, as several integrations would.
 */
export async function makeTokens(
  url: string,
  session: AdminSession,
  scope: 'scim' | 'rest',
  count: number,
): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const made = await postJson(
      `${url}/api/v1/tokens`,
      { name: `bench ${scope} ${i}`, scopes: [scope] },
      session,
    );
    tokens.push(String(made.json.token));
  }
  return tokens;
}
