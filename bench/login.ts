/**
 * Password sign-in (SPEC §8): phone-number sign-ins per second over HTTP, p50 and p99, at several
 * concurrencies, on SQLite and PostgreSQL, beside the ceiling measured in the same run: raw
 * argon2id verifications per second with the same parameters, as many at once as the thread
 * pool runs (every core busy). Then p99 at 70 % of the ceiling, and whether a wrong password and
 * an unknown number take the same time (R10-style). The peer: Better Auth with its phone-number
 * plugin on the same database, with its default hasher and then with Muster's argon2id.
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
import { describeFailures, type LoadOptions, load } from './load.js';
import { benchPhone, openMuster, ADMIN_PASSWORD as PASSWORD, seedCommunity, seedPeople } from './muster.js';
import { printTableIfAlone, report } from './report.js';
import { startServer } from './server.js';

const PEOPLE = 500;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCIES = (process.env.BENCH_CONCURRENCIES ?? '4,8,16').split(',').map(Number);
/** Sign-ins of each kind timed one at a time for the equal-timing check. */
const PROBES = Number(process.env.BENCH_PROBES ?? 15);
/** libuv's thread pool, where argon2 runs: this many verifications at once keep every core busy. */
const POOL = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
const SHARE_GOAL = 0.85;
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

/** The median time of sequential POSTs, one body each (its own client address, so no throttle). */
async function medianMs(url: string, bodies: object[]): Promise<number> {
  const times: number[] = [];
  for (const [i, body] of bodies.entries()) {
    const start = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.200.${i >> 8}.${i & 255}` },
      body: JSON.stringify(body),
    });
    await response.arrayBuffer();
    if (response.status < 400) throw new Error(`A wrong sign-in was let in: ${response.status}`);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** Wrong password (each for another person: no account meets its throttle) against unknown numbers. */
async function equalTiming(
  name: string,
  url: string,
  body: (identifier: string, password: string) => object,
) {
  // Alternating, so a drift in the machine's load affects both alike.
  const wrong: object[] = [];
  const unknown: object[] = [];
  for (let i = 0; i < PROBES; i++) {
    wrong.push(body(benchPhone(i), 'not the password at all'));
    unknown.push(body(benchPhone(PEOPLE + 10_000 + i), PASSWORD));
  }
  let wrongMs = 0;
  let unknownMs = 0;
  for (let i = 0; i < PROBES; i += 5) {
    wrongMs += await medianMs(url, wrong.slice(i, i + 5));
    unknownMs += await medianMs(url, unknown.slice(i, i + 5));
  }
  const rounds = Math.ceil(PROBES / 5);
  const [w, u] = [wrongMs / rounds, unknownMs / rounds];
  report({
    bench: 'login',
    name: `${name}: unknown number vs wrong password`,
    value: u,
    unit: 'ms',
    peer: { name: 'wrong password', value: w },
    target: '80–125 % (timing tells nothing)',
    met: u >= 0.8 * w && u <= 1.25 * w,
    detail: `median of ${PROBES} sign-ins each, one at a time`,
  });
}

async function measureMuster(
  kind: DatabaseKind,
  databaseUrl: string,
  ceiling: { name: string; value: number },
) {
  const { deps, close } = await openMuster(databaseUrl);
  const community = await seedCommunity(deps);
  await seedPeople(deps, community.id, PEOPLE, { passwordHash: await hashPassword(PASSWORD) });
  await close();
  const server = await startServer(databaseUrl);
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
    for (const connections of CONCURRENCIES) {
      const postgresBefore = postgresCpuMicros(databaseUrl);
      const result = await server.profiled(`login-${kind}-${connections}`, () => run({ connections }));
      const postgres = (postgresCpuMicros(databaseUrl) - postgresBefore) / Math.max(1, result.requests);
      const cpu = `server CPU ${(result.cpuMicrosPerRequest / 1000).toFixed(1)} ms/sign-in${kind === 'postgres' ? `, PostgreSQL CPU ${(postgres / 1000).toFixed(1)} ms/sign-in` : ''}`;
      report({
        bench: 'login',
        name: `Muster sign-ins, ${LABEL[kind]}, ${connections} connections`,
        value: result.rps,
        unit: '/s',
        peer: ceiling,
        target: `≥ ${SHARE_GOAL * 100} % of ceiling`,
        met: result.rps >= SHARE_GOAL * ceiling.value && result.failures === 0,
        detail: `p50 ${result.p50} ms, p99 ${result.p99} ms; ${cpu}; ${describeFailures(result)}`,
      });
    }
    const offered = Math.max(1, Math.floor(ceiling.value * 0.7));
    const atSeventy = await run({ connections: 32, overallRate: offered });
    report({
      bench: 'login',
      name: `Muster sign-in p99 at 70 % load, ${LABEL[kind]}`,
      value: atSeventy.p99,
      unit: 'ms',
      target: `< ${P99_GOAL_MS} ms`,
      met: atSeventy.p99 < P99_GOAL_MS && atSeventy.failures === 0,
      detail: `${offered} sign-ins/s offered, ${atSeventy.rps.toFixed(1)}/s done; p50 ${atSeventy.p50} ms; ${describeFailures(atSeventy)}`,
    });
    await equalTiming(`Muster, ${LABEL[kind]}`, `${server.url}/api/v1/auth/login`, body);
  } finally {
    await server.close();
  }
}

async function measureBetterAuth(
  kind: DatabaseKind,
  hashing: PeerHashing,
  ceiling: { name: string; value: number },
) {
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
    const result = await load({
      url: peer.url,
      paths: [peer.signInPath],
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      bodies: Array.from({ length: PEOPLE }, (_, i) => JSON.stringify(body(benchPhone(i), PASSWORD))),
      duration: SECONDS,
      connections,
    });
    const hasher = hashing === 'default' ? 'its default scrypt' : "Muster's argon2id";
    report({
      bench: 'login',
      name: `Better Auth sign-ins (${hasher}), ${LABEL[kind]}, ${connections} connections`,
      value: result.rps,
      unit: '/s',
      peer: ceiling,
      detail: `p50 ${result.p50} ms, p99 ${result.p99} ms; ${describeFailures(result)}`,
    });
    await equalTiming(`Better Auth (${hasher}), ${LABEL[kind]}`, `${peer.url}${peer.signInPath}`, body);
  } finally {
    await peer?.close();
    await database.drop();
  }
}

const hash = await hashPassword(PASSWORD);
for (const kind of databaseKinds()) {
  const database = await throwAwayDatabase(kind);
  if (!database) continue;
  try {
    const rate = await rawArgon2(hash, Math.min(5, SECONDS));
    console.log(
      `${LABEL[kind]}: raw argon2id ceiling ${rate.toFixed(1)} verifications/s (${POOL} at a time)`,
    );
    const ceiling = { name: 'raw argon2id', value: rate };
    await measureMuster(kind, database.url, ceiling);
    if (process.env.BENCH_BETTER_AUTH !== 'off') {
      await measureBetterAuth(kind, 'default', ceiling);
      await measureBetterAuth(kind, 'argon2id', ceiling);
    }
  } finally {
    await database.drop();
  }
}
printTableIfAlone();
