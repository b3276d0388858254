import { recordRefusedError } from '../audit/refusals.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { letOthersRun } from '../event-loop.js';
import { createPersonSchema, type PersonView } from '../people/people.schemas.js';
import { inRolledBackTransaction } from '../storage/units.js';
import { addPerson, addPersonIn } from './add-person.js';
import type { BatchResult } from './onboarding.schemas.js';

type RowResult = BatchResult['results'][number];

/**
 * Adds many people, each row in its own transaction (R2, R6): a bad row, a duplicate or the daily
 * limit refuses that row with its reason and loses nothing else. Between rows the server answers
 * other requests.
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
}: {
  deps: Deps;
  ctx: ActingContext;
  rows: readonly unknown[];
  sendInvitations: boolean;
  dryRun?: boolean;
}): Promise<BatchResult> {
  const addEach = async (
    add: (input: ReturnType<typeof createPersonSchema.parse>) => Promise<PersonView>,
  ) => {
    const results: RowResult[] = [];
    for (const [index, raw] of rows.entries()) {
      // A batch of 1,000 rows runs for a second and more. (A preview is one transaction, which
      // holds the database however the loop turns.)
      if (index > 0 && !dryRun) await letOthersRun();
      const parsed = createPersonSchema.safeParse(raw);
      if (!parsed.success) {
        results.push(invalidRow(index, parsed.error.issues));
        continue;
      }
      try {
        results.push({
          index,
          status: 'created',
          person: await add({ ...parsed.data, sendInvitation: sendInvitations }),
        });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results.push({
          index,
          status: 'error',
          code: error.code,
          message: error.message,
          ...(error.extra.errors ? { errors: error.extra.errors } : {}),
        });
      }
    }
    return results;
  };
  const results = dryRun
    ? await inRolledBackTransaction(deps.db, (tryEach) =>
        addEach((input) =>
          tryEach((tx) => addPersonIn(tx, { deps, ctx, input, channel: 'batch', preview: true })),
        ),
      )
    : await addEach((input) =>
        addPerson({ deps, ctx, input, channel: 'batch' }).catch(async (error: unknown) => {
          if (error instanceof AppError) await recordRefusedError(deps.db, deps.clock, ctx, error);
          throw error;
        }),
      );
  const created = results.filter((r) => r.status === 'created').length;
  return { created, failed: results.length - created, results };
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
