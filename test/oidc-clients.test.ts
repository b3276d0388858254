import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, eachDatabase, expectProblem, seedCommunity, signIn, type World } from './harness.js';
import { CLI_TIMEOUT, ensureBuilt, runCli, setUpAcme } from './processes.js';

// R60: the client apps a community's system admins register for Sign in with Muster — through
// the API (the admin panel's Apps page uses the same), and the operator's CLI.

const CALLBACK = 'https://intranet.example/callback';

/** The provider's token endpoint, asked with HTTP Basic client authentication (client_secret_basic). */
function tokenRequest(world: World, clientId: string, secret: string) {
  return world.app.inject({
    method: 'POST',
    url: '/oidc/token',
    headers: {
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: 'grant_type=refresh_token&refresh_token=not-a-real-one',
  });
}

eachDatabase('client apps of Sign in with Muster (R60)', (world) => {
  let admin: Client;
  let otherAdmin: Client;

  beforeAll(async () => {
    const a = await seedCommunity(world);
    admin = await signIn(world.app, a.admin.email ?? '', undefined, a.slug);
    const b = await seedCommunity(world);
    otherAdmin = await signIn(world.app, b.admin.email ?? '', undefined, b.slug);
  });

  const register = (body: Record<string, unknown>, by: Client = admin) =>
    by.post('/api/v1/oidc/clients', { name: 'Intranet', redirectUris: [CALLBACK], ...body });

  it('registers a confidential app with a secret shown once, sealed at rest and never listed (R32, R36)', async () => {
    const created = await register({ backchannelLogoutUri: 'http://10.1.2.3/logout' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const app = created.json();
    expect(app).toMatchObject({
      name: 'Intranet',
      redirectUris: [CALLBACK],
      backchannelLogoutUri: 'http://10.1.2.3/logout',
      firstParty: false,
      public: false,
      tokenEndpointAuthMethod: 'client_secret_basic',
    });
    expect(app.clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const listed = (await admin.get('/api/v1/oidc/clients')).json().items;
    expect(listed.find((item: { clientId: string }) => item.clientId === app.clientId)).not.toHaveProperty(
      'clientSecret',
    );
    const row = await world.deps.db
      .selectFrom('oidc_clients')
      .selectAll()
      .where('id', '=', app.clientId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(app.clientSecret);
    expect((await tokenRequest(world, app.clientId, app.clientSecret)).json().error).toBe('invalid_grant');
    const audit = await world.deps.db
      .selectFrom('audit_events')
      .select(['type', 'details'])
      .where('target_id', '=', app.clientId)
      .execute();
    expect(audit.map((event) => event.type)).toEqual(['App Registered', 'App Sign-in Refused']);
    expect(JSON.stringify(audit)).not.toContain(app.clientSecret);
  });

  it('takes https redirect URIs, and plain http only on loopback (RFC 8252)', async () => {
    for (const uri of ['http://127.0.0.1:8400/callback', 'http://[::1]/cb', 'http://localhost:3000/cb']) {
      expect((await register({ redirectUris: [uri], public: true })).statusCode, uri).toBe(201);
    }
    for (const uri of [
      'http://intranet.example/callback',
      'http://10.0.0.5/callback',
      'com.example.app:/callback',
      'https://intranet.example/callback#done',
      'javascript:alert(1)',
      'not a url',
    ]) {
      const refused = expectProblem(
        await register({ redirectUris: [CALLBACK, uri] }),
        400,
        'oidc_client_invalid',
      );
      expect(refused.errors?.[0]?.path, uri).toBe('redirectUris.1');
    }
    expectProblem(
      await register({ postLogoutRedirectUris: ['http://intranet.example/bye'] }),
      400,
      'oidc_client_invalid',
    );
    expectProblem(await register({ backchannelLogoutUri: 'ftp://10.0.0.5/x' }), 400, 'oidc_client_invalid');
  });

  it('takes public keys for private_key_jwt, never a private key, and no keys for a public app', async () => {
    const jwk = {
      kty: 'EC',
      crv: 'P-256',
      x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
      y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
    };
    const withKeys = await register({ jwks: { keys: [jwk] } });
    expect(withKeys.statusCode, withKeys.body).toBe(201);
    expect(withKeys.json()).toMatchObject({ tokenEndpointAuthMethod: 'private_key_jwt' });
    expect(withKeys.json().clientSecret).toBeUndefined();
    expectProblem(
      await register({ jwks: { keys: [{ ...jwk, d: 'jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI' }] } }),
      400,
      'oidc_client_invalid',
    );
    expectProblem(await register({ public: true, jwks: { keys: [jwk] } }), 400, 'oidc_client_invalid');
    expectProblem(
      await admin.post(`/api/v1/oidc/clients/${withKeys.json().clientId}/secret`),
      409,
      'oidc_client_secretless',
    );
  });

  it('changes an app’s addresses and first-party mark, and keeps how it authenticates', async () => {
    const app = (await register({})).json();
    const changed = await admin.patch(`/api/v1/oidc/clients/${app.clientId}`, {
      name: 'Intranet (new)',
      redirectUris: ['https://intranet.example/oidc'],
      firstParty: true,
      backchannelLogoutUri: null,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      name: 'Intranet (new)',
      redirectUris: ['https://intranet.example/oidc'],
      firstParty: true,
      backchannelLogoutUri: null,
      public: false,
    });
    // An empty change changes nothing (no default sneaks in).
    expect((await admin.patch(`/api/v1/oidc/clients/${app.clientId}`, {})).json().firstParty).toBe(true);
    expectProblem(
      await admin.patch(`/api/v1/oidc/clients/${app.clientId}`, { jwks: { keys: [{ kty: 'oct' }] } }),
      400,
      'oidc_client_invalid',
    );
    expect((await tokenRequest(world, app.clientId, app.clientSecret)).json().error).toBe('invalid_grant');
  });

  it('rotates a secret: the new one is shown once and the old one stops at once', async () => {
    const app = (await register({})).json();
    const rotated = await admin.post(`/api/v1/oidc/clients/${app.clientId}/secret`);
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.headers['cache-control']).toBe('no-store');
    const { clientSecret } = rotated.json();
    expect(clientSecret).not.toBe(app.clientSecret);
    const old = await tokenRequest(world, app.clientId, app.clientSecret);
    expect(old.statusCode).toBe(401);
    expect(old.json().error).toBe('invalid_client');
    expect((await tokenRequest(world, app.clientId, clientSecret)).json().error).toBe('invalid_grant');
    const publicApp = (await register({ public: true })).json();
    expectProblem(
      await admin.post(`/api/v1/oidc/clients/${publicApp.clientId}/secret`),
      409,
      'oidc_client_secretless',
    );
  });

  it('removes an app: the provider no longer knows it', async () => {
    const app = (await register({})).json();
    expect((await admin.delete(`/api/v1/oidc/clients/${app.clientId}`)).statusCode).toBe(204);
    expect((await tokenRequest(world, app.clientId, app.clientSecret)).json().error).toBe('invalid_client');
    expectProblem(await admin.delete(`/api/v1/oidc/clients/${app.clientId}`), 404, 'not_found');
  });

  it('keeps each community’s apps to itself (R35)', async () => {
    const app = (await register({})).json();
    expect((await admin.get(`/api/v1/oidc/clients/${app.clientId}`)).json()).toMatchObject({
      name: 'Intranet',
    });
    expectProblem(await otherAdmin.get(`/api/v1/oidc/clients/${app.clientId}`), 404, 'not_found');
    const items = (await otherAdmin.get('/api/v1/oidc/clients')).json().items as { clientId: string }[];
    expect(items.map((item) => item.clientId)).not.toContain(app.clientId);
    expectProblem(
      await otherAdmin.patch(`/api/v1/oidc/clients/${app.clientId}`, { name: 'Mine' }),
      404,
      'not_found',
    );
    expectProblem(await otherAdmin.post(`/api/v1/oidc/clients/${app.clientId}/secret`), 404, 'not_found');
    expectProblem(await otherAdmin.delete(`/api/v1/oidc/clients/${app.clientId}`), 404, 'not_found');
    expect((await tokenRequest(world, app.clientId, app.clientSecret)).json().error).toBe('invalid_grant');
  });

  it('registers at most 50 apps in a community, even when many are registered at once; removing one makes room', async () => {
    const c = await seedCommunity(world);
    const sysAdmin = await signIn(world.app, c.admin.email ?? '', undefined, c.slug);
    for (let i = 0; i < 46; i++) {
      const created = await register({ name: `App ${i}`, public: true }, sysAdmin);
      expect(created.statusCode, created.body).toBe(201);
    }
    const racing = await Promise.all(
      Array.from({ length: 8 }, (_, i) => register({ name: `Racing ${i}`, public: true }, sysAdmin)),
    );
    expect(racing.filter((answer) => answer.statusCode === 201)).toHaveLength(4);
    for (const refused of racing.filter((answer) => answer.statusCode !== 201)) {
      const problem = expectProblem(refused, 409, 'oidc_client_limit');
      expect(problem.detail).toMatch(/at most 50 apps/);
    }
    const items = (await sysAdmin.get('/api/v1/oidc/clients')).json().items as { clientId: string }[];
    expect(items).toHaveLength(50);
    // Another community's apps do not count.
    expect((await register({ name: 'Elsewhere', public: true })).statusCode).toBe(201);
    expect((await sysAdmin.delete(`/api/v1/oidc/clients/${items[0]?.clientId}`)).statusCode).toBe(204);
    expect((await register({ name: 'In its place', public: true }, sysAdmin)).statusCode).toBe(201);
  });
});

describe('`muster oidc` on the command line (R60)', CLI_TIMEOUT, () => {
  let dir: string;
  beforeAll(async () => {
    await ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'muster-oidc-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('registers an app, printing its client id and secret as JSON on the last line, and rotates the keys', async () => {
    const env = { MUSTER_DATABASE_URL: `sqlite:${join(dir, 'muster.db')}` };
    await setUpAcme(env);
    const created = await runCli(
      [
        'oidc',
        'client',
        'create',
        '--community',
        'acme',
        '--name',
        'Intranet',
        '--redirect-uri',
        CALLBACK,
        '--redirect-uri',
        'http://127.0.0.1:8400/callback',
        '--backchannel-logout-uri',
        'http://10.1.2.3/logout',
        '--first-party',
      ],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    const printed = JSON.parse(created.stdout.trimEnd().split('\n').at(-1) ?? '');
    expect(printed).toEqual({
      clientId: expect.any(String),
      clientSecret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });

    const publicApp = await runCli(
      [
        'oidc',
        'client',
        'create',
        '--community',
        'acme',
        '--name',
        'Rota',
        '--redirect-uri',
        CALLBACK,
        '--public',
      ],
      env,
    );
    expect(publicApp.code, publicApp.stderr).toBe(0);
    expect(Object.keys(JSON.parse(publicApp.stdout.trimEnd().split('\n').at(-1) ?? ''))).toEqual([
      'clientId',
    ]);

    const refused = await runCli(
      [
        'oidc',
        'client',
        'create',
        '--community',
        'acme',
        '--name',
        'Bad',
        '--redirect-uri',
        'http://intranet.example/cb',
      ],
      env,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/redirectUris\.0 must use https/);

    const first = await runCli(['oidc', 'rotate-keys'], env);
    expect(first.code, first.stderr).toBe(0);
    const second = await runCli(['oidc', 'rotate-keys'], env);
    const keys = JSON.parse(second.stdout.trimEnd().split('\n').at(-1) ?? '');
    expect(keys.retiredKeyId).toBe(JSON.parse(first.stdout.trimEnd().split('\n').at(-1) ?? '').newKeyId);
  });
});
