import { createReadStream, createWriteStream } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import type { Deps } from '../deps.js';
import { actOnKeys } from '../imports/act-on-keys.js';
import { errorsCsv } from '../imports/errors-file.js';
import { exportPeople } from '../imports/export-people.js';
import type { ImportJob } from '../imports/job.js';
import { readKeysFile } from '../imports/keys-file.js';
import { operatorContext } from '../imports/operator.js';
import { findImportOrThrow } from '../imports/queries.js';
import { startImport } from '../imports/start-import.js';
import { createImportWorker } from '../imports/worker.js';
import { openDeps } from '../main.js';
import { importProgress } from './import-progress.js';

/** Exit codes of `muster people import`, as scripts read them. */
const EXIT = { done: 0, rowsFailed: 1, waiting: 3 } as const;

const formatOf = (file: string) => (extname(file).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv');

async function withDeps<T>(run: (deps: Deps) => Promise<T>): Promise<T> {
  const { deps, close } = await openDeps(loadConfig(), () => undefined);
  try {
    return await run(deps);
  } finally {
    await close();
  }
}

/** `muster people …`: bulk work from the server's command line (R54, R24, R22). */
export function registerPeopleCommands(program: Command) {
  const people = program.command('people').description('import, export and deactivate people in bulk');
  registerImport(people);
  registerExport(people);
  registerDeactivate(people);
}

function registerImport(people: Command) {
  people
    .command('import')
    .description(
      "import a CSV or XLSX file (Workplace's template works as it is); exit 0 when every row went in, 1 when some failed (their errors are written beside the file), 3 when rows wait for tomorrow's limit",
    )
    .argument('<file>', 'the .csv or .xlsx file')
    .requiredOption('--community <slug>', 'the community, by its short name')
    .option('--send-invitations', 'text (or email) every new person their claim link now')
    .option('--dry-run', 'check every row and change nothing')
    .action(async (file: string, o: { community: string; sendInvitations?: boolean; dryRun?: boolean }) => {
      const code = await withDeps(async (deps) => {
        const ctx = await operatorContext(deps, o.community);
        const job = await startImport({
          deps,
          ctx,
          body: createReadStream(file),
          format: formatOf(file),
          fileName: basename(file),
          sendInvitations: o.sendInvitations === true,
          dryRun: o.dryRun === true,
        });
        process.stderr.write(`Read ${job.total} rows from ${basename(file)}.${unknownColumns(job)}\n`);
        const finished = await follow(deps, job);
        return report(deps, finished, file);
      });
      process.exitCode = code;
    });
}

function unknownColumns(job: ImportJob): string {
  return job.unknownColumns.length > 0
    ? ` Columns not imported (Muster does not know them): ${job.unknownColumns.join(', ')}.`
    : '';
}

/** Runs the job here, showing its progress, until it is done or waits for a limit. */
async function follow(deps: Deps, job: ImportJob): Promise<ImportJob> {
  const scope = { deps, communityId: job.communityId };
  const progress = importProgress(job.total);
  const worker = createImportWorker(deps, { batchSize: 500 });
  try {
    await worker.runJob(job.communityId, job.id, async () => {
      progress.update((await findImportOrThrow(scope, job.id)).processed);
    });
  } finally {
    progress.stop();
  }
  return findImportOrThrow(scope, job.id);
}

async function report(deps: Deps, job: ImportJob, file: string): Promise<number> {
  const verb = job.dryRun ? 'Preview (nothing was changed): would create' : 'Created';
  process.stdout.write(
    `${verb} ${job.created}, updated ${job.updated}, unchanged ${job.unchanged}, failed ${job.failed} of ${job.total} rows.\n`,
  );
  if (job.failed > 0) {
    const errors = join(dirname(file), `${basename(file, extname(file))}-errors.csv`);
    await pipeline(errorsCsv(deps, job), createWriteStream(errors));
    process.stdout.write(
      `The rows that failed, with the reason, are in ${errors}. Fix them and import that file.\n`,
    );
  }
  if (job.state === 'waiting') {
    process.stdout.write(
      `${job.waiting} rows wait for the daily limit of new mobile-number accounts, until ${job.waitingUntil}. The server goes on with them by itself (import ${job.id}).\n`,
    );
  }
  if (job.state === 'failed') process.stdout.write(`The import stopped: ${job.error}\n`);
  if (job.failed > 0 || job.state === 'failed') return EXIT.rowsFailed;
  return job.state === 'waiting' ? EXIT.waiting : EXIT.done;
}

function registerExport(people: Command) {
  people
    .command('export')
    .description('write everyone to standard output as CSV or XLSX (formula-safe), in Workplace’s columns')
    .requiredOption('--community <slug>', 'the community, by its short name')
    .option('--format <format>', 'csv or xlsx', 'csv')
    .action(async (o: { community: string; format: string }) => {
      if (o.format !== 'csv' && o.format !== 'xlsx')
        throw new Error(`Unknown format "${o.format}": use csv or xlsx.`);
      const format = o.format;
      await withDeps(async (deps) => {
        const ctx = await operatorContext(deps, o.community);
        const file = await exportPeople({ deps, ctx, format, filter: {} });
        await pipeline(file.body, process.stdout, { end: false });
      });
    });
}

function registerDeactivate(people: Command) {
  people
    .command('deactivate')
    .description(
      'deactivate everyone a file names (a leavers list) by mobile number, email or employee ID (R22)',
    )
    .requiredOption('--community <slug>', 'the community, by its short name')
    .requiredOption(
      '--file <file>',
      'one column of keys, or a file with Email / Phone Number / Employee Id columns',
    )
    .action(async (o: { community: string; file: string }) => {
      const failed = await withDeps(async (deps) => {
        const ctx = await operatorContext(deps, o.community);
        const keys = await readKeysFile(createReadStream(o.file), formatOf(o.file));
        const result = await actOnKeys({ deps, ctx, action: 'deactivate', keys });
        for (const r of result.results.filter((x) => x.status === 'error')) {
          process.stdout.write(`${r.key}: ${r.message ?? r.code}\n`);
        }
        process.stdout.write(`Deactivated ${result.done}; not deactivated ${result.failed}.\n`);
        return result.failed;
      });
      process.exitCode = failed > 0 ? 1 : 0;
    });
}
