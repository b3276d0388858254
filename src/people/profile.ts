import { AppError } from '../errors.js';
import type { Executor } from '../storage/db.js';
import type { UpdatePersonInput } from './people.schemas.js';
import { findPersonById, isInReportingChain } from './people.store.js';
import type { Person } from './person.js';

/** The profile fields of SPEC §1 that an admin may write; role, state and secrets are not among them (R35). */
const PROFILE_FIELDS = [
  'givenName',
  'familyName',
  'displayName',
  'jobTitle',
  'department',
  'division',
  'organization',
  'costCenter',
  'location',
  'locale',
  'timeZone',
  'managerId',
  'externalId',
  'startDate',
  'frontline',
] as const satisfies readonly (keyof Person & keyof UpdatePersonInput)[];

export type ProfileInput = Partial<Pick<UpdatePersonInput, (typeof PROFILE_FIELDS)[number]>>;

/** The profile fields the input sets (undefined leaves a field alone; null clears it). */
export function profileChanges(input: ProfileInput): Partial<Person> {
  const changes: Record<string, unknown> = {};
  for (const field of PROFILE_FIELDS) {
    if (input[field] !== undefined) changes[field] = input[field];
  }
  return changes as Partial<Person>;
}

export function displayNameOf(
  given: string | null | undefined,
  family: string | null | undefined,
): string | null {
  const name = [given, family].filter(Boolean).join(' ').trim();
  return name === '' ? null : name;
}

/** The refusal of a manager who is not (or no longer) a person of the community. */
export function managerNotFound(): AppError {
  return new AppError(
    'manager_not_found',
    'The manager was not found in this community. Pick someone from the people list.',
  );
}

/** A manager must be someone of the same community, and not make a reporting loop. */
export async function checkManager(
  tx: Executor,
  communityId: string,
  personId: string | null,
  managerId: string | null | undefined,
) {
  if (managerId == null) return;
  if (managerId === personId) throw new AppError('manager_cycle', 'A person cannot be their own manager.');
  if (!(await findPersonById(tx, communityId, managerId))) throw managerNotFound();
  // A → B → A is refused, however long the way back to this person.
  if (personId && (await isInReportingChain(tx, communityId, { from: managerId, person: personId }))) {
    throw new AppError('manager_cycle', 'That manager reports to this person, which would make a loop.');
  }
}
