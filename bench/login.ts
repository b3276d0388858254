/**
 * Password sign-in throughput (SPEC §7): successful logins per second over real HTTP, beside
 * the peer that bounds them, the raw argon2id verifications per second this machine does with
 * the same parameters and the same thread pool; then the p99 latency at 70 % of that rate.
 * Goals: logins ≥ 85 % of raw verifications; p99 < 250 ms at 70 % load.
 *
 *   npm run bench:login            (SQLite)
 *   MUSTER_DATABASE_URL=postgres://… npm run bench:login
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verify } from '@node-rs/argon2';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { hashPassword } from '../src/crypto/passwords.js';
import { newId } from '../src/crypto/random.js';
import { openDeps } from '../src/main.js';
import { newPersonRow } from '../src/people/person.row.js';
import { createCommunityWithAdmin, newCommunitySchema } from '../src/setup/create-community.js';
import { capabilitiesOf } from '../src/storage/db.js';
import { load } from './load.js';

const PEOPLE = 500;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PASSWORD = 'a long enough bench password';

const dir = mkdtempSync(join(tmpdir(), 'muster-bench-'));
const databaseUrl = process.env.MUSTER_DATABASE_URL ?? `sqlite:${join(dir, 'bench.db')}`;
const config = loadConfig({
  MUSTER_LOG_LEVEL: 'silent',
  MUSTER_DATABASE_URL: databaseUrl,
  // A throw-away key: the benchmark's database is thrown away too.
  MUSTER_SECRET_KEY: randomBytes(32).toString('hex'),
  MUSTER_TRUST_PROXY: 'true',
  PORT: '0',
});
const { deps, close } = await openDeps(config, () => undefined);

// People who have claimed their accounts; one hash serves them all (each verify is still full cost).
const { community } = await createCommunityWithAdmin({
  deps,
  community: newCommunitySchema.parse({ name: 'Bench', slug: `bench${Date.now()}` }),
  admin: { displayName: 'Admin', email: 'admin@bench.test', password: PASSWORD },
  meta: { ip: null, requestId: null, userAgent: null },
});
const hash = await hashPassword(PASSWORD);
const now = new Date().toISOString();
const rows = Array.from({ length: PEOPLE }, (_, i) => ({
  ...newPersonRow({
    id: newId(new Date()),
    communityId: community.id,
    login: { kind: 'email', value: `p${i}@bench.test` },
    displayName: `P ${i}`,
    now,
  }),
  invited: 1 as const,
  claimed: 1 as const,
  password_hash: hash,
}));
for (let i = 0; i < rows.length; i += 100)
  await deps.db
    .insertInto('people')
    .values(rows.slice(i, i + 100))
    .execute();

// Peer: raw verifications, as many in flight as the thread pool runs at once.
const poolSize = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
let verified = 0;
const until = Date.now() + 5_000;
await Promise.all(
  Array.from({ length: poolSize }, async () => {
    while (Date.now() < until) {
      await verify(hash, PASSWORD);
      verified += 1;
    }
  }),
);
const rawRate = verified / 5;

const app = await buildApp(deps);
const address = await app.listen({ port: 0, host: '127.0.0.1' });

// Each request from its own client address (as behind a proxy), so the per-client throttle is
// not what is measured; the people take turns, so no account is throttled either.
const bodies = Array.from({ length: PEOPLE }, (_, i) =>
  JSON.stringify({ identifier: `p${i}@bench.test`, password: PASSWORD }),
);
const run = (overallRate?: number) =>
  load({
    url: address,
    paths: ['/api/v1/auth/login'],
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    bodies,
    duration: SECONDS,
    connections: poolSize * 2,
    ...(overallRate ? { overallRate } : {}),
  });

const full = await run();
const atSeventy = await run(Math.max(1, Math.floor(rawRate * 0.7)));

console.log(
  `Password sign-in on ${capabilitiesOf(deps.db).name}, ${poolSize} argon2 threads, ${PEOPLE} people`,
);
console.log(`  raw argon2id verify     ${rawRate.toFixed(1).padStart(7)} /s   (peer)`);
console.log(
  `  logins at full load     ${full.rps.toFixed(1).padStart(7)} /s   = ${((full.rps / rawRate) * 100).toFixed(0)}% of raw (goal ≥ 85%); failures: ${full.failures}`,
);
console.log(
  `  p99 at 70% of raw rate  ${String(atSeventy.p99).padStart(7)} ms  (goal < 250 ms); ${atSeventy.rps.toFixed(1)} logins/s; failures: ${atSeventy.failures}`,
);

await app.close();
await close();
rmSync(dir, { recursive: true, force: true });
