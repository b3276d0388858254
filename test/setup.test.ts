import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { issueSetupLinkIfEmpty } from '../src/setup/setup.service.js';
import { currentTotp, eachDatabase, expectProblem, signIn, type World } from './harness.js';
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

// ---------------------------------------------------------------------------------------------
// Helpers

async function countRows(world: World, table: 'communities' | 'people' | 'audit_events') {
  const row = await world.deps.db
    .selectFrom(table)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function tokenOf(link: string | null): string {
  expect(link).toMatch(/^http:\/\/muster\.test\/setup\?token=[A-Za-z0-9_-]{43}$/);
  return new URL(link ?? '').searchParams.get('token') ?? '';
}

const ADMIN_PASSWORD = 'a long setup password';

function setupBody(token: string, slug = 'acme', email = 'ada@acme.test') {
  return {
    token,
    community: { name: 'Acme Foods', slug, timeZone: 'Europe/London', defaultCountry: 'GB' },
    admin: { displayName: 'Ada Admin', email, password: ADMIN_PASSWORD },
  };
}

function postSetup(world: World, body: unknown) {
  return world.app.inject({ method: 'POST', url: '/api/v1/setup', payload: body as object });
}

const setupArgs = (slug: string, email: string, password: string) => [
  'setup',
  '--community',
  'Acme',
  '--slug',
  slug,
  '--admin-email',
  email,
  '--admin-password',
  password,
];

// ---------------------------------------------------------------------------------------------
// First-run setup through the API

eachDatabase('first-run setup', (world) => {
  it('reports that setup is needed on an empty database', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/api/v1/setup' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ setupDone: false });
  });

  it('serves the setup page (the web app) with a strict Content-Security-Policy', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/setup?token=whatever' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const csp = String(response.headers['content-security-policy'] ?? '');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    // The token is in the address: no referrer may carry it to another site.
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.body).toMatch(/id="root"|npm run build/);
  });

  it('refuses a wrong token with 403 and creates nothing', async () => {
    tokenOf(await issueSetupLinkIfEmpty(world.deps));
    const response = await postSetup(world, setupBody(randomBytes(32).toString('base64url')));
    const problem = expectProblem(response, 403, 'setup_token_invalid');
    expect(problem.detail).toMatch(/setup link/);
    expect(await countRows(world, 'communities')).toBe(0);
    expect(await countRows(world, 'people')).toBe(0);
  });

  it('refuses an expired token (older than 24 hours) with 403', async () => {
    const token = tokenOf(await issueSetupLinkIfEmpty(world.deps));
    world.clock.advance(25 * 3_600_000);
    const response = await postSetup(world, setupBody(token));
    expectProblem(response, 403, 'setup_token_invalid');
    expect(await countRows(world, 'communities')).toBe(0);
    expect(await countRows(world, 'people')).toBe(0);
  });

  it('refuses an invalid body with 400 and does not use up the token', async () => {
    const token = tokenOf(await issueSetupLinkIfEmpty(world.deps));
    const badSlug = await postSetup(world, {
      ...setupBody(token),
      community: { name: 'Acme', slug: 'Not A Slug!' },
    });
    const problem = expectProblem(badSlug, 400, 'invalid_request');
    expect(problem.detail).toContain('slug');
    const shortPassword = await postSetup(world, {
      ...setupBody(token),
      admin: { email: 'ada@acme.test', password: 'short' },
    });
    expectProblem(shortPassword, 400, 'password_too_short');
    expect(await countRows(world, 'communities')).toBe(0);
    const used = await world.deps.db
      .selectFrom('setup_tokens')
      .select('used_at')
      .where('used_at', 'is not', null)
      .execute();
    expect(used).toEqual([]);
  });

  it('creates the community and its admin with a fresh link; the admin can sign in', async () => {
    const token = tokenOf(await issueSetupLinkIfEmpty(world.deps));
    // Opening the link (as a link-preview bot would) changes nothing.
    const opened = await world.app.inject({ method: 'GET', url: `/setup?token=${token}` });
    expect(opened.statusCode).toBe(200);

    const response = await postSetup(world, setupBody(token));
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ slug: 'acme' });
    expect(await countRows(world, 'communities')).toBe(1);
    expect(await countRows(world, 'people')).toBe(1);

    const admin = await world.deps.db.selectFrom('people').selectAll().executeTakeFirstOrThrow();
    expect(admin).toMatchObject({
      id: created.adminId,
      community_id: created.communityId,
      email: 'ada@acme.test',
      role: 'system_admin',
    });
    expect(admin.password_hash).not.toContain(ADMIN_PASSWORD);

    const status = await world.app.inject({ method: 'GET', url: '/api/v1/setup' });
    expect(status.json()).toEqual({ setupDone: true });

    const client = await signIn(world.app, 'ada@acme.test', ADMIN_PASSWORD);
    const me = await client.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().person.role).toBe('system_admin');
    expect(me.json().community.slug).toBe('acme');

    // Used once, the token is gone; and setup is over for every other token too.
    const again = await postSetup(world, setupBody(token, 'acme-two', 'eve@acme.test'));
    expect([403, 409]).toContain(again.statusCode);
    expectProblem(
      again,
      again.statusCode,
      again.statusCode === 403 ? 'setup_token_invalid' : 'setup_already_done',
    );
    expect(await countRows(world, 'communities')).toBe(1);
    expect(await countRows(world, 'people')).toBe(1);
  });

  it('issues no setup link once a community exists', async () => {
    expect(await issueSetupLinkIfEmpty(world.deps)).toBeNull();
  });

  it('audits the setup (R36)', async () => {
    const types = await world.deps.db.selectFrom('audit_events').select('type').orderBy('id').execute();
    // Then the admin's own sign-in from the test above, which set up their authenticator (R40).
    expect(types.map((t) => t.type)).toEqual([
      'Community Created',
      'Account Created',
      'Logged in',
      'Two-Factor Setup Started',
      'Two-Factor Authentication Enabled',
    ]);
  });
});

eachDatabase('first-run setup race', (world) => {
  it('lets exactly one of 8 parallel setups with one token succeed', async () => {
    const token = tokenOf(await issueSetupLinkIfEmpty(world.deps));
    // Different slugs and emails: only the token may stop the seven others.
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        postSetup(world, setupBody(token, `race-${i}`, `admin${i}@race.test`)),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    for (const response of responses) {
      if (response.statusCode === 201) continue;
      expect([403, 409]).toContain(response.statusCode);
      expectProblem(
        response,
        response.statusCode,
        response.statusCode === 403 ? 'setup_token_invalid' : 'setup_already_done',
      );
    }
    expect(await countRows(world, 'communities')).toBe(1);
    expect(await countRows(world, 'people')).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// The CLI, as a real process

describe('muster CLI', CLI_TIMEOUT, () => {
  let dir: string;
  /** Every server this suite starts; afterAll stops whichever a failed test left running. */
  const servers: ChildProcess[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'muster-cli-'));
  }, 180_000);

  afterAll(async () => {
    for (const server of servers) await stopChild(server);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('sets up a community from the command line, refuses a taken slug, then serves it', async () => {
    const databaseUrl = `sqlite:${join(dir, 'm.db')}`;
    const env = { MUSTER_DATABASE_URL: databaseUrl };

    const first = await runCli(setupArgs('acme', 'admin@acme.test', 'long enough pw'), env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Created community "Acme" (acme)');
    expect(first.stdout).toContain('admin@acme.test');
    expect(first.stdout).not.toContain('long enough pw');

    const again = await runCli(setupArgs('acme', 'other@acme.test', 'long enough pw'), env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('"acme"');
    expect(again.stderr).toMatch(/taken/);
    // A person's sentence, not a stack trace.
    expect(again.stderr).not.toMatch(/\n\s+at /);

    const short = await runCli(setupArgs('acme-two', 'admin@two.test', 'short'), env);
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 8 characters/);
    expect(short.stderr).not.toMatch(/\n\s+at /);

    const invalid = await runCli(setupArgs('Not A Slug', 'admin@three.test', 'long enough pw'), env);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('slug');

    // Only the first setup wrote anything.
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let output = '';
    const server = spawn(process.execPath, ['bin/muster.js', 'serve'], {
      cwd: ROOT,
      env: childEnv({
        ...env,
        PORT: String(port),
        MUSTER_HOST: '127.0.0.1',
        MUSTER_PUBLIC_URL: base,
        MUSTER_LOG_LEVEL: 'warn',
      }),
    });
    servers.push(server);
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
    // Already set up: no setup link is printed.
    expect(output).not.toContain('/setup?token=');

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: 'admin@acme.test', password: 'long enough pw' }),
    });
    expect(login.status).toBe(200);
    const signedIn = (await login.json()) as {
      person: { role: string };
      community: { slug: string };
      csrfToken: string;
      secondFactor: string;
    };
    expect(signedIn.person.role).toBe('system_admin');
    expect(signedIn.community.slug).toBe('acme');
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('muster_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    const me = await fetch(`${base}/api/v1/me`, { headers: { cookie: cookie?.split(';')[0] ?? '' } });
    expect(me.status).toBe(200);

    // R40: the new system admin sets up an authenticator before using admin pages.
    expect(signedIn.secondFactor).toBe('enrollment_required');
    const early = await fetch(`${base}/api/v1/people`, { headers: { cookie: cookie?.split(';')[0] ?? '' } });
    expect(early.status).toBe(403);
    expect(((await early.json()) as { code: string }).code).toBe('totp_enrollment_required');
    const started = await fetch(`${base}/api/v1/me/totp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: cookie?.split(';')[0] ?? '',
        'x-csrf-token': signedIn.csrfToken,
      },
      body: JSON.stringify({ password: 'long enough pw' }),
    });
    expect(started.status).toBe(200);
    const enrolment = (await started.json()) as { secret: string; csrfToken: string };
    const enrolled = started.headers.getSetCookie().find((c) => c.startsWith('muster_session='));
    const confirmed = await fetch(`${base}/api/v1/me/totp/confirm`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: enrolled?.split(';')[0] ?? '',
        'x-csrf-token': enrolment.csrfToken,
      },
      body: JSON.stringify({ code: currentTotp(enrolment.secret, new Date()) }),
    });
    expect(confirmed.status).toBe(200);

    const people = await fetch(`${base}/api/v1/people`, {
      headers: { cookie: enrolled?.split(';')[0] ?? '' },
    });
    expect(people.status).toBe(200);
    expect(((await people.json()) as { items: unknown[] }).items).toHaveLength(1);

    await stopChild(server);
    expect(server.exitCode).toBe(0);
  });

  it('prints a setup link when serving an empty database', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let output = '';
    const child = spawn(process.execPath, ['bin/muster.js', 'serve'], {
      cwd: ROOT,
      env: childEnv({
        MUSTER_DATABASE_URL: `sqlite:${join(dir, 'empty.db')}`,
        PORT: String(port),
        MUSTER_HOST: '127.0.0.1',
        MUSTER_PUBLIC_URL: base,
        MUSTER_LOG_LEVEL: 'warn',
      }),
    });
    servers.push(child);
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    await waitFor(
      'the setup link',
      () => /\/setup\?token=\S+/.test(output),
      () => output,
    );
    const link = output.match(/(http:\/\/\S+\/setup\?token=\S+)/)?.[1] ?? '';
    const token = new URL(link).searchParams.get('token') ?? '';
    expect(link.startsWith(`${base}/setup?token=`)).toBe(true);

    const response = await fetch(`${base}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token,
        community: { name: 'Printed', slug: 'printed' },
        admin: { email: 'admin@printed.test', password: 'long enough pw' },
      }),
    });
    expect(response.status).toBe(201);
    await stopChild(child);
  });

  it('migrates, reverts the newest migration with --down, and migrates again', async () => {
    const env = { MUSTER_DATABASE_URL: `sqlite:${join(dir, 'migrate.db')}` };
    const up = await runCli(['migrate'], env);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stdout).toMatch(/^Applied: 0001_initial/);

    const nothing = await runCli(['migrate'], env);
    expect(nothing.code, nothing.stderr).toBe(0);
    expect(nothing.stdout).toContain('Nothing to do.');

    const down = await runCli(['migrate', '--down'], env);
    expect(down.code, down.stderr).toBe(0);
    const reverted = down.stdout.match(/^Reverted: (\S+)/)?.[1];
    expect(reverted).toMatch(/^\d{4}_/);

    const upAgain = await runCli(['migrate'], env);
    expect(upAgain.code, upAgain.stderr).toBe(0);
    expect(upAgain.stdout.trim()).toBe(`Applied: ${reverted}`);

    // The schema works: setup against the re-migrated database succeeds.
    const setup = await runCli(setupArgs('after-migrate', 'admin@after.test', 'long enough pw'), env);
    expect(setup.code, setup.stderr).toBe(0);
  });

  it('refuses a bad database URL with a readable message', async () => {
    const result = await runCli(['migrate'], { MUSTER_DATABASE_URL: 'mysql://localhost/muster' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('MUSTER_DATABASE_URL');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.runIf(inject('postgresUrl') !== null)('sets up a community on PostgreSQL', async () => {
    const adminUrl = inject('postgresUrl') ?? '';
    const name = `muster_cli_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    try {
      const env = { MUSTER_DATABASE_URL: url.toString(), MUSTER_SECRET_KEY: 'ab'.repeat(32) };
      const first = await runCli(setupArgs('acme', 'admin@acme.test', 'long enough pw'), env);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toContain('Created community "Acme" (acme)');

      const again = await runCli(setupArgs('acme', 'other@acme.test', 'long enough pw'), env);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('"acme"');
      expect(again.stderr).toMatch(/taken/);

      const short = await runCli(setupArgs('acme-two', 'admin@two.test', 'short'), env);
      expect(short.code).toBe(1);
      expect(short.stderr).toMatch(/at least 8 characters/);

      const db = new pg.Client({ connectionString: url.toString() });
      await db.connect();
      try {
        const communities = await db.query('select slug from communities');
        expect(communities.rows).toEqual([{ slug: 'acme' }]);
        const people = await db.query('select email, role from people');
        expect(people.rows).toEqual([{ email: 'admin@acme.test', role: 'system_admin' }]);
      } finally {
        await db.end();
      }
    } finally {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    }
  });
});
