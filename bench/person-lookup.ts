/**
 * Person lookups (SPEC §8): `GET /api/v1/people?phone=…` by a signed-in system admin (session
 * cookie) and SCIM `GET /scim/v2/Users?filter=userName eq "…"` by an identity provider (API
 * token), in requests per second and p50/p99, at 1,000 and 1,000,000 people, beside the peer:
 * Fastify's own hello-world on the same machine in the same run. Muster's server runs in a process
 * of its own, logging at info as `muster serve` does (to /dev/null), and so does the load
 * generator. BENCH_PROFILE=DIR keeps the server's CPU profile of each measurement. Goals: ≥ 40 % of hello-world; p99 < 20 ms; as fast at 1M as at 1k.
 *
 *   npm run bench:lookup                              1,000 and 1,000,000 people on SQLite
 *   BENCH_PEOPLE=1000,100000 BENCH_SECONDS=2 npm run bench:lookup
 *   BENCH_DATABASES=sqlite,postgres npm run bench:lookup
 */
import Fastify from 'fastify';
import { type DatabaseKind, LABEL, throwAwayDatabase } from './databases.js';
import { describeFailures, type LoadOptions, type LoadResult, load } from './load.js';
import { benchPhone, makeTokens, openMuster, seedCommunity, seedPeople, signInAdmin } from './muster.js';
import { printTableIfAlone, report } from './report.js';
import { startServer } from './server.js';

const SIZES = (process.env.BENCH_PEOPLE ?? '1000,1000000').split(',').map(Number);
const KINDS = (process.env.BENCH_DATABASES ?? 'sqlite').split(',').map((k) => k.trim() as DatabaseKind);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 16;
/** Distinct people looked up in turn, spread over the whole community. */
const LOOKED_UP = 1000;
/** Tokens the SCIM load takes turns over, so none reaches its 6,000 requests a minute. */
const SCIM_TOKENS = 32;
const SHARE_GOAL = 0.4;
const P99_GOAL_MS = 20;
/** "Flat" from 1k to 1M, allowing for a shared machine's noise. */
const FLAT_GOAL = 0.8;

const measure = (
  url: string,
  paths: string[],
  more: Omit<LoadOptions, 'url' | 'paths' | 'duration' | 'connections'> = {},
) => load({ url, paths, ...more, duration: SECONDS, connections: CONNECTIONS });

async function helloWorld(): Promise<LoadResult> {
  const hello = Fastify();
  hello.get('/hello', async () => ({ hello: 'world' }));
  const url = await hello.listen({ port: 0, host: '127.0.0.1' });
  try {
    return await measure(url, ['/hello']);
  } finally {
    await hello.close();
  }
}

/** Measures both lookups against one community of `size` people; answers their results. */
async function lookups(kind: DatabaseKind, size: number) {
  const database = await throwAwayDatabase(kind);
  if (!database) return null;
  try {
    const { deps, close } = await openMuster(database.url);
    const seeding = performance.now();
    const community = await seedCommunity(deps);
    await seedPeople(deps, community.id, size);
    await close();
    const seedSeconds = (performance.now() - seeding) / 1000;
    console.log(
      `  ${LABEL[kind]}: seeded ${size.toLocaleString('en')} people in ${seedSeconds.toFixed(1)} s`,
    );
    const server = await startServer(
      database.url,
      process.env.BENCH_LOG_LEVEL ? { MUSTER_LOG_LEVEL: process.env.BENCH_LOG_LEVEL } : {},
    );
    try {
      const { url } = server;
      const session = await signInAdmin(url, community);
      const tokens = await makeTokens(url, session, 'scim', SCIM_TOKENS);
      const phones = Array.from({ length: LOOKED_UP }, (_, i) =>
        benchPhone(Math.floor((i * size) / LOOKED_UP)),
      );
      const serverCpu = server.cpuMicros;
      const rest = await server.profiled(`lookup-rest-${kind}-${size}`, () =>
        measure(
          url,
          phones.map((phone) => `/api/v1/people?phone=${encodeURIComponent(phone)}`),
          { headers: { cookie: session.cookie }, serverCpu },
        ),
      );
      const scim = await server.profiled(`lookup-scim-${kind}-${size}`, () =>
        measure(
          url,
          phones.map((phone) => `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${phone}"`)}`),
          { headerSets: tokens.map((token) => ({ authorization: `Bearer ${token}` })), serverCpu },
        ),
      );
      return { rest, scim };
    } finally {
      await server.close();
    }
  } finally {
    await database.drop();
  }
}

const peer = await helloWorld();
console.log(
  `Fastify hello-world: ${peer.rps.toFixed(0)} req/s, p50 ${peer.p50} ms, p99 ${peer.p99} ms, ${peer.cpuMicrosPerRequest.toFixed(0)} µs CPU/request`,
);
const hello = { name: 'Fastify hello-world', value: peer.rps };

for (const kind of KINDS) {
  const bySize = new Map<number, { rest: LoadResult; scim: LoadResult }>();
  for (const size of SIZES) {
    const measured = await lookups(kind, size);
    if (!measured) break;
    bySize.set(size, measured);
    for (const [api, result] of [
      ['REST GET /people?phone=', measured.rest],
      ['SCIM userName eq', measured.scim],
    ] as const) {
      report({
        bench: 'lookup',
        name: `${api}, ${LABEL[kind]}, ${size.toLocaleString('en')} people`,
        value: result.rps,
        unit: 'req/s',
        peer: hello,
        target: `≥ ${SHARE_GOAL * 100} % of hello-world, p99 < ${P99_GOAL_MS} ms`,
        met: result.rps >= SHARE_GOAL * peer.rps && result.p99 < P99_GOAL_MS && result.failures === 0,
        detail: `p50 ${result.p50} ms, p99 ${result.p99} ms, ${CONNECTIONS} connections; server CPU ${result.cpuMicrosPerRequest.toFixed(0)} µs/request (hello-world ${peer.cpuMicrosPerRequest.toFixed(0)}); ${describeFailures(result)}`,
      });
    }
  }
  const smallest = bySize.get(Math.min(...bySize.keys()));
  const largest = bySize.get(Math.max(...bySize.keys()));
  if (bySize.size < 2 || !smallest || !largest) continue;
  const [small, large] = [Math.min(...bySize.keys()), Math.max(...bySize.keys())].map((n) =>
    n.toLocaleString('en'),
  );
  for (const api of ['rest', 'scim'] as const) {
    report({
      bench: 'lookup',
      name: `${api === 'rest' ? 'REST' : 'SCIM'} lookups at ${large} people, ${LABEL[kind]} (flat?)`,
      value: largest[api].rps,
      unit: 'req/s',
      peer: { name: `same at ${small}`, value: smallest[api].rps },
      target: `≥ ${FLAT_GOAL * 100} % of the rate at ${small}`,
      met: largest[api].rps >= FLAT_GOAL * smallest[api].rps,
      detail: `p99 ${smallest[api].p99} ms → ${largest[api].p99} ms`,
    });
  }
}
printTableIfAlone();
