/**
 * Person lookups over REST (SPEC §7): GET /api/v1/people/{id} by a signed-in admin, in
 * requests per second and p99, at two community sizes (the cost must stay flat), beside the
 * peer: the same HTTP framework answering a hello-world route in the same process.
 * Goals: ≥ 40 % of hello-world requests/s; p99 < 20 ms; flat from 1k to 1M people.
 *
 *   npm run bench:lookup                      (1,000 and 100,000 people, SQLite)
 *   BENCH_PEOPLE=1000,1000000 npm run bench:lookup
 *   MUSTER_DATABASE_URL=postgres://… npm run bench:lookup
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { newId } from '../src/crypto/random.js';
import { openDeps } from '../src/main.js';
import { newPersonRow } from '../src/people/person.row.js';
import { createCommunityWithAdmin, newCommunitySchema } from '../src/setup/create-community.js';
import { capabilitiesOf } from '../src/storage/db.js';
import { load } from './load.js';

const SIZES = (process.env.BENCH_PEOPLE ?? '1000,100000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 16;
const PASSWORD = 'a long enough bench password';

const measure = (url: string, paths: string[], headers: Record<string, string> = {}) =>
  load({ url, paths, headers, duration: SECONDS, connections: CONNECTIONS });

// Peer: the framework alone.
const hello = Fastify();
hello.get('/hello', async () => ({ hello: 'world' }));
const helloUrl = await hello.listen({ port: 0, host: '127.0.0.1' });
const peer = await measure(helloUrl, ['/hello']);
await hello.close();
console.log(
  `Person lookups over REST; peer: Fastify hello-world ${peer.rps.toFixed(0)} req/s, p99 ${peer.p99} ms`,
);

for (const size of SIZES) {
  const dir = mkdtempSync(join(tmpdir(), 'muster-bench-'));
  const databaseUrl = process.env.MUSTER_DATABASE_URL ?? `sqlite:${join(dir, 'bench.db')}`;
  const config = loadConfig({
    MUSTER_LOG_LEVEL: 'silent',
    MUSTER_DATABASE_URL: databaseUrl,
    MUSTER_SECRET_KEY: randomBytes(32).toString('hex'),
  });
  const { deps, close } = await openDeps(config, () => undefined);
  const slug = `bench${size}x${Date.now()}`;
  const { community } = await createCommunityWithAdmin({
    deps,
    community: newCommunitySchema.parse({ name: 'Bench', slug }),
    admin: { displayName: 'Admin', email: `admin@${slug}.test`, password: PASSWORD },
    meta: { ip: null, requestId: null, userAgent: null },
  });
  const ids: string[] = [];
  const now = new Date().toISOString();
  for (let start = 0; start < size; start += 500) {
    const rows = Array.from({ length: Math.min(500, size - start) }, (_, j) => {
      const id = newId(new Date());
      if ((start + j) % Math.max(1, Math.floor(size / 1000)) === 0) ids.push(id);
      return newPersonRow({
        id,
        communityId: community.id,
        login: { kind: 'email', value: `p${start + j}@${slug}.test` },
        displayName: `Person ${start + j}`,
        now,
      });
    });
    await deps.db.insertInto('people').values(rows).execute();
  }
  const app = await buildApp(deps);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ community: slug, identifier: `admin@${slug}.test`, password: PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const lookups = await measure(
    url,
    ids.map((id) => `/api/v1/people/${id}`),
    { cookie },
  );
  console.log(
    `  ${size.toLocaleString('en').padStart(9)} people on ${capabilitiesOf(deps.db).name}: ${lookups.rps.toFixed(0).padStart(6)} req/s = ${((lookups.rps / peer.rps) * 100).toFixed(0)}% of hello-world (goal ≥ 40%), p99 ${lookups.p99} ms (goal < 20 ms), failures ${lookups.failures}`,
  );
  await app.close();
  await close();
  rmSync(dir, { recursive: true, force: true });
}
