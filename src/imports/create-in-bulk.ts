import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { addPeopleInBulk } from '../onboarding/add-people-in-bulk.js';
import type { Result } from '../onboarding/bulk-verdicts.js';
import type { Holds } from '../onboarding/limits-met.js';
import type { NormalisedLogin } from '../people/login.js';
import type { CreatePersonInput } from '../people/people.schemas.js';
import { deferred } from './holds.js';
import type { ClaimedRow, RowOutcome } from './job.js';
import type { Record as RecordOutcomes } from './line-units.js';
import type { Plan } from './plan-row.js';

/** A line of a batch that adds a person, or whose outcome is already known. */
export interface BulkLine {
  row: ClaimedRow;
  plan: Exclude<Plan, { kind: 'update' }>;
}

type Creating = { row: ClaimedRow; plan: Extract<Plan, { kind: 'create' }> };

/**
 * Adds the new people of a run of lines in one transaction, with multi-row statements
 * (addPeopleInBulk), and records every line's outcome with the change (R54). A daily limit met
 * holds back the lines it stops, to be added when it resets (R6, R34). Answers the limits met,
 * for the lines after the run.
 *
 * Throws, having changed nothing, when the bulk path cannot vouch for the lines (a login taken
 * meanwhile, a limit reached by someone else): the caller applies them one by one.
 */
export async function createInBulk(
  { deps, ctx }: { deps: Deps; ctx: ActingContext },
  lines: readonly BulkLine[],
  holds: Holds,
  record: RecordOutcomes,
): Promise<Holds> {
  const creating = lines.filter((line): line is Creating => line.plan.kind === 'create');
  const added = await addPeopleInBulk(
    // The batch's lookups found every login of the file that is someone's already.
    { deps, ctx, channel: 'import', limitsMet: 'hold', loginsLookedUp: true },
    creating.map(({ row, plan }) => ({ input: plan.input, login: readWhenStored(row, plan.input) })),
    holds,
    (tx, results) => record(tx, outcomesOf(lines, creating, results)),
  );
  return added.holds;
}

/**
 * The login a line's key already holds, where reading it again would give the same: a number
 * written with its country code was read as the file was stored, and reads the same now (the
 * community's default country plays no part). Reading numbers is the dearest check of a line.
 */
function readWhenStored(row: ClaimedRow, input: CreatePersonInput): NormalisedLogin | undefined {
  if (input.email !== undefined || !input.phone?.trim().startsWith('+')) return undefined;
  return row.loginKey?.startsWith('phone:')
    ? { kind: 'phone', value: row.loginKey.slice('phone:'.length) }
    : undefined;
}

/** Every line's outcome in file order: the known ones, and those of the lines added in bulk. */
function outcomesOf(
  lines: readonly BulkLine[],
  creating: readonly Creating[],
  results: readonly Result[],
): RowOutcome[] {
  const byLine = new Map(
    creating.map((c, i) => [c.row.line, { plan: c.plan, result: results[i] as Result }]),
  );
  return lines.map(({ row, plan }) => {
    const created = byLine.get(row.line);
    if (plan.kind === 'done' || !created) return (plan as { outcome: RowOutcome }).outcome;
    const { result } = created;
    if ('held' in result) return deferred(row.line, result.held);
    if ('refused' in result)
      return { line: row.line, status: 'failed', code: result.refused.code, message: result.refused.message };
    return {
      line: row.line,
      status: 'created',
      personId: result.added.id,
      managerState: created.plan.managerState,
    };
  });
}
