/**
 * Batch add (SPEC §8): phone people added through the batch API (`POST /api/v1/people/batch`,
 * 1,000 rows a request, one request at a time, as an admin's script would), each with its
 * invitation text queued, in rows per second and the peak RSS of the server, run from the build
 * as `npm start` runs it, on SQLite and PostgreSQL. The ceiling, in the same run and database: the
 * same number of people written by the database's driver with a prepared INSERT (one a row, one
 * commit per 1,000), without a query builder, Muster's rules, invitations or audit. SPEC §8's
 * bulk-import goal (≥ 20,000 rows/s on SQLite) is for the import job, which bench/import.ts
 * measures; this is the JSON batch API scripts use. RSS < 300 MB holds for both.
 *
 *   npm run bench:batch                              100,000 rows, SQLite and PostgreSQL
 *   BENCH_ROWS=5000 BENCH_DATABASES=sqlite npm run bench:batch
 */
import { type DatabaseKind, databaseKinds, LABEL, throwAwayDatabase } from './databases.js';
import {
  benchPhone,
  makeTokens,
  openMuster,
  plainInsertRate,
  seedCommunity,
  signInAdmin,
  unlimitedFor,
} from './muster.js';
import { printTableIfAlone, report } from './report.js';
import { startServer } from './server.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);

const PER_REQUEST = 1000;
const RATE_GOAL = 20_000;
const RSS_GOAL_MB = 300;

const UNLIMITED = unlimitedFor(ROWS);

async function batchAdd(kind: DatabaseKind) {
  const database = await throwAwayDatabase(kind);
  if (!database) return;
  try {
    const { deps, close } = await openMuster(database.url, UNLIMITED);
    const community = await seedCommunity(deps);
    await close();
    const server = await startServer(database.url, UNLIMITED, { built: true });
    let added = 0;
    let seconds = 0;
    let peakMb = 0;
    const idleMb = server.peakRssMb();
    try {
      const session = await signInAdmin(server.url, community);
      const [token] = await makeTokens(server.url, session, 'rest', 1);
      const start = performance.now();
      for (let i = 0; i < ROWS; i += PER_REQUEST) {
        const people = Array.from({ length: Math.min(PER_REQUEST, ROWS - i) }, (_, j) => ({
          phone: benchPhone(i + j),
          displayName: `Worker ${i + j}`,
        }));
        const response = await fetch(`${server.url}/api/v1/people/batch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ people, sendInvitations: true }),
        });
        const answer = (await response.json()) as { created?: number; results?: { message?: string }[] };
        if (!response.ok) throw new Error(`Batch add refused: ${response.status} ${JSON.stringify(answer)}`);
        added += answer.created ?? 0;
        if (answer.created !== people.length) {
          const why = answer.results?.find((r) => r.message)?.message;
          throw new Error(`Only ${answer.created} of ${people.length} rows were added: ${why}`);
        }
      }
      seconds = (performance.now() - start) / 1000;
      peakMb = server.peakRssMb();
    } finally {
      await server.close();
    }
    const texts = await countQueuedTexts(database.url);
    const rate = added / seconds;
    const top = await plainInsertRate(database.url, { rows: ROWS, commitEvery: PER_REQUEST });
    report({
      bench: 'batch-add',
      name: `Batch add with invitations, ${LABEL[kind]}, ${ROWS.toLocaleString('en')} phone people`,
      value: rate,
      unit: 'rows/s',
      peer: { name: 'prepared INSERTs by the driver, same rows', value: top },
      detail: `${added.toLocaleString('en')} added and ${texts.toLocaleString('en')} invitations queued in ${seconds.toFixed(1)} s, ${PER_REQUEST} rows a request; the bulk-import goal of ${RATE_GOAL.toLocaleString('en')} rows/s is measured on the import job`,
    });
    report({
      bench: 'batch-add',
      name: `Batch add, server peak RSS, ${LABEL[kind]}`,
      value: peakMb,
      unit: 'MB',
      target: `< ${RSS_GOAL_MB} MB`,
      met: peakMb < RSS_GOAL_MB,
      detail: `the high-water mark (VmHWM) of the server, run from the build as npm start runs it; ${idleMb.toFixed(0)} MB after start-up`,
    });
  } finally {
    await database.drop();
  }
}

async function countQueuedTexts(databaseUrl: string): Promise<number> {
  const { deps, close } = await openMuster(databaseUrl);
  try {
    const row = await deps.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'claim_invitation')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await close();
  }
}

for (const kind of databaseKinds()) await batchAdd(kind);
printTableIfAlone();
