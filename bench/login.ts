/**
 * Password sign-in (SPEC §8): phone-number sign-ins per second over HTTP, p50 and p99, at several
 * concurrencies, on SQLite and PostgreSQL, beside the ceiling measured in the same run: raw
 * argon2id verifications per second with the same parameters, as many at once as the thread
 * pool runs (every core busy). Then p99 at 70 % of the ceiling, and whether a wrong password and
 * an unknown number take the same time (R10-style). The peer: Better Auth with its phone-number
 * plugin on the same database, with its default hasher and then with Muster's argon2id. The
 * floor: Fastify and one argon2id check, nothing else, beside the same ceiling. Each server answers
 * sign-ins for BENCH_WARMUP seconds before it is measured.
 * Goals: sign-ins ≥ 85 % of the ceiling; p99 < 250 ms at 70 % load.
 *
 *   npm run bench:login                                SQLite and PostgreSQL
 *   BENCH_DATABASES=sqlite BENCH_SECONDS=2 npm run bench:login
 *   BENCH_BETTER_AUTH=off npm run bench:login          Muster alone
 */
import { verify } from '@node-rs/argon2';
import { hashPassword } from '../src/crypto/passwords.js';
import { type BetterAuthPeer, type PeerHashing, startBetterAuth } from './better-auth-peer.js';
import {
  type DatabaseKind,
  databaseKinds,
  LABEL,
  postgresCpuMicros,
  throwAwayDatabase,
} from './databases.js';
import { assertAnswered, type LoadOptions, load } from './load.js';
import { benchPhone, openMuster, ADMIN_PASSWORD as PASSWORD, seedCommunity, seedPeople } from './muster.js';
import { startPeer } from './peer-process.js';
import { printTableIfAlone, report } from './report.js';
import { startServer } from './server.js';
import { THREAD_POOL_SIZE } from './thread-pool.js';

const PEOPLE = 500;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCIES = (process.env.BENCH_CONCURRENCIES ?? '4,8,16').split(',').map(Number);
/** Sign-ins of each kind timed one at a time for the equal-timing check. */
const PROBES = Number(process.env.BENCH_PROBES ?? 15);
/**
 * libuv's pool, where argon2 runs, as Muster's launcher sizes it (one thread a core, 2 to 4): the
 * ceiling verifies this many at once, which on this machine is also raw argon2id's best.
 */
const POOL = Number(THREAD_POOL_SIZE);
const SHARE_GOAL = 0.85;
/** Length of each raw argon2id measurement around a run. */
const CEILING_SECONDS = Math.min(3, SECONDS);
/** How long the server is left to finish what a load run left queued before sign-ins are timed. */
const SETTLE_MS = 2000;
/**
 * Seconds of sign-ins, not measured, that each server (Muster's and the peer's) answers before
 * it is measured (BENCH_WARMUP): V8 compiles a sign-in's code as it runs hot, and a server that
 * has run for a while has done so. The main thread's CPU a sign-in falls by a quarter over its
 * first 2,000 or so.
 */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP ?? 12);
const P99_GOAL_MS = 250;

/** The ceiling: argon2id verifications per second, POOL at a time, for `seconds`. */
async function rawArgon2(hash: string, seconds: number): Promise<number> {
  let verified = 0;
  const until = Date.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: POOL }, async () => {
      while (Date.now() < until) {
        await verify(hash, PASSWORD);
        verified += 1;
      }
    }),
  );
  return verified / ((performance.now() - start) / 1000);
}

/**
 * The ceiling around one run: raw argon2id measured just before it and just after it, averaged,
 * so that a change in what else the machine is doing meanwhile weighs on both sides alike.
 */
function bracketingCeiling(hash: string) {
  let before: number | null = null;
  return {
    async before() {
      before ??= await rawArgon2(hash, CEILING_SECONDS);
      return before;
    },
    async after(): Promise<{ name: string; value: number }> {
      const after = await rawArgon2(hash, CEILING_SECONDS);
      const value = ((before ?? after) + after) / 2;
      before = after;
      return { name: 'raw argon2id, same parameters', value };
    },
  };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One sign-in, timed; it must be refused (its own client address, so no throttle meets it). */
async function refusedSignInMs(url: string, body: object, n: number): Promise<number> {
  const start = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.200.${n >> 8}.${n & 255}` },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  if (response.status !== 400 && response.status !== 401) {
    throw new Error(`A wrong sign-in was answered ${response.status}, not refused (400 or 401).`);
  }
  return performance.now() - start;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/**
 * Wrong passwords (each for another person: no account meets its throttle) against numbers
 * nobody has, one at a time, alternating request by request (so a drift in the machine's load
 * weighs on both alike), after the server has finished what the load runs left queued and one
 * sign-in of each kind has warmed it up.
 */
async function equalTiming(
  name: string,
  url: string,
  body: (identifier: string, password: string) => object,
  judged: boolean,
) {
  await wait(SETTLE_MS);
  const wrong = (i: number) => body(benchPhone(i), 'not the password at all');
  const unknown = (i: number) => body(benchPhone(PEOPLE + 10_000 + i), PASSWORD);
  await refusedSignInMs(url, wrong(PEOPLE - 1), 0);
  await refusedSignInMs(url, unknown(PROBES), 1);
  const wrongMs: number[] = [];
  const unknownMs: number[] = [];
  for (let i = 0; i < PROBES; i++) {
    const pair = [
      async () => wrongMs.push(await refusedSignInMs(url, wrong(i), 2 + 2 * i)),
      async () => unknownMs.push(await refusedSignInMs(url, unknown(i), 3 + 2 * i)),
    ];
    for (const probe of i % 2 === 0 ? pair : pair.reverse()) await probe();
  }
  const [w, u] = [median(wrongMs), median(unknownMs)];
  report({
    bench: 'login',
    name: `${name}: unknown number vs wrong password`,
    value: u,
    unit: 'ms',
    peer: { name: 'wrong password', value: w },
    target: judged ? '80–125 % (timing tells nothing)' : undefined,
    met: judged ? u >= 0.8 * w && u <= 1.25 * w : undefined,
    detail: `median of ${PROBES} sign-ins each, one at a time, alternating`,
  });
}

async function measureMuster(kind: DatabaseKind, databaseUrl: string, hash: string) {
  const { deps, close } = await openMuster(databaseUrl);
  const community = await seedCommunity(deps);
  await seedPeople(deps, community.id, PEOPLE, { passwordHash: hash });
  await close();
  const server = await startServer(databaseUrl);
  const ceiling = bracketingCeiling(hash);
  try {
    const body = (identifier: string, password: string) => ({
      community: community.slug,
      identifier,
      password,
    });
    const bodies = Array.from({ length: PEOPLE }, (_, i) => JSON.stringify(body(benchPhone(i), PASSWORD)));
    const run = (more: Partial<LoadOptions>) =>
      load({
        url: server.url,
        paths: ['/api/v1/auth/login'],
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        bodies,
        duration: SECONDS,
        connections: POOL * 2,
        serverCpu: server.cpuMicros,
        ...more,
      });
    if (WARMUP_SECONDS > 0) await run({ duration: WARMUP_SECONDS });
    for (const connections of CONCURRENCIES) {
      await ceiling.before();
      const postgresBefore = postgresCpuMicros(databaseUrl);
      const result = await server.profiled(`login-${kind}-${connections}`, () => run({ connections }));
      const postgres = (postgresCpuMicros(databaseUrl) - postgresBefore) / Math.max(1, result.requests);
      assertAnswered(`Muster sign-ins, ${LABEL[kind]}, ${connections} connections`, result);
      const top = await ceiling.after();
      const cpu = `server CPU ${(result.cpuMicrosPerRequest / 1000).toFixed(1)} ms/sign-in${kind === 'postgres' ? `, PostgreSQL CPU ${(postgres / 1000).toFixed(1)} ms/sign-in` : ''}`;
      report({
        bench: 'login',
        name: `Muster sign-ins, ${LABEL[kind]}, ${connections} connections`,
        value: result.rps,
        unit: '/s',
        peer: top,
        target: `≥ ${SHARE_GOAL * 100} % of ceiling`,
        met: result.rps >= SHARE_GOAL * top.value,
        detail: `p50 ${result.p50} ms, p99 ${result.p99} ms; ${cpu}; ceiling measured just before and after`,
      });
    }
    const offered = Math.max(1, Math.floor((await ceiling.before()) * 0.7));
    const atSeventy = await run({ connections: 32, overallRate: offered });
    assertAnswered(`Muster sign-ins at 70 % load, ${LABEL[kind]}`, atSeventy);
    report({
      bench: 'login',
      name: `Muster sign-in p99 at 70 % load, ${LABEL[kind]}`,
      value: atSeventy.p99,
      unit: 'ms',
      target: `< ${P99_GOAL_MS} ms`,
      met: atSeventy.p99 < P99_GOAL_MS,
      detail: `${offered} sign-ins/s offered at random moments, whether or not earlier ones were answered (70 % of the ceiling just measured), ${atSeventy.rps.toFixed(1)}/s done; p50 ${atSeventy.p50} ms`,
    });
    await equalTiming(`Muster, ${LABEL[kind]}`, `${server.url}/api/v1/auth/login`, body, true);
  } finally {
    await server.close();
  }
}

async function measureBetterAuth(kind: DatabaseKind, hashing: PeerHashing, hash: string) {
  const database = await throwAwayDatabase(kind);
  if (!database) return;
  let peer: BetterAuthPeer | null = null;
  try {
    peer = await startBetterAuth({
      kind,
      databaseUrl: database.url,
      hashing,
      people: PEOPLE,
      password: PASSWORD,
      phoneOf: benchPhone,
    });
    const body = (phoneNumber: string, password: string) => ({ phoneNumber, password });
    const connections = POOL * 2;
    const { url, signInPath } = peer;
    const run = (duration: number) =>
      load({
        url,
        paths: [signInPath],
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        bodies: Array.from({ length: PEOPLE }, (_, i) => JSON.stringify(body(benchPhone(i), PASSWORD))),
        duration,
        connections,
      });
    if (WARMUP_SECONDS > 0) await run(WARMUP_SECONDS);
    const ceiling = bracketingCeiling(hash);
    await ceiling.before();
    const result = await run(SECONDS);
    const hasher = hashing === 'default' ? 'its default scrypt' : "Muster's argon2id";
    assertAnswered(`Better Auth sign-ins (${hasher}), ${LABEL[kind]}`, result);
    report({
      bench: 'login',
      name: `Better Auth sign-ins (${hasher}), ${LABEL[kind]}, ${connections} connections`,
      value: result.rps,
      unit: '/s',
      peer: await ceiling.after(),
      detail: `p50 ${result.p50} ms, p99 ${result.p99} ms; every answer 200`,
    });
    await equalTiming(
      `Better Auth (${hasher}), ${LABEL[kind]}`,
      `${peer.url}${peer.signInPath}`,
      body,
      false,
    );
  } finally {
    await peer?.close();
    await database.drop();
  }
}

/**
 * The floor: Fastify verifying the posted password against the hash, and nothing else
 * (bench/sign-in-floor-process.ts), beside the same ceiling. The gap from the ceiling to the
 * floor is HTTP's; the gap from the floor to Muster is Muster's own work.
 */
async function measureFloor(hash: string) {
  const floor = await startPeer('./sign-in-floor-process.ts', [hash]);
  const ceiling = bracketingCeiling(hash);
  try {
    for (const connections of CONCURRENCIES) {
      await ceiling.before();
      const result = await load({
        url: floor.url,
        paths: ['/sign-in'],
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        bodies: [JSON.stringify({ password: PASSWORD })],
        duration: SECONDS,
        connections,
        serverCpu: floor.cpuMicros,
      });
      assertAnswered(`The sign-in floor, ${connections} connections`, result);
      report({
        bench: 'login',
        name: `Floor: Fastify and one argon2id check, no more, ${connections} connections`,
        value: result.rps,
        unit: '/s',
        peer: await ceiling.after(),
        detail: `no account, throttle, session, audit or log; p50 ${result.p50} ms, p99 ${result.p99} ms; ceiling measured just before and after`,
      });
    }
  } finally {
    floor.close();
  }
}

const hash = await hashPassword(PASSWORD);
await measureFloor(hash);
for (const kind of databaseKinds()) {
  const database = await throwAwayDatabase(kind);
  if (!database) continue;
  try {
    await measureMuster(kind, database.url, hash);
    if (process.env.BENCH_BETTER_AUTH !== 'off') {
      await measureBetterAuth(kind, 'default', hash);
      await measureBetterAuth(kind, 'argon2id', hash);
    }
  } finally {
    await database.drop();
  }
}
printTableIfAlone();
