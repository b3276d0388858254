/**
 * Bulk import and export (SPEC §8, issue 11): a Workplace-template file of phone rows imported as
 * a job with every invitation queued, in rows per second and peak RSS, on SQLite and on
 * PostgreSQL; printed beside the ceiling, a plain INSERT loop into the same table on the same
 * database in the same run. Then the export of everyone, in rows per second.
 *
 *   npm run bench:import                          100,000 rows, SQLite and (if it answers) PostgreSQL
 *   BENCH_ROWS=1000000 npm run bench:import       the memory figure: peak RSS at a million rows
 *   BENCH_DATABASES=sqlite npm run bench:import   one database only
 *   BENCH_POSTGRES_URL=postgres://…/postgres      where to create the throw-away PostgreSQL database
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import type { ActingContext } from '../src/context.js';
import { newId } from '../src/crypto/random.js';
import type { Deps } from '../src/deps.js';
import { exportPeople } from '../src/imports/export-people.js';
import { startImport } from '../src/imports/start-import.js';
import { createImportWorker } from '../src/imports/worker.js';
import { openDeps } from '../src/main.js';
import { newPersonRow } from '../src/people/person.row.js';
import { updateSettings } from '../src/settings/settings.service.js';
import { createCommunityWithAdmin, newCommunitySchema } from '../src/setup/create-community.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 500);
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',').map((d) => d.trim());
const POSTGRES_ADMIN = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const GOALS: Record<string, number> = { sqlite: 20_000, postgres: 10_000 };
const EXPORT_GOAL = 50_000;
const RSS_GOAL_MB = 300;

const dir = process.env.BENCH_CHILD
  ? mkdtempSync(join(tmpdir(), 'muster-bench-db-'))
  : mkdtempSync(join(tmpdir(), 'muster-bench-import-'));

/** A Workplace template file of phone rows: distinct UK mobile numbers, names, departments. */
async function writeFile(path: string, rows: number) {
  const out = createWriteStream(path);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write(
    'Email,First Name,Last Name,Job Title,Department,Phone Number,Location,Locale,Manager Email,Division,Organization,Start Date\n',
  );
  for (let i = 0; i < rows; i++) {
    const phone = `+447${String(400_000_000 + i).padStart(9, '0')}`;
    await write(`,Worker,${i},Picker,Warehouse ${i % 40},${phone},Leeds,en_GB,,Operations,Acme,2024-03-01\n`);
  }
  out.end();
  await finished(out);
}

/**
 * The resident set size's peak while `work` runs, in MB. A timer cannot sample while SQLite's
 * synchronous statements hold the thread, so the kernel's own high-water mark (maxRSS, this
 * process's lifetime, which before the import is lower) is taken too.
 */
async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const result = await work();
    const highWater = process.resourceUsage().maxRSS * 1024;
    return { result, peakMb: Math.max(peak, highWater, process.memoryUsage().rss) / 1_048_576 };
  } finally {
    clearInterval(timer);
  }
}

async function databaseUrl(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (name === 'sqlite') return { url: `sqlite:${join(dir, 'bench.db')}`, drop: async () => undefined };
  const database = `muster_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN });
  await admin.connect();
  await admin.query(`create database ${database}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN);
  url.pathname = `/${database}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: POSTGRES_ADMIN });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${database} with (force)`);
      await cleanup.end();
    },
  };
}

async function seed(deps: Deps): Promise<ActingContext> {
  const slug = `bench-${randomBytes(3).toString('hex')}`;
  const created = await createCommunityWithAdmin({
    deps,
    community: newCommunitySchema.parse({ name: 'Acme', slug, timeZone: 'UTC', defaultCountry: 'GB' }),
    admin: {
      displayName: 'Bench Admin',
      email: `admin@${slug}.example`,
      password: 'correct horse battery staple',
    },
    meta: { ip: null, requestId: null, userAgent: 'bench' },
  });
  const ctx: ActingContext = {
    communityId: created.community.id,
    actor: { id: created.admin.id, label: 'Bench Admin', role: 'system_admin' },
    meta: { ip: null, requestId: null, userAgent: 'bench' },
  };
  await updateSettings({ deps, ctx, patch: { phoneProfilesEnabled: true } });
  return ctx;
}

/** The ceiling: the same number of rows into the same table, one plain INSERT each, committed per batch. */
async function insertLoop(deps: Deps, communityId: string, rows: number): Promise<number> {
  const start = performance.now();
  const now = new Date().toISOString();
  for (let i = 0; i < rows; i += BATCH) {
    await deps.db.transaction().execute(async (tx) => {
      for (let j = i; j < Math.min(rows, i + BATCH); j++) {
        const row = newPersonRow({
          id: newId(new Date()),
          communityId,
          login: { kind: 'phone', value: `+447${String(500_000_000 + j).padStart(9, '0')}` },
          displayName: `Ceiling ${j}`,
          now,
        });
        await tx.insertInto('people').values(row).execute();
      }
    });
  }
  return rows / ((performance.now() - start) / 1000);
}

async function countMessages(deps: Deps): Promise<number> {
  const row = await deps.db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'claim_invitation')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function exportRate(
  deps: Deps,
  ctx: ActingContext,
  format: 'csv' | 'xlsx',
): Promise<{ rate: number; rows: number }> {
  const start = performance.now();
  const file = await exportPeople({ deps, ctx, format, filter: {} });
  let bytes = 0;
  for await (const chunk of file.body) bytes += (chunk as Buffer).length;
  const people = await deps.db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', ctx.communityId)
    .executeTakeFirstOrThrow();
  void bytes;
  return { rate: Number(people.n) / ((performance.now() - start) / 1000), rows: Number(people.n) };
}

async function benchOne(name: string, file: string) {
  const { url, drop } = await databaseUrl(name);
  const config = loadConfig({
    MUSTER_LOG_LEVEL: 'silent',
    MUSTER_DATABASE_URL: url,
    MUSTER_SECRET_KEY: randomBytes(32).toString('hex'),
    MUSTER_PUBLIC_URL: 'https://muster.example',
    // The limits of R5, R6 and R34 are for people; the benchmark measures the machinery.
    MUSTER_PHONE_ACCOUNTS_PER_DAY: String(ROWS * 2),
    MUSTER_SMS_PER_HOUR: String(ROWS * 2),
    MUSTER_SMS_PER_DAY: String(ROWS * 2),
    MUSTER_SMS_PER_PREFIX_PER_HOUR: String(ROWS * 2),
    MUSTER_DISPATCHER: 'off',
  });
  const { deps, close } = await openDeps(config, () => undefined);
  try {
    const ctx = await seed(deps);
    const worker = createImportWorker(deps, { batchSize: BATCH, onError: (error) => console.error(error) });
    const baselineMb = process.memoryUsage().rss / 1_048_576;
    const start = performance.now();
    const { result: job, peakMb } = await peakRss(async () => {
      const queued = await startImport({
        deps,
        ctx,
        body: createReadStream(file),
        format: 'csv',
        fileName: 'bench.csv',
        sendInvitations: true,
        dryRun: false,
      });
      const uploadedAt = performance.now();
      await worker.drainAll();
      return { queued, uploadSeconds: (uploadedAt - start) / 1000 };
    });
    const seconds = (performance.now() - start) / 1000;
    const rate = ROWS / seconds;
    const texts = await countMessages(deps);
    const ceiling = await insertLoop(deps, ctx.communityId, Math.min(ROWS, 100_000));
    const csv = await exportRate(deps, ctx, 'csv');
    const xlsx = await exportRate(deps, ctx, 'xlsx');
    const goal = GOALS[name] ?? 0;
    console.log(
      `\nImport on ${name}: ${ROWS.toLocaleString('en')} phone rows, invitations queued, batches of ${BATCH}`,
    );
    console.log(
      `  import job      ${rate.toFixed(0).padStart(8)} rows/s  (goal ≥ ${goal.toLocaleString('en')}: ${rate >= goal ? 'met' : 'NOT met'}); upload ${job.uploadSeconds.toFixed(1)} s of ${seconds.toFixed(1)} s`,
    );
    console.log(
      `  ceiling         ${ceiling.toFixed(0).padStart(8)} rows/s  (plain INSERT loop into people, same database): ${((rate / ceiling) * 100).toFixed(0)}% of it`,
    );
    console.log(
      `  peak RSS        ${peakMb.toFixed(0).padStart(8)} MB      (goal < ${RSS_GOAL_MB} MB: ${peakMb < RSS_GOAL_MB ? 'met' : 'NOT met'}); ${baselineMb.toFixed(0)} MB before the import`,
    );
    console.log(
      `  texts queued    ${String(texts).padStart(8)}         (one per row: ${texts === ROWS ? 'yes' : 'NO'})`,
    );
    console.log(
      `  export CSV      ${csv.rate.toFixed(0).padStart(8)} rows/s  of ${csv.rows.toLocaleString('en')} people (goal ≥ ${EXPORT_GOAL.toLocaleString('en')}: ${csv.rate >= EXPORT_GOAL ? 'met' : 'NOT met'})`,
    );
    console.log(`  export XLSX     ${xlsx.rate.toFixed(0).padStart(8)} rows/s`);
  } finally {
    await close();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Each database is measured in a process of its own, so one run's memory never counts in another's.
if (process.env.BENCH_CHILD) {
  await benchOne(process.env.BENCH_CHILD, process.env.BENCH_FILE ?? '');
} else {
  try {
    const file = join(dir, 'workplace.csv');
    await writeFile(file, ROWS);
    for (const name of DATABASES) {
      const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
        env: { ...process.env, BENCH_CHILD: name, BENCH_FILE: file },
        stdio: 'inherit',
      });
      if (child.status !== 0) console.log(`\nImport on ${name}: not measured (exit ${child.status})`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
