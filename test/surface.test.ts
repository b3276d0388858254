import { existsSync, readdirSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import {
  activateWithPassword,
  type Client,
  eachDatabase,
  expectProblem,
  seedCommunity,
  signIn,
  type World,
} from './harness.js';

// The HTTP surface as a prober sees it (R35, R37): headers on every answer, no cached secrets,
// /metrics and the development inbox closed to everyone but this machine, and sessions of a
// system admin hidden from account managers.

const ASSETS_DIR = new URL('../dist/public/assets/', import.meta.url);
/** One hashed asset of the built web app, or null when it has not been built. */
const someAsset = existsSync(ASSETS_DIR)
  ? (readdirSync(ASSETS_DIR).find((name) => name.endsWith('.js')) ?? null)
  : null;

/** Answers of every kind: JSON, problems from the error and not-found handlers, pages, assets. */
async function answersOfEveryKind(app: FastifyInstance): Promise<Record<string, LightMyRequestResponse>> {
  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });
  return {
    'API JSON': await get('/api/v1/openapi.json'),
    healthz: await get('/healthz'),
    metrics: await get('/metrics'),
    'refused by access control (error handler)': await get('/api/v1/people'),
    'broken JSON (error handler)': await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"identifier":',
    }),
    'unknown API path': await get('/api/v1/no-such-thing'),
    'unknown route (not-found handler)': await app.inject({ method: 'POST', url: '/no-such-thing' }),
    page: await get('/login'),
    'claim page': await get('/claim/abcdefghijklmnopqrstuv'),
    'missing asset': await get('/assets/no-such-file.js'),
    ...(someAsset ? { asset: await get(`/assets/${someAsset}`) } : {}),
  };
}

eachDatabase('surface: security headers over http', (world) => {
  it('sends nosniff and Cross-Origin-Opener-Policy on every answer, and no HSTS over http (R37)', async () => {
    const answers = await answersOfEveryKind(world.app);
    expect(answers['unknown route (not-found handler)']?.statusCode).toBe(404);
    expect(answers['broken JSON (error handler)']?.statusCode).toBe(400);
    expect(answers['refused by access control (error handler)']?.statusCode).toBe(401);
    for (const [kind, response] of Object.entries(answers)) {
      expect(response.headers['x-content-type-options'], kind).toBe('nosniff');
      expect(response.headers['cross-origin-opener-policy'], kind).toBe('same-origin');
      expect(response.headers['strict-transport-security'], kind).toBeUndefined();
    }
  });

  it('answers a URL Fastify cannot decode with a problem and the same headers (R37)', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/api/v1/people/%zz' });
    expectProblem(response, 400, 'invalid_request');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
  });
});

eachDatabase(
  'surface: security headers over https',
  (world) => {
    it('adds HSTS to every answer when the public URL is https (R37)', async () => {
      const answers = await answersOfEveryKind(world.app);
      for (const [kind, response] of Object.entries(answers)) {
        expect(response.headers['strict-transport-security'], kind).toBe(
          'max-age=31536000; includeSubDomains',
        );
        expect(response.headers['x-content-type-options'], kind).toBe('nosniff');
        expect(response.headers['cross-origin-opener-policy'], kind).toBe('same-origin');
      }
    });
  },
  { config: { MUSTER_PUBLIC_URL: 'https://muster.example' } },
);

eachDatabase('surface: pages are never cached', (world) => {
  it('serves every page of the web app with no-store, and hashed assets for a year (R37)', async () => {
    for (const url of [
      '/',
      '/login',
      '/claim/abcdefghijklmnopqrstuv',
      '/setup?token=abcdefghij',
      '/people',
    ]) {
      const response = await world.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
    if (someAsset) {
      const asset = await world.app.inject({ method: 'GET', url: `/assets/${someAsset}` });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// /metrics

const PROXY_HEADERS = [
  { 'x-forwarded-for': '203.0.113.9' },
  { forwarded: 'for=203.0.113.9;proto=https' },
  { 'x-real-ip': '203.0.113.9' },
];

/** This machine's first address that is not loopback, to call a listening server from "elsewhere". */
function nonLoopbackAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces())) {
    const found = addresses?.find((a) => a.family === 'IPv4' && !a.internal);
    if (found) return found.address;
  }
  return null;
}

eachDatabase('surface: /metrics without a scrape token', (world) => {
  it('answers a direct caller on this machine (R37)', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('muster_http_request_duration_seconds');
  });

  it('is not found for a caller through a proxy or from another machine (R37)', async () => {
    for (const headers of PROXY_HEADERS) {
      const response = await world.app.inject({ method: 'GET', url: '/metrics', headers });
      const problem = expectProblem(response, 404, 'not_found');
      expect(response.body, JSON.stringify(headers)).not.toContain('muster_http');
      // Worded as for any path that does not exist: the answer does not reveal /metrics is there.
      expect(problem.detail).toBe('There is no GET /metrics here. See /api/v1/openapi.json.');
    }
    const remote = await world.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '192.0.2.44' });
    expectProblem(remote, 404, 'not_found');
  });

  it.skipIf(nonLoopbackAddress() === null)(
    'is not found over a real connection from a non-loopback address (R37)',
    async () => {
      const host = nonLoopbackAddress() ?? '';
      const app = world.app;
      // The shared app listens on this one address only; afterAll closes it with the app.
      const address = await app.listen({ host, port: 0 });
      const response = await fetch(`${address}/metrics`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { code: string }).code).toBe('not_found');
    },
  );
});

const METRICS_TOKEN = 'scrape-token-0123456789abcdef';

eachDatabase(
  'surface: /metrics with a scrape token',
  (world) => {
    const scrape = (headers: Record<string, string>, remoteAddress?: string) =>
      world.app.inject({
        method: 'GET',
        url: '/metrics',
        headers,
        ...(remoteAddress ? { remoteAddress } : {}),
      });

    it('answers the bearer of the token, from anywhere (R37)', async () => {
      const direct = await scrape({ authorization: `Bearer ${METRICS_TOKEN}` });
      expect(direct.statusCode).toBe(200);
      expect(direct.body).toContain('muster_http_request_duration_seconds');
      const proxied = await scrape(
        { authorization: `bearer ${METRICS_TOKEN}`, 'x-forwarded-for': '203.0.113.9' },
        '192.0.2.44',
      );
      expect(proxied.statusCode).toBe(200);
    });

    it('refuses everyone else with 401 and WWW-Authenticate: Bearer, even on this machine (R37)', async () => {
      const refused: Record<string, string>[] = [
        {},
        { authorization: 'Bearer wrong-token-0123456789abcdef' },
        { authorization: `Bearer ${METRICS_TOKEN}x` },
        { authorization: `Bearer ${METRICS_TOKEN.slice(0, -1)}` },
        { authorization: `Basic ${Buffer.from(`prometheus:${METRICS_TOKEN}`).toString('base64')}` },
        { authorization: METRICS_TOKEN },
      ];
      for (const headers of refused) {
        const response = await scrape(headers);
        expectProblem(response, 401, 'unauthenticated');
        expect(response.headers['www-authenticate'], JSON.stringify(headers)).toBe('Bearer');
        expect(response.body).not.toContain('muster_http');
      }
    });
  },
  { config: { MUSTER_METRICS_TOKEN: METRICS_TOKEN } },
);

// ---------------------------------------------------------------------------------------------
// The development inbox

eachDatabase(
  'surface: development inbox by default on a local server',
  (world) => {
    it('still serves the walk-through on this machine (R32)', async () => {
      const response = await world.app.inject({ method: 'GET', url: '/api/v1/dev/sms' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ items: [] });
    });

    it('refuses a caller that comes through a proxy (R32, R37)', async () => {
      for (const headers of PROXY_HEADERS) {
        const response = await world.app.inject({ method: 'GET', url: '/api/v1/dev/sms', headers });
        const problem = expectProblem(response, 403, 'forbidden');
        expect(problem.detail).toMatch(/machine Muster runs on/);
      }
    });

    it.skipIf(nonLoopbackAddress() === null)(
      'refuses a real connection from a non-loopback address (R32)',
      async () => {
        const address = await world.app.listen({ host: nonLoopbackAddress() ?? '', port: 0 });
        const response = await fetch(`${address}/api/v1/dev/sms`);
        expect(response.status).toBe(403);
        expect(((await response.json()) as { code: string }).code).toBe('forbidden');
      },
    );
  },
  { config: { MUSTER_PUBLIC_URL: 'http://localhost:3000' } },
);

eachDatabase(
  'surface: development inbox turned off',
  (world) => {
    it('has no development inbox with MUSTER_DEV_INBOX=0, even on a local server (R32)', async () => {
      expectProblem(await world.app.inject({ method: 'GET', url: '/api/v1/dev/sms' }), 404, 'not_found');
    });
  },
  { config: { MUSTER_PUBLIC_URL: 'http://localhost:3000', MUSTER_DEV_INBOX: '0' } },
);

eachDatabase(
  'surface: development inbox turned on without the console provider',
  (world) => {
    it('has no development inbox when texts do not go to the console (R32)', async () => {
      expectProblem(await world.app.inject({ method: 'GET', url: '/api/v1/dev/sms' }), 404, 'not_found');
    });
  },
  {
    config: {
      MUSTER_PUBLIC_URL: 'http://localhost:3000',
      MUSTER_DEV_INBOX: '1',
      MUSTER_SMS_PROVIDER: 'webhook',
      // Never called: this block sends nothing.
      MUSTER_SMS_WEBHOOK_URL: 'http://127.0.0.1:9/sms',
      MUSTER_SMS_WEBHOOK_SECRET: 'never-used-secret-0123456789',
    },
  },
);

// ---------------------------------------------------------------------------------------------
// Sessions of a system admin (R35)

const STAFF_PASSWORD = 'warehouse night shift';

async function staffMember(
  world: World,
  admin: Client,
  slug: string,
  role: 'system_admin' | 'account_manager',
) {
  const login = `${role}-${Math.random().toString(36).slice(2, 8)}@surface.test`;
  const created = await admin.post('/api/v1/people', { email: login, displayName: `Staff ${role}` });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const promoted = await admin.put(`/api/v1/people/${id}/role`, { role });
  expect(promoted.statusCode, promoted.body).toBe(200);
  await activateWithPassword(world, id, STAFF_PASSWORD);
  return { id, client: await signIn(world.app, login, STAFF_PASSWORD, slug) };
}

eachDatabase('surface: sessions of a system admin', (world) => {
  it("refuses an account manager a system admin's sessions, and lets a system admin see them (R35)", async () => {
    const { admin, slug } = await seedCommunity(world);
    const adminClient = await signIn(world.app, admin.email ?? '', undefined, slug);
    const manager = await staffMember(world, adminClient, slug, 'account_manager');
    const otherAdmin = await staffMember(world, adminClient, slug, 'system_admin');

    expectProblem(
      await manager.client.get(`/api/v1/people/${admin.id}/sessions`),
      403,
      'target_outranks_actor',
    );
    expectProblem(
      await manager.client.get(`/api/v1/people/${otherAdmin.id}/sessions`),
      403,
      'target_outranks_actor',
    );

    const byAdmin = await otherAdmin.client.get(`/api/v1/people/${admin.id}/sessions`);
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect(byAdmin.json().items.length).toBeGreaterThan(0);
    // An account manager still sees the sessions of the people they look after, and their own.
    const ofManager = await manager.client.get(`/api/v1/people/${manager.id}/sessions`);
    expect(ofManager.statusCode, ofManager.body).toBe(200);
    expect(ofManager.json().items.length).toBeGreaterThan(0);
  });

  it("answers 404 for another community's person before any role check (R35)", async () => {
    const a = await seedCommunity(world);
    const b = await seedCommunity(world);
    const adminA = await signIn(world.app, a.admin.email ?? '', undefined, a.slug);
    const managerA = await staffMember(world, adminA, a.slug, 'account_manager');
    expectProblem(await managerA.client.get(`/api/v1/people/${b.admin.id}/sessions`), 404, 'not_found');
    expectProblem(await adminA.get(`/api/v1/people/${b.admin.id}/sessions`), 404, 'not_found');
  });
});
