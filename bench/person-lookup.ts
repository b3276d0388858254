/**
 * Person lookups (SPEC §8): `GET /api/v1/people?phone=…` by a signed-in system admin (session
 * cookie) and SCIM `GET /scim/v2/Users?filter=userName eq "…"` by an identity provider (API
 * token), in requests per second and p50/p99, at 1,000 and 1,000,000 people, beside the peer:
 * Fastify's own hello-world on the same machine in the same run. Muster's server runs in a process
 * of its own (one per community size, all started before measuring), logging at info as `muster
 * serve` does (to /dev/null); so do hello-world and the load generator. The runs take turns in
 * rounds (BENCH_ROUNDS, 3), hello-world first in each, and each figure is the median of its
 * rounds, judged against the hello-world of the same round. Beside them, on SQLite, two floors:
 * Fastify making the same two database reads and nothing else (bench/lookup-floor-process.ts),
 * which shows how much of the gap is the reads themselves, and the same with the log line Muster
 * writes for every request, which shows what logging each request costs. BENCH_PROFILE=DIR keeps
 * the server's CPU profile of each run. Goals: ≥ 40 % of hello-world; p99 < 20 ms; as fast at 1M
 * as at 1k.
 *
 *   npm run bench:lookup                              1,000 and 1,000,000 people on SQLite
 *   BENCH_PEOPLE=1000,100000 BENCH_SECONDS=2 npm run bench:lookup
 *   BENCH_DATABASES=sqlite,postgres npm run bench:lookup
 */
import { type DatabaseKind, LABEL, throwAwayDatabase } from './databases.js';
import { assertAnswered, type LoadOptions, type LoadResult, load } from './load.js';
import { benchPhone, makeTokens, openMuster, seedCommunity, seedPeople, signInAdmin } from './muster.js';
import { type PeerProcess, startPeer } from './peer-process.js';
import { printTableIfAlone, report } from './report.js';
import { type ServerProcess, startServer } from './server.js';

const SIZES = (process.env.BENCH_PEOPLE ?? '1000,1000000').split(',').map(Number);
const KINDS = (process.env.BENCH_DATABASES ?? 'sqlite').split(',').map((k) => k.trim() as DatabaseKind);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
/** Rounds of every run in turn; each figure is the median of its rounds. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 16;
/** Distinct people looked up in turn, spread over the whole community. */
const LOOKED_UP = 1000;
/** Tokens the SCIM load takes turns over, so none reaches its 6,000 requests a minute. */
const SCIM_TOKENS = 32;
const SHARE_GOAL = 0.4;
const P99_GOAL_MS = 20;
/** "Flat" from 1k to 1M, allowing for a shared machine's noise. */
const FLAT_GOAL = 0.8;

/** Where one community of `size` people is served: its server, its admin's session, its tokens. */
interface Target {
  kind: DatabaseKind;
  size: number;
  server: ServerProcess;
  rest: Omit<LoadOptions, 'duration' | 'connections'>;
  scim: Omit<LoadOptions, 'duration' | 'connections'>;
  /** The floors' servers on the same database (SQLite, the smallest community only). */
  floors: { plain: PeerProcess; logged: PeerProcess } | null;
  drop(): Promise<void>;
}

const run = (options: Omit<LoadOptions, 'duration' | 'connections'>) =>
  load({ ...options, duration: SECONDS, connections: CONNECTIONS });

/** Seeds one community of `size` people and starts its server; null when the database is not there. */
async function prepare(kind: DatabaseKind, size: number, withFloor: boolean): Promise<Target | null> {
  const database = await throwAwayDatabase(kind);
  if (!database) return null;
  const { deps, close } = await openMuster(database.url);
  const seeding = performance.now();
  const community = await seedCommunity(deps);
  await seedPeople(deps, community.id, size);
  await close();
  console.log(
    `  ${LABEL[kind]}: seeded ${size.toLocaleString('en')} people in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
  );
  const server = await startServer(
    database.url,
    process.env.BENCH_LOG_LEVEL ? { MUSTER_LOG_LEVEL: process.env.BENCH_LOG_LEVEL } : {},
  );
  const session = await signInAdmin(server.url, community);
  const tokens = await makeTokens(server.url, session, 'scim', SCIM_TOKENS);
  const file = database.url.slice('sqlite:'.length);
  const floors =
    withFloor && kind === 'sqlite'
      ? {
          plain: await startPeer('./lookup-floor-process.ts', [file]),
          logged: await startPeer('./lookup-floor-process.ts', [file, 'logged']),
        }
      : null;
  const phones = Array.from({ length: LOOKED_UP }, (_, i) => benchPhone(Math.floor((i * size) / LOOKED_UP)));
  return {
    kind,
    size,
    server,
    rest: {
      url: server.url,
      paths: phones.map((phone) => `/api/v1/people?phone=${encodeURIComponent(phone)}`),
      headers: { cookie: session.cookie },
      serverCpu: server.cpuMicros,
    },
    scim: {
      url: server.url,
      paths: phones.map((phone) => `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${phone}"`)}`),
      headerSets: tokens.map((token) => ({ authorization: `Bearer ${token}` })),
      serverCpu: server.cpuMicros,
    },
    floors,
    drop: async () => {
      floors?.plain.close();
      floors?.logged.close();
      await server.close();
      await database.drop();
    },
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
};

/** The run of a round whose rate is the median of the rounds, for its latencies and CPU. */
function medianRun(results: LoadResult[]): LoadResult {
  const rate = median(results.map((r) => r.rps));
  return results.find((r) => r.rps === rate) ?? (results[0] as LoadResult);
}

const API = { rest: 'REST GET /people?phone=', scim: 'SCIM userName eq' } as const;
const FLOOR = {
  plain: {
    name: 'Floor: Fastify and the same two SQLite reads, no more',
    detail: 'the least a lookup that checks the session in the database can do',
  },
  logged: {
    name: 'Floor with the log line: the same, and one log line a request',
    detail: "the floor, logging each request as Muster's server does (one line, redacted, masked)",
  },
} as const;

const hello = await startPeer('./hello-world-process.ts');
const targets: Target[] = [];
try {
  for (const kind of KINDS)
    for (const size of SIZES) {
      const target = await prepare(kind, size, size === Math.min(...SIZES));
      if (target) targets.push(target);
    }
  // Rounds of every run in turn, hello-world first in each: a change in what else the machine
  // does meanwhile falls on all of them alike, and each figure is the median of its rounds.
  const helloRuns: LoadResult[] = [];
  const runs = new Map<Target, Record<'rest' | 'scim' | 'plain' | 'logged', LoadResult[]>>(
    targets.map((t) => [t, { rest: [], scim: [], plain: [], logged: [] }]),
  );
  for (let round = 0; round < ROUNDS; round++) {
    helloRuns.push(await run({ url: hello.url, paths: ['/hello'], serverCpu: hello.cpuMicros }));
    for (const target of targets) {
      for (const kind of ['plain', 'logged'] as const) {
        const floor = target.floors?.[kind];
        if (!floor) continue;
        const result = await run({ ...target.rest, url: floor.url, serverCpu: floor.cpuMicros });
        assertAnswered(`The lookup floor (${kind}) at ${target.size} people`, result);
        runs.get(target)?.[kind].push(result);
      }
      for (const api of ['rest', 'scim'] as const) {
        const result = await target.server.profiled(
          `lookup-${api}-${target.kind}-${target.size}-${round}`,
          () => run(target[api]),
        );
        assertAnswered(`${API[api]} at ${target.size} people`, result);
        runs.get(target)?.[api].push(result);
      }
    }
  }
  const peer = medianRun(helloRuns);
  console.log(
    `Fastify hello-world: ${peer.rps.toFixed(0)} req/s, p50 ${peer.p50} ms, p99 ${peer.p99} ms, ${peer.cpuMicrosPerRequest.toFixed(0)} µs CPU/request`,
  );
  const helloPeer = { name: 'Fastify hello-world', value: peer.rps };
  for (const target of targets) {
    const measured = runs.get(target);
    if (!measured) continue;
    const floor = measured.plain.length > 0 ? medianRun(measured.plain) : null;
    for (const kind of ['plain', 'logged'] as const) {
      if (measured[kind].length === 0) continue;
      const result = medianRun(measured[kind]);
      const shares = measured[kind].map((r, round) => r.rps / (helloRuns[round]?.rps ?? r.rps));
      report({
        bench: 'lookup',
        name: `${FLOOR[kind].name}, ${target.size.toLocaleString('en')} people`,
        value: result.rps,
        unit: 'req/s',
        peer: helloPeer,
        detail: `${FLOOR[kind].detail} (bench/lookup-floor-process.ts); median of ${ROUNDS} rounds (${shares.map((x) => `${(x * 100).toFixed(0)} %`).join(', ')} of each round's hello-world); p99 ${result.p99} ms; server CPU ${result.cpuMicrosPerRequest.toFixed(0)} µs/request`,
      });
    }
    for (const api of ['rest', 'scim'] as const) {
      const result = medianRun(measured[api]);
      const shares = measured[api].map((r, round) => r.rps / (helloRuns[round]?.rps ?? r.rps));
      const ofFloor = floor ? `; ${((100 * result.rps) / floor.rps).toFixed(0)} % of the floor` : '';
      report({
        bench: 'lookup',
        name: `${API[api]}, ${LABEL[target.kind]}, ${target.size.toLocaleString('en')} people`,
        value: result.rps,
        unit: 'req/s',
        peer: helloPeer,
        target: `≥ ${SHARE_GOAL * 100} % of hello-world, p99 < ${P99_GOAL_MS} ms`,
        met: result.rps >= SHARE_GOAL * peer.rps && result.p99 < P99_GOAL_MS,
        detail: `median of ${ROUNDS} rounds (each round's share of its own hello-world: ${shares.map((x) => `${(x * 100).toFixed(0)} %`).join(', ')}); p50 ${result.p50} ms, p99 ${result.p99} ms, ${CONNECTIONS} connections; server CPU ${result.cpuMicrosPerRequest.toFixed(0)} µs/request (hello-world ${peer.cpuMicrosPerRequest.toFixed(0)})${ofFloor}`,
      });
    }
  }
  for (const kind of KINDS) {
    const ofKind = targets.filter((t) => t.kind === kind).sort((a, b) => a.size - b.size);
    const [smallest, largest] = [ofKind[0], ofKind.at(-1)];
    if (!smallest || !largest || smallest === largest) continue;
    for (const api of ['rest', 'scim'] as const) {
      const [small, large] = [runs.get(smallest)?.[api] ?? [], runs.get(largest)?.[api] ?? []];
      // Round by round, so both sizes met the same machine: the figure is the round whose ratio
      // is the median of the rounds' ratios.
      const ratios = large.map((r, round) => r.rps / (small[round]?.rps ?? r.rps));
      const round = ratios.indexOf(median(ratios));
      const [atLarge, atSmall] = [large[round]?.rps ?? 0, small[round]?.rps ?? 0];
      report({
        bench: 'lookup',
        name: `${api === 'rest' ? 'REST' : 'SCIM'} lookups at ${largest.size.toLocaleString('en')} people, ${LABEL[kind]} (flat?)`,
        value: atLarge,
        unit: 'req/s',
        peer: { name: `same at ${smallest.size.toLocaleString('en')}, same round`, value: atSmall },
        target: `≥ ${FLAT_GOAL * 100} % of the rate at ${smallest.size.toLocaleString('en')}`,
        met: atLarge >= FLAT_GOAL * atSmall,
        detail: `round by round: ${ratios.map((x) => `${(x * 100).toFixed(0)} %`).join(', ')}; p99 ${medianRun(small).p99} ms → ${medianRun(large).p99} ms`,
      });
    }
  }
} finally {
  hello.close();
  for (const target of targets) await target.drop();
}
printTableIfAlone();
