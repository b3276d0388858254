import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createSecrets } from '../src/crypto/secrets.js';
import type { Deps } from '../src/deps.js';
import { createImportWorker } from '../src/imports/worker.js';
import { createMailer } from '../src/mail/create-mailer.js';
import { createOutboxSignal } from '../src/outbox/outbox-signal.js';
import { createSmsProvider } from '../src/sms/providers/index.js';
import { type Db, openDatabase, type Storage } from '../src/storage/db.js';
import { createThrottle } from '../src/throttle/create-throttle.js';
import { ManualClock } from './harness.js';
import { phoneOf, toCsv, toXlsx } from './imports-support.js';
import { CLI_TIMEOUT, childEnv, ensureBuilt, ROOT, runCli, setUpAcme } from './processes.js';

// `npx muster people …` (R54, R24, R22): the operator's bulk tools, as real processes against a
// real database file: exit codes, the errors file, progress when piped, and an import that
// resumes after its process is killed.

const LIMITS = {
  MUSTER_PHONE_ACCOUNTS_PER_DAY: '100000',
  MUSTER_SMS_PER_HOUR: '100000',
  MUSTER_SMS_PER_DAY: '100000',
  // Test numbers share one range; R34's per-range cap would hold them back (and the job would wait).
  MUSTER_SMS_PER_PREFIX_PER_HOUR: '100000',
};

function runCliBytes(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: Buffer }>((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/muster.js', ...args], { cwd: ROOT, env: childEnv(env) });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(chunks) }));
  });
}

async function count(db: Db, table: 'people' | 'messages'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('npx muster people (R54, R24, R22)', CLI_TIMEOUT, () => {
  let dir: string;
  let env: Record<string, string>;
  let storage: Storage;

  beforeAll(async () => {
    await ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'muster-people-cli-'));
    env = { MUSTER_DATABASE_URL: `sqlite:${join(dir, 'muster.db')}`, ...LIMITS };
    await setUpAcme(env, ['--country', 'GB']);
    storage = openDatabase(env.MUSTER_DATABASE_URL ?? '');
    const community = await storage.db.selectFrom('communities').select('settings').executeTakeFirstOrThrow();
    await storage.db
      .updateTable('communities')
      .set({ settings: JSON.stringify({ ...JSON.parse(community.settings), phoneProfilesEnabled: true }) })
      .execute();
  }, 240_000);

  afterAll(async () => {
    await storage?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports a file, exits 1 when rows failed, and writes their errors beside it', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => [`staff${i}@acme.test`, `Staff ${i}`]);
    rows.push(['not-an-email', 'Bad'], ['staff1@acme.test', 'Again']);
    const file = join(dir, 'june.csv');
    writeFileSync(file, toCsv(['Email', 'First Name', 'Shoe Size'], rows));
    const run = await runCli(['people', 'import', file, '--community', 'acme'], env);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(
      /Read 42 rows from june\.csv\. Columns not imported \(Muster does not know them\): Shoe Size\./,
    );
    // Piped, not a terminal: plain progress lines, no bar.
    expect(run.stderr).toMatch(/42\/42 rows \(100%\), \d+ rows\/s/);
    expect(run.stdout).toMatch(/Created 40, updated 0, unchanged 0, failed 2 of 42 rows\./);
    const errors = join(dir, 'june-errors.csv');
    expect(run.stdout).toContain(errors);
    const lines = readFileSync(errors, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Row,Email,First Name,Shoe Size,Error');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['42', '43']);

    const clean = join(dir, 'july.xlsx');
    writeFileSync(clean, await toXlsx(['Email', 'First Name'], rows.slice(0, 40)));
    const again = await runCli(['people', 'import', clean, '--community', 'acme'], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/Created 0, updated 0, unchanged 40, failed 0 of 40 rows\./);
    expect(existsSync(join(dir, 'july-errors.csv'))).toBe(false);
  }, 60_000);

  it('previews with --dry-run and changes nothing', async () => {
    const people = await count(storage.db, 'people');
    const file = join(dir, 'preview.csv');
    writeFileSync(file, toCsv(['Phone Number', 'First Name'], [[phoneOf(9000), 'New']]));
    const run = await runCli(
      ['people', 'import', file, '--community', 'acme', '--dry-run', '--send-invitations'],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Preview \(nothing was changed\): would create 1,/);
    expect(await count(storage.db, 'people')).toBe(people);
  }, 60_000);

  it('exports everyone as CSV or XLSX to standard output', async () => {
    const csv = await runCli(['people', 'export', '--community', 'acme'], env);
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Email,First Name,Last Name,/);
    expect(lines).toHaveLength(1 + (await count(storage.db, 'people')));
    const xlsx = await runCliBytes(['people', 'export', '--community', 'acme', '--format', 'xlsx'], env);
    expect(xlsx.code).toBe(0);
    expect(xlsx.stdout.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const unknown = await runCli(['people', 'export', '--community', 'nowhere'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/There is no community "nowhere"/);
  }, 60_000);

  it('deactivates a leavers file', async () => {
    const file = join(dir, 'leavers.csv');
    writeFileSync(file, 'Email\r\nstaff3@acme.test\r\nstaff4@acme.test\r\nghost@acme.test\r\n');
    const run = await runCli(['people', 'deactivate', '--community', 'acme', '--file', file], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/ghost@acme\.test: No one in this community has this email address\./);
    expect(run.stdout).toMatch(/Deactivated 2; not deactivated 1\./);
    const deactivated = await storage.db
      .selectFrom('people')
      .select('email')
      .where('active', '=', 0)
      .execute();
    expect(deactivated.map((p) => p.email).sort()).toEqual(['staff3@acme.test', 'staff4@acme.test']);
  }, 60_000);

  it('resumes an import whose process was killed mid-way: every row once, every text once (R54, R50)', async () => {
    const total = 1500;
    const file = join(dir, 'big.csv');
    writeFileSync(
      file,
      toCsv(
        ['Phone Number', 'First Name'],
        Array.from({ length: total }, (_, i) => [phoneOf(20_000 + i), `W${i}`]),
      ),
    );
    const people = await count(storage.db, 'people');
    const messages = await count(storage.db, 'messages');
    const child = spawn(
      process.execPath,
      ['bin/muster.js', 'people', 'import', file, '--community', 'acme', '--send-invitations'],
      {
        cwd: ROOT,
        env: childEnv(env),
      },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    let job: { id: string; processed: number } | undefined;
    for (let tries = 0; tries < 600 && !(job && job.processed > 0); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = await storage.db
        .selectFrom('import_jobs')
        .select(['id', 'processed'])
        .where('file_name', '=', 'big.csv')
        .executeTakeFirst();
    }
    child.kill('SIGKILL');
    await exited;
    const stopped = await storage.db
      .selectFrom('import_jobs')
      .select(['state', 'processed'])
      .where('id', '=', job?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(stopped.state).toBe('running');
    expect(stopped.processed).toBeGreaterThan(0);
    expect(stopped.processed).toBeLessThan(total);

    // Another process (here: a worker in this test) picks the job up once the dead one's lease lapses.
    const config = loadConfig({ ...env, MUSTER_LOG_LEVEL: 'silent' });
    const clock = new ManualClock(new Date(Date.now() + 10 * 60_000).toISOString());
    const deps: Deps = {
      db: storage.db,
      clock,
      config,
      sms: createSmsProvider(
        config,
        () => clock.now(),
        () => undefined,
      ),
      mail: createMailer(
        config.mail,
        () => clock.now(),
        () => undefined,
      ),
      outbox: createOutboxSignal(),
      throttle: createThrottle({ db: storage.db, clock }),
      secrets: createSecrets(Buffer.alloc(32, 1)),
    };
    await createImportWorker(deps, { batchSize: 200 }).drainAll();
    const finished = await storage.db
      .selectFrom('import_jobs')
      .selectAll()
      .where('id', '=', job?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(finished).toMatchObject({ state: 'done', processed: total, created: total, failed: 0 });
    expect(await count(storage.db, 'people')).toBe(people + total);
    expect(await count(storage.db, 'messages')).toBe(messages + total);
    const recipients = await storage.db
      .selectFrom('messages')
      .select('recipient')
      .where('kind', '=', 'claim_invitation')
      .execute();
    expect(new Set(recipients.map((r) => r.recipient)).size).toBe(recipients.length);
  }, 120_000);
});
