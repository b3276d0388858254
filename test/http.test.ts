import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../src/auth/authenticate.js';
import { registerAccessControl } from '../src/http/access.js';
import { type Client, eachDatabase, expectProblem, seedCommunity, signIn, type World } from './harness.js';
import {
  CLI_TIMEOUT,
  childEnv,
  ensureBuilt,
  freePort,
  ROOT,
  runCli,
  stopChild,
  waitFor,
} from './processes.js';
import { PUBLIC_OPERATIONS } from './public-operations.js';

// ---------------------------------------------------------------------------------------------
// Helpers

/** The refusals recorded in the audit log (R36). */
async function accessDenied(world: World) {
  return world.deps.db
    .selectFrom('audit_events')
    .select(['id', 'outcome', 'count', 'details'])
    .where('type', '=', 'Access Denied')
    .execute();
}

/** Rows that a refused request must not have written. */
async function counts(world: World) {
  const count = async (table: 'people' | 'audit_events' | 'idempotency_keys') => {
    const row = await world.deps.db
      .selectFrom(table)
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return { people: await count('people'), audit: await count('audit_events') };
}

/** A signed-in request whose body is sent exactly as given (broken JSON, other media types). */
function sendRaw(
  world: World,
  client: Client,
  method: 'POST' | 'PATCH' | 'PUT',
  url: string,
  payload: string | undefined,
  contentType: string | undefined,
  headers: Record<string, string> = {},
) {
  return world.app.inject({
    method,
    url,
    headers: {
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(client.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
      ...(contentType ? { 'content-type': contentType } : {}),
      ...headers,
    },
    ...(payload !== undefined ? { payload } : {}),
  });
}

async function peopleWithEmail(world: World, email: string) {
  return world.deps.db.selectFrom('people').select('id').where('email', '=', email).execute();
}

// ---------------------------------------------------------------------------------------------
// Bad input: a clear problem, and nothing written

eachDatabase('http: bad input', (world) => {
  let client: Client;
  beforeAll(async () => {
    const { admin } = await seedCommunity(world);
    client = await signIn(world.app, admin.email ?? '');
  });

  it('answers malformed JSON with 400 malformed_json and writes nothing', async () => {
    const before = await counts(world);
    const response = await sendRaw(
      world,
      client,
      'POST',
      '/api/v1/people',
      '{"email": "broken@example.com", "givenName": ',
      'application/json',
    );
    const problem = expectProblem(response, 400, 'malformed_json');
    expect(problem.detail).toMatch(/JSON/);
    expect(await counts(world)).toEqual(before);
    expect(await peopleWithEmail(world, 'broken@example.com')).toEqual([]);
  });

  it('answers an empty body that claims to be JSON with 400 malformed_json', async () => {
    const before = await counts(world);
    const response = await sendRaw(world, client, 'POST', '/api/v1/people', '', 'application/json');
    const problem = expectProblem(response, 400, 'malformed_json');
    expect(problem.detail).toMatch(/empty/i);
    expect(await counts(world)).toEqual(before);
  });

  it('refuses a text/plain body with 415 unsupported_media_type', async () => {
    const before = await counts(world);
    const response = await sendRaw(
      world,
      client,
      'POST',
      '/api/v1/people',
      JSON.stringify({ email: 'plain@example.com' }),
      'text/plain',
    );
    const problem = expectProblem(response, 415, 'unsupported_media_type');
    expect(problem.detail).toMatch(/application\/json/);
    expect(await counts(world)).toEqual(before);
    expect(await peopleWithEmail(world, 'plain@example.com')).toEqual([]);
  });

  it('refuses a form-encoded body (what a cross-site form sends) with 415', async () => {
    const before = await counts(world);
    const response = await sendRaw(
      world,
      client,
      'POST',
      '/api/v1/people',
      'email=form%40example.com',
      'application/x-www-form-urlencoded',
    );
    expectProblem(response, 415, 'unsupported_media_type');
    expect(await counts(world)).toEqual(before);
  });

  it('names each wrongly typed field in errors[] with 400 invalid_request', async () => {
    const before = await counts(world);
    const response = await client.post('/api/v1/people', {
      email: 42,
      frontline: 'yes',
      startDate: 'last tuesday',
    });
    const problem = expectProblem(response, 400, 'invalid_request');
    const paths = (problem.errors ?? []).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.frontline', 'body.startDate']));
    for (const error of problem.errors ?? []) expect(error.message.length).toBeGreaterThan(0);
    expect(problem.detail).toContain('body.email');
    expect(await counts(world)).toEqual(before);
  });

  it('refuses unknown fields (no mass assignment of role or secrets, R35) and names them', async () => {
    const before = await counts(world);
    const response = await client.post('/api/v1/people', {
      email: 'sneaky@example.com',
      role: 'system_admin',
      passwordHash: 'x',
    });
    const problem = expectProblem(response, 400, 'invalid_request');
    const errors = problem.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    const named = errors.map((e) => `${e.path} ${e.message}`).join('\n');
    expect(named).toContain('role');
    expect(named).toContain('passwordHash');
    expect(errors.every((e) => e.path.startsWith('body'))).toBe(true);
    expect(await counts(world)).toEqual(before);
    expect(await peopleWithEmail(world, 'sneaky@example.com')).toEqual([]);
  });

  it('answers an unknown route with 404 not_found that points at the API description', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/no-such-thing'],
      ['POST', '/api/v1/people/import-from-mars'],
      ['POST', '/nowhere'],
    ] as const) {
      const response = await world.app.inject({ method, url, headers: { cookie: client.cookie ?? '' } });
      const problem = expectProblem(response, 404, 'not_found');
      expect(problem.detail).toContain(url);
      expect(problem.detail).toContain('/api/v1/openapi.json');
    }
  });

  it('refuses an id in the path that is not a uuid with 400 and changes nothing', async () => {
    const before = await counts(world);
    const get = await client.get('/api/v1/people/not-a-uuid');
    const problem = expectProblem(get, 400, 'invalid_request');
    expect((problem.errors ?? []).map((e) => e.path)).toContain('params.id');

    const patch = await client.patch('/api/v1/people/12345', { jobTitle: 'Boss' });
    expectProblem(patch, 400, 'invalid_request');
    const deactivate = await client.post('/api/v1/people/%27%20or%201=1/deactivate');
    expectProblem(deactivate, 400, 'invalid_request');
    expect(await counts(world)).toEqual(before);
  });

  it('refuses a change without the CSRF token (R31) and writes nothing but the refusal (R36)', async () => {
    const before = await counts(world);
    const deniedBefore = await accessDenied(world);
    const response = await world.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: { cookie: client.cookie ?? '', 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'csrf@example.com' }),
    });
    expectProblem(response, 403, 'csrf_token_invalid');
    // The refused change wrote nothing; the refusal itself is one "Access Denied" row.
    expect(await counts(world)).toEqual({ ...before, audit: before.audit + 1 });
    expect(await peopleWithEmail(world, 'csrf@example.com')).toEqual([]);
    const denied = (await accessDenied(world)).filter((row) => !deniedBefore.some((b) => b.id === row.id));
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ outcome: 'failure', count: 1 });
    expect(JSON.parse(denied[0]?.details ?? '{}')).toMatchObject({ code: 'csrf_token_invalid' });
  });
});

eachDatabase(
  'http: body limit',
  (world) => {
    let client: Client;
    beforeAll(async () => {
      const { admin } = await seedCommunity(world);
      client = await signIn(world.app, admin.email ?? '');
    });

    it('refuses a body over MUSTER_BODY_LIMIT_BYTES with 413 payload_too_large', async () => {
      const before = await counts(world);
      const body = JSON.stringify({ email: 'big@example.com', jobTitle: 'x'.repeat(3000) });
      expect(Buffer.byteLength(body)).toBeGreaterThan(2048);
      const response = await sendRaw(world, client, 'POST', '/api/v1/people', body, 'application/json');
      const problem = expectProblem(response, 413, 'payload_too_large');
      expect(problem.detail).toMatch(/too large/);
      expect(await counts(world)).toEqual(before);
      expect(await peopleWithEmail(world, 'big@example.com')).toEqual([]);
    });

    it('refuses an oversized body on a public route too', async () => {
      const response = await world.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ identifier: 'a@example.com', password: 'p'.repeat(4000) }),
      });
      expectProblem(response, 413, 'payload_too_large');
    });

    it('still accepts a body under the limit', async () => {
      const response = await client.post('/api/v1/people', {
        email: 'small@example.com',
        givenName: 'Sam',
        jobTitle: 'Picker',
      });
      expect(response.statusCode, response.body).toBe(201);
    });
  },
  { config: { MUSTER_BODY_LIMIT_BYTES: '2048' } },
);

// ---------------------------------------------------------------------------------------------
// Access control: deny by default (R35)

/**
 * The only operations of the API description anyone may call without signing in. A new public
 * route must be added here on purpose: everything else has to answer 401.
 */

eachDatabase('http: access control', (world) => {
  async function operations() {
    const response = await world.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    const list: { method: string; path: string }[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item)) {
        if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) {
          list.push({ method: method.toUpperCase(), path });
        }
      }
    }
    return { doc, list };
  }

  it('publishes an OpenAPI 3.1 document listing the API (R29)', async () => {
    const { doc, list } = await operations();
    expect(doc.openapi).toMatch(/^3\.1\./);
    const names = list.map((o) => `${o.method} ${o.path}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /api/v1/people',
        'GET /api/v1/people',
        'GET /api/v1/people/{id}',
        'PATCH /api/v1/people/{id}',
        'GET /api/v1/audit-events',
        'POST /api/v1/auth/login',
        'GET /api/v1/me',
        'GET /api/v1/settings',
      ]),
    );
  });

  it('answers every non-public operation of the API description with 401 when anonymous', async () => {
    const { list } = await operations();
    const before = await counts(world);
    const guarded = list.filter((o) => !PUBLIC_OPERATIONS.has(`${o.method} ${o.path}`));
    expect(guarded.length).toBeGreaterThanOrEqual(10);
    for (const { method, path } of guarded) {
      const url = path.replaceAll(/\{[^}]+\}/g, () => randomUUID());
      const hasBody = method !== 'GET' && method !== 'DELETE';
      const response = await world.app.inject({
        method: method as 'GET',
        url,
        ...(hasBody ? { headers: { 'content-type': 'application/json' }, payload: '{}' } : {}),
      });
      const problem = expectProblem(response, 401, 'unauthenticated');
      expect(problem.detail).toMatch(/sign in/i);
    }
    expect(await counts(world)).toEqual(before);
  });

  it('keeps the public operations reachable without signing in', async () => {
    const { list } = await operations();
    const names = new Set(list.map((o) => `${o.method} ${o.path}`));
    for (const name of PUBLIC_OPERATIONS) {
      expect(names.has(name), name).toBe(true);
      const [method = 'GET', path = ''] = name.split(' ');
      const response = await world.app.inject({
        method: method as 'GET',
        url: path.replaceAll(/\{[^}]+\}/g, () => randomBytes(32).toString('base64url')),
        ...(method === 'POST' ? { headers: { 'content-type': 'application/json' }, payload: '{}' } : {}),
      });
      expect(response.statusCode, `${name}: ${response.body}`).not.toBe(401);
      expect(response.statusCode, `${name}: ${response.body}`).toBeLessThan(500);
    }
  });

  it('refuses a forged session cookie with 401', async () => {
    const response = await world.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      cookies: { muster_session: randomBytes(32).toString('base64url') },
    });
    expectProblem(response, 401, 'unauthenticated');
  });

  it('fails at startup when a route declares no access (deny by default, R35)', async () => {
    const app = Fastify();
    await app.register(cookie);
    registerAccessControl(app, createAuthenticator(world.deps));
    const attempt = async () => {
      app.get('/undeclared', async () => ({ reachable: true }));
      await app.ready();
    };
    await expect(attempt()).rejects.toThrow(/declares no access/);
    await app.close().catch(() => undefined);
  });

  it('starts and serves when every route declares its access', async () => {
    const app = Fastify();
    await app.register(cookie);
    registerAccessControl(app, createAuthenticator(world.deps));
    app.get('/open', { config: { access: 'public' } }, async () => ({ reachable: true }));
    app.get('/closed', { config: { access: 'signed-in' } }, async () => ({ reachable: true }));
    await app.ready();
    expect((await app.inject({ method: 'GET', url: '/open' })).json()).toEqual({ reachable: true });
    expect((await app.inject({ method: 'GET', url: '/closed' })).statusCode).not.toBe(200);
    await app.close();
  });
});

// ---------------------------------------------------------------------------------------------
// Idempotency-Key (R29)

eachDatabase('http: Idempotency-Key (R29)', (world) => {
  let client: Client;
  beforeAll(async () => {
    const { admin } = await seedCommunity(world);
    client = await signIn(world.app, admin.email ?? '');
  });

  async function createdAudits(personId: string) {
    return world.deps.db
      .selectFrom('audit_events')
      .select('type')
      .where('target_id', '=', personId)
      .where('type', '=', 'Account Created')
      .execute();
  }

  it('replays the first answer for a retry with the same key and body, creating one person', async () => {
    const key = randomUUID();
    const body = { email: 'retry@example.com', givenName: 'Rita', familyName: 'Retry' };
    const first = await client.post('/api/v1/people', body, { 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const second = await client.post('/api/v1/people', body, { 'idempotency-key': key });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.headers['content-type']).toMatch(/^application\/json/);
    expect(second.json()).toEqual(first.json());

    const people = await peopleWithEmail(world, 'retry@example.com');
    expect(people).toEqual([{ id: first.json().id }]);
    expect(await createdAudits(first.json().id)).toHaveLength(1);
  });

  it('treats the same fields in another order as the same request', async () => {
    const key = randomUUID();
    const first = await client.post(
      '/api/v1/people',
      { email: 'order@example.com', givenName: 'Olga', jobTitle: 'Driver' },
      { 'idempotency-key': key },
    );
    expect(first.statusCode, first.body).toBe(201);
    const second = await client.post(
      '/api/v1/people',
      { jobTitle: 'Driver', givenName: 'Olga', email: 'order@example.com' },
      { 'idempotency-key': key },
    );
    expect(second.statusCode, second.body).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
  });

  it('replays the whole answer, including the Location of the created person', async () => {
    const key = randomUUID();
    const body = { email: 'located@example.com', givenName: 'Lou' };
    const first = await client.post('/api/v1/people', body, { 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers.location).toBe(`/api/v1/people/${first.json().id}`);
    const second = await client.post('/api/v1/people', body, { 'idempotency-key': key });
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.headers.location).toBe(first.headers.location);
  });

  it('refuses the same key with a different body with 422 idempotency_key_reused', async () => {
    const key = randomUUID();
    const first = await client.post(
      '/api/v1/people',
      { email: 'one@example.com', givenName: 'One' },
      { 'idempotency-key': key },
    );
    expect(first.statusCode, first.body).toBe(201);
    const before = await counts(world);
    const second = await client.post(
      '/api/v1/people',
      { email: 'two@example.com', givenName: 'Two' },
      { 'idempotency-key': key },
    );
    const problem = expectProblem(second, 422, 'idempotency_key_reused');
    expect(problem.detail).toMatch(/Idempotency-Key/);
    expect(await counts(world)).toEqual(before);
    expect(await peopleWithEmail(world, 'two@example.com')).toEqual([]);
  });

  it('lets exactly one of 10 parallel requests with one key act', async () => {
    const key = randomUUID();
    const body = { email: 'parallel@example.com', givenName: 'Pat' };
    const before = await counts(world);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => client.post('/api/v1/people', body, { 'idempotency-key': key })),
    );
    const fresh = responses.filter(
      (r) => r.statusCode === 201 && r.headers['idempotent-replayed'] !== 'true',
    );
    expect(fresh).toHaveLength(1);
    const id = fresh[0]?.json().id;
    for (const response of responses) {
      if (response.statusCode === 201) {
        expect(response.json().id).toBe(id);
      } else {
        expectProblem(response, 409, 'idempotency_key_in_progress');
      }
    }
    expect(await peopleWithEmail(world, 'parallel@example.com')).toEqual([{ id }]);
    const after = await counts(world);
    expect(after.people).toBe(before.people + 1);
    expect(await createdAudits(id)).toHaveLength(1);

    // Once the first has finished, a retry is answered from the stored response.
    const retry = await client.post('/api/v1/people', body, { 'idempotency-key': key });
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(id);
  });

  it('replays a refusal too, so a retry does not act the second time', async () => {
    const key = randomUUID();
    const body = { email: 'retry@example.com', givenName: 'Again' }; // taken by the first test
    const first = await client.post('/api/v1/people', body, { 'idempotency-key': key });
    expectProblem(first, 409, 'email_taken');
    const second = await client.post('/api/v1/people', body, { 'idempotency-key': key });
    expectProblem(second, 409, 'email_taken');
    expect(second.headers['idempotent-replayed']).toBe('true');
  });

  it('refuses a key longer than 255 characters with 400', async () => {
    const before = await counts(world);
    const response = await client.post(
      '/api/v1/people',
      { email: 'longkey@example.com', givenName: 'Long' },
      { 'idempotency-key': 'k'.repeat(300) },
    );
    const problem = expectProblem(response, 400, 'invalid_request');
    expect(problem.detail).toMatch(/Idempotency-Key/);
    expect(await counts(world)).toEqual(before);
    expect(await peopleWithEmail(world, 'longkey@example.com')).toEqual([]);
  });

  it('scopes keys to the caller: another admin’s request with the same key acts on its own', async () => {
    const other = await seedCommunity(world);
    const otherClient = await signIn(world.app, other.admin.email ?? '', undefined, other.slug);
    const key = randomUUID();
    const mine = await client.post(
      '/api/v1/people',
      { email: 'scoped@example.com', givenName: 'Scott' },
      { 'idempotency-key': key },
    );
    const theirs = await otherClient.post(
      '/api/v1/people',
      { email: 'scoped@example.com', givenName: 'Scott' },
      { 'idempotency-key': key },
    );
    expect(mine.statusCode).toBe(201);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().id).not.toBe(mine.json().id);
  });
});

// ---------------------------------------------------------------------------------------------
// Health and metrics

eachDatabase('http: health and metrics', (world) => {
  it('answers /healthz with 200 ok', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: world.dialect });
  });

  it('exposes Prometheus metrics labelled by route template, never by raw id', async () => {
    const { admin } = await seedCommunity(world);
    const client = await signIn(world.app, admin.email ?? '');
    const id = randomUUID();
    const lookup = await client.get(`/api/v1/people/${id}`);
    expectProblem(lookup, 404, 'not_found');
    const stray = `stray-${randomBytes(4).toString('hex')}`;
    await world.app.inject({ method: 'GET', url: `/api/v1/${stray}` });

    const response = await world.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const text = response.body;
    expect(text).toContain('# TYPE muster_http_request_duration_seconds histogram');
    expect(text).toMatch(
      /muster_http_request_duration_seconds_count\{[^}]*route="\/api\/v1\/people\/:id"[^}]*status="404"[^}]*\} 1/,
    );
    expect(text).not.toContain(id);
    expect(text).not.toContain(stray);
  });
});

// ---------------------------------------------------------------------------------------------
// R32: no secret reaches a log (the real server, its real stdout)

describe('logs never hold secrets (R32)', CLI_TIMEOUT, () => {
  let dir: string;
  let server: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    await ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'muster-logs-'));
  }, 180_000);

  afterAll(async () => {
    await stopChild(server);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps passwords, session tokens and URL tokens out of the server log', async () => {
    const databaseUrl = `sqlite:${join(dir, 'm.db')}`;
    const firstPassword = `first-${randomBytes(6).toString('hex')}-pass`;
    const secondPassword = `second-${randomBytes(6).toString('hex')}-pass`;
    const setup = await runCli(
      [
        'setup',
        '--community',
        'Log Test',
        '--slug',
        'logs',
        '--admin-email',
        'admin@logs.test',
        '--admin-password',
        firstPassword,
      ],
      { MUSTER_DATABASE_URL: databaseUrl },
    );
    expect(setup.code, setup.stderr).toBe(0);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['bin/muster.js', 'serve'], {
      cwd: ROOT,
      env: childEnv({
        MUSTER_DATABASE_URL: databaseUrl,
        PORT: String(port),
        MUSTER_HOST: '127.0.0.1',
        MUSTER_PUBLIC_URL: base,
        MUSTER_LOG_LEVEL: 'info',
      }),
    });
    server.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    server.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    await waitFor(
      'the server to listen',
      () => output.includes('Muster is running'),
      () => output,
    );

    const json = { 'content-type': 'application/json' };
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ identifier: 'admin@logs.test', password: firstPassword }),
    });
    expect(login.status).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const setCookie = login.headers.getSetCookie().find((c) => c.startsWith('muster_session='));
    const sessionToken = setCookie?.split(';')[0]?.slice('muster_session='.length) ?? '';
    expect(sessionToken.length).toBeGreaterThanOrEqual(22);
    const auth = { ...json, cookie: `muster_session=${sessionToken}`, 'x-csrf-token': csrfToken };

    const me = await fetch(`${base}/api/v1/me`, { headers: auth });
    expect(me.status).toBe(200);
    const changed = await fetch(`${base}/api/v1/me/password`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ currentPassword: firstPassword, newPassword: secondPassword }),
    });
    expect(changed.status).toBe(200);
    // A failed sign-in with the old password, and a body that breaks while carrying a password.
    const failed = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ identifier: 'admin@logs.test', password: firstPassword }),
    });
    expect(failed.status).toBe(401);
    const broken = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: json,
      body: `{"identifier":"admin@logs.test","password":"${secondPassword}"`,
    });
    expect(broken.status).toBe(400);
    const page = await fetch(`${base}/setup?token=XYZSECRET`);
    expect(page.status).toBe(200);
    const setupPost = await fetch(`${base}/api/v1/setup?token=XYZSECRET`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        token: 'XYZBODYSECRET',
        community: { name: 'Other', slug: 'other' },
        admin: { email: 'a@other.test', password: 'XYZBODYSECRET' },
      }),
    });
    expect(setupPost.status).toBe(409);

    await stopChild(server);

    // The log was written (so the test can see a leak), and it kept the URLs' shape.
    expect(output).toContain('"url":"/setup?token=[redacted]"');
    expect(output).toContain('/api/v1/me/password');
    for (const secret of [
      firstPassword,
      secondPassword,
      sessionToken,
      csrfToken,
      'XYZSECRET',
      'XYZBODYSECRET',
    ]) {
      expect(output, `the log holds ${secret}`).not.toContain(secret);
    }
  });
});

// The development inbox shows claim links and codes to anyone: it must only exist on a machine's
// own address with the console provider (R32, R35).
eachDatabase(
  'http: development inbox on a local server',
  (world) => {
    it('serves the development inbox without signing in when Muster runs on localhost', async () => {
      const response = await world.app.inject({ method: 'GET', url: '/api/v1/dev/sms' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ items: [] });
    });
  },
  { config: { MUSTER_PUBLIC_URL: 'http://localhost:3000' } },
);

eachDatabase('http: no development inbox on a public server', (world) => {
  it('has no development inbox when the public URL is not this machine (R32)', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/api/v1/dev/sms' });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('not_found');
  });
});
