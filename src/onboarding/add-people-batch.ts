import { recordRefusedError } from '../audit/refusals.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { letOthersRun } from '../event-loop.js';
import { type CreatePersonInput, createPersonSchema, type PersonView } from '../people/people.schemas.js';
import { toPersonView } from '../people/person.view.js';
import { capabilitiesOf, uniqueViolation } from '../storage/db.js';
import { inRolledBackTransaction } from '../storage/units.js';
import { addPeopleInBulk } from './add-people-in-bulk.js';
import { addPerson, addPersonIn } from './add-person.js';
import type { Result } from './bulk-verdicts.js';
import { NotInBulk } from './bulk-writes.js';
import { NO_HOLDS } from './limits-met.js';
import type { BatchResult } from './onboarding.schemas.js';

type RowResult = BatchResult['results'][number];

/**
 * Rows added in one transaction. On SQLite a transaction holds the server's only connection, and
 * its statements the event loop, while it writes: 200 rows take about 60 ms. Where writers run
 * side by side, larger chunks save round trips; a batch of the most rows (1,000) still commits
 * as it goes.
 */
const CHUNK = { concurrentWriters: 500, oneWriter: 200 };

/** A valid row of the batch, and where it is. */
interface Valid {
  index: number;
  input: CreatePersonInput;
}

/**
 * Adds many people with the rules of adding one (R2, R6): a bad row, a duplicate or the daily
 * limit refuses that row with its reason and loses nothing else. Between chunks of rows the
 * server answers other requests.
 *
 * Rows are added a chunk at a time with multi-row statements (addPeopleInBulk), exactly as one
 * by one. Where that cannot vouch for a chunk (a daily limit stops some of its rows, a login
 * taken meanwhile), the chunk goes one row at a time, each in its own transaction; once a daily
 * limit is met, so does the rest of the batch.
 *
 * With `dryRun`, every row goes through exactly the same rules inside one transaction that is
 * then rolled back, a savepoint per row: rows that would succeed stay in the preview, so later
 * rows meet the daily limit as they would, and nothing changes.
 */
export async function addPeopleBatch({
  deps,
  ctx,
  rows,
  sendInvitations,
  dryRun = false,
  oneByOne = false,
  onOneByOne,
}: {
  deps: Deps;
  ctx: ActingContext;
  rows: readonly unknown[];
  sendInvitations: boolean;
  dryRun?: boolean;
  /** Every row through addPerson, as before the bulk path: to compare the two. */
  oneByOne?: boolean;
  /** Hears of rows the bulk path could not vouch for, which went one by one. */
  onOneByOne?: (rows: number) => void;
}): Promise<BatchResult> {
  if (dryRun) return summary(await previewBatch(deps, ctx, rows, sendInvitations));
  const results: RowResult[] = [];
  const size = capabilitiesOf(deps.db).concurrentWriters ? CHUNK.concurrentWriters : CHUNK.oneWriter;
  let inBulk = !oneByOne;
  for (let from = 0; from < rows.length; from += size) {
    if (from > 0) await letOthersRun();
    const valid: Valid[] = [];
    for (const [offset, raw] of rows.slice(from, from + size).entries()) {
      const parsed = parse(from + offset, raw, sendInvitations);
      if ('input' in parsed) valid.push(parsed);
      else results.push(parsed);
    }
    if (inBulk) {
      const added = await addChunkInBulk(deps, ctx, valid);
      if (added !== 'one-by-one') {
        results.push(...added);
        continue;
      }
      // A limit met stays met for the rest of the batch; a login taken meanwhile was this chunk's.
      inBulk = false;
      onOneByOne?.(valid.length);
    }
    results.push(...(await addOneByOne(deps, ctx, valid)));
  }
  return summary(results.sort((a, b) => a.index - b.index));
}

function parse(index: number, raw: unknown, sendInvitations: boolean): Valid | RowResult {
  const parsed = createPersonSchema.safeParse(raw);
  if (!parsed.success) return invalidRow(index, parsed.error.issues);
  return { index, input: { ...parsed.data, sendInvitation: sendInvitations } };
}

/** A chunk's rows added together, or 'one-by-one' where only that would give each row its answer. */
async function addChunkInBulk(
  deps: Deps,
  ctx: ActingContext,
  valid: readonly Valid[],
): Promise<RowResult[] | 'one-by-one'> {
  if (valid.length === 0) return [];
  let results: Result[];
  try {
    ({ results } = await addPeopleInBulk(
      { deps, ctx, channel: 'batch', limitsMet: 'one-by-one' },
      valid.map(({ input }) => ({ input })),
      NO_HOLDS,
    ));
  } catch (error) {
    if (error instanceof NotInBulk || error instanceof AppError || uniqueViolation(error) !== null) {
      return 'one-by-one';
    }
    throw error;
  }
  const rows: RowResult[] = [];
  for (const [i, result] of results.entries()) {
    const { index } = valid[i] as Valid;
    if ('added' in result) rows.push({ index, status: 'created', person: toPersonView(result.added) });
    else {
      // A limit met sends the chunk one by one, so a row here was refused for its own reason.
      const error = 'refused' in result ? result.refused : result.held.error;
      await recordRefusedError(deps.db, deps.clock, ctx, error);
      rows.push(refusedRow(index, error));
    }
  }
  return rows;
}

/** Each row in its own transaction, letting the event loop turn between rows. */
async function addOneByOne(deps: Deps, ctx: ActingContext, valid: readonly Valid[]): Promise<RowResult[]> {
  const rows: RowResult[] = [];
  for (const [i, { index, input }] of valid.entries()) {
    if (i > 0) await letOthersRun();
    try {
      rows.push({
        index,
        status: 'created',
        person: await addPerson({ deps, ctx, input, channel: 'batch' }),
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await recordRefusedError(deps.db, deps.clock, ctx, error);
      rows.push(refusedRow(index, error));
    }
  }
  return rows;
}

/** A preview: every row's rules in one transaction, rolled back. */
function previewBatch(
  deps: Deps,
  ctx: ActingContext,
  rows: readonly unknown[],
  sendInvitations: boolean,
): Promise<RowResult[]> {
  return inRolledBackTransaction(deps.db, async (tryEach) => {
    const results: RowResult[] = [];
    for (const [index, raw] of rows.entries()) {
      const parsed = parse(index, raw, sendInvitations);
      if (!('input' in parsed)) {
        results.push(parsed);
        continue;
      }
      try {
        const person: PersonView = await tryEach((tx) =>
          addPersonIn(tx, { deps, ctx, input: parsed.input, channel: 'batch', preview: true }),
        );
        results.push({ index, status: 'created', person });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results.push(refusedRow(index, error));
      }
    }
    return results;
  });
}

function summary(results: RowResult[]): BatchResult {
  const created = results.filter((r) => r.status === 'created').length;
  return { created, failed: results.length - created, results };
}

function refusedRow(index: number, error: AppError): RowResult {
  return {
    index,
    status: 'error',
    code: error.code,
    message: error.message,
    ...(error.extra.errors ? { errors: error.extra.errors } : {}),
  };
}

function invalidRow(index: number, issues: readonly { path: PropertyKey[]; message: string }[]): RowResult {
  const errors = issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(row)',
    message: issue.message,
  }));
  return {
    index,
    status: 'error',
    code: 'invalid_request',
    message: `Row ${index + 1}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    errors,
  };
}
