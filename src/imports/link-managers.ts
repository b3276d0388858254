import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Person } from '../people/person.js';
import { updatePersonIn } from '../people/update-person.js';
import type { Executor } from '../storage/db.js';
import { type ClaimedRow, type ImportJob, jobContext } from './job.js';
import { applyLines, type LineWork } from './line-units.js';
import { findPeopleByIds, findPeopleByKeys } from './people-keys.store.js';
import { recordOutcomes } from './record-outcomes.js';
import { managerLookup } from './row-keys.js';

/**
 * The second pass (R54): once every line of the file is in, each person whose manager was a
 * later line gets that manager, in any order and checked for loops like any edit. A manager whose
 * own line failed leaves the person without one, and the line says so.
 */
export async function linkManagers(deps: Deps, job: ImportJob, rows: readonly ClaimedRow[], owner: string) {
  const { managers, people } = await lookUp(deps.db, job.communityId, rows);
  const byLine = new Map(rows.map((row) => [row.line, row]));
  await applyLines(
    deps.db,
    {
      preview: false,
      record: (tx, outcomes) => recordOutcomes(tx, deps, { job, owner, phase: 'managers' }, byLine, outcomes),
    },
    rows.length,
    (index) => {
      const row = rows[index] as ClaimedRow;
      const person = row.personId ? people.get(row.personId) : undefined;
      const manager = row.managerKey ? managers.get(row.managerKey) : undefined;
      return linkWork(deps, job, row, person, manager);
    },
  );
}

function linkWork(
  deps: Deps,
  job: ImportJob,
  row: ClaimedRow,
  person: Person | undefined,
  manager: Person | undefined,
): LineWork {
  const done = { line: row.line, personId: row.personId, managerState: 'done' as const };
  const name = person?.displayName ?? 'This person';
  const kept = row.status === 'created' ? 'added' : 'kept';
  if (!person) return { outcome: { ...done, status: row.status } };
  if (!manager) {
    return {
      outcome: {
        ...done,
        status: 'failed',
        code: 'manager_not_found',
        message: `${name} was ${kept}, but their manager could not be set: the manager's own row was not imported. Fix that row and import the file again.`,
      },
    };
  }
  if (person.managerId === manager.id) return { outcome: { ...done, status: row.status } };
  return {
    change: async (tx) => {
      await updatePersonIn(tx, {
        deps,
        ctx: jobContext(job),
        id: person.id,
        input: { managerId: manager.id },
      });
      return { ...done, status: row.status === 'unchanged' ? 'updated' : row.status };
    },
    refused: (error) => {
      if (!(error instanceof AppError)) throw error;
      return {
        ...done,
        status: 'failed',
        code: error.code,
        message: `${name} was ${kept}, but their manager could not be set: ${error.message}`,
      };
    },
  };
}

async function lookUp(db: Executor, communityId: string, rows: readonly ClaimedRow[]) {
  const keys = [...new Set(rows.flatMap((row) => (row.managerKey ? [row.managerKey] : [])))];
  const lookups = keys.map(managerLookup);
  const found = await findPeopleByKeys(db, communityId, {
    emails: lookups.flatMap((l) => ('email' in l ? [l.email] : [])),
    phones: [],
    externalIds: lookups.flatMap((l) => ('externalId' in l ? [l.externalId] : [])),
  });
  const managers = new Map<string, Person>();
  for (const person of found) {
    if (person.email) managers.set(`email:${person.email.toLowerCase()}`, person);
    if (person.externalId) managers.set(`ext:${person.externalId}`, person);
  }
  const ids = rows.flatMap((row) => (row.personId ? [row.personId] : []));
  const people = new Map((await findPeopleByIds(db, communityId, ids)).map((p) => [p.id, p]));
  return { managers, people };
}
