import { recordRefusedError } from '../audit/refusals.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { letOthersRun } from '../event-loop.js';
import { type CreatePersonInput, createPersonSchema, type PersonView } from '../people/people.schemas.js';
import { toPersonView } from '../people/person.view.js';
import { capabilitiesOf, uniqueViolation } from '../storage/db.js';
import { inRolledBackTransaction } from '../storage/units.js';
import { addPeopleInBulk, previewInBulk } from './add-people-in-bulk.js';
import { addPerson, addPersonIn } from './add-person.js';
import type { NewLine, Result } from './bulk-verdicts.js';
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
 * With `dryRun`, every row goes through exactly the same rules, the same way, inside one
 * transaction that is then rolled back: rows that would succeed stay in the preview, so later
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
  const batch = { rows, sendInvitations, oneByOne, onOneByOne };
  const adding = { deps, ctx, channel: 'batch', limitsMet: 'one-by-one' } as const;
  const size = capabilitiesOf(deps.db).concurrentWriters ? CHUNK.concurrentWriters : CHUNK.oneWriter;
  if (dryRun) {
    // One transaction, rolled back: a savepoint for each chunk, and for each row one by one.
    return inRolledBackTransaction(deps.db, (tryEach) =>
      addRows(batch, size, {
        inBulk: (lines) => tryEach((tx) => previewInBulk(tx, adding, lines)),
        one: (input) =>
          tryEach((tx) => addPersonIn(tx, { deps, ctx, input, channel: 'batch', preview: true })),
        refused: async () => undefined,
        between: async () => undefined,
      }),
    );
  }
  return addRows(batch, size, {
    inBulk: async (lines) => (await addPeopleInBulk(adding, lines, NO_HOLDS)).results,
    one: (input) => addPerson({ deps, ctx, input, channel: 'batch' }),
    refused: (error) => recordRefusedError(deps.db, deps.clock, ctx, error),
    between: letOthersRun,
  });
}

/** How the rows are added: for real, or in a preview that is rolled back. */
interface Adding {
  /** A chunk's people together; throws, having changed nothing, where it cannot vouch for them. */
  inBulk(lines: readonly NewLine[]): Promise<Result[]>;
  /** One person, in a transaction (or savepoint) of their own. */
  one(input: CreatePersonInput): Promise<PersonView>;
  /** Hears of a refused row (the audit log keeps refusals, R36). */
  refused(error: AppError): Promise<void>;
  /** Between chunks and between rows: lets the server answer others. */
  between(): Promise<void>;
}

async function addRows(
  batch: {
    rows: readonly unknown[];
    sendInvitations: boolean;
    oneByOne: boolean;
    onOneByOne?: ((rows: number) => void) | undefined;
  },
  size: number,
  adding: Adding,
): Promise<BatchResult> {
  const results: RowResult[] = [];
  let inBulk = !batch.oneByOne;
  for (let from = 0; from < batch.rows.length; from += size) {
    if (from > 0) await adding.between();
    const valid: Valid[] = [];
    for (const [offset, raw] of batch.rows.slice(from, from + size).entries()) {
      const parsed = parse(from + offset, raw, batch.sendInvitations);
      if ('input' in parsed) valid.push(parsed);
      else results.push(parsed);
    }
    if (inBulk && valid.length > 0) {
      const added = await adding.inBulk(valid.map(({ input }) => ({ input }))).catch((error: unknown) => {
        if (goesOneByOne(error)) return null;
        throw error;
      });
      if (added) {
        for (const [i, result] of added.entries()) {
          const { index } = valid[i] as Valid;
          if ('added' in result) {
            results.push({ index, status: 'created', person: toPersonView(result.added) });
            continue;
          }
          // A limit met sends the chunk one by one, so a row here was refused for its own reason.
          const error = 'refused' in result ? result.refused : result.held.error;
          await adding.refused(error);
          results.push(refusedRow(index, error));
        }
        continue;
      }
      // A limit met stays met for the rest of the batch; a login taken meanwhile was this chunk's.
      inBulk = false;
      batch.onOneByOne?.(valid.length);
    }
    for (const [i, { index, input }] of valid.entries()) {
      if (i > 0) await adding.between();
      try {
        results.push({ index, status: 'created', person: await adding.one(input) });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        await adding.refused(error);
        results.push(refusedRow(index, error));
      }
    }
  }
  return summary(results.sort((a, b) => a.index - b.index));
}

function parse(index: number, raw: unknown, sendInvitations: boolean): Valid | RowResult {
  const parsed = createPersonSchema.safeParse(raw);
  if (!parsed.success) return invalidRow(index, parsed.error.issues);
  return { index, input: { ...parsed.data, sendInvitation: sendInvitations } };
}

/** What made the bulk path give up a chunk, having changed nothing: one by one says which row. */
function goesOneByOne(error: unknown): boolean {
  return error instanceof NotInBulk || error instanceof AppError || uniqueViolation(error) !== null;
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
