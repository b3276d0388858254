import { findCommunityBySlug } from '../communities/communities.store.js';
import { systemContext } from '../context.js';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { normaliseLogin } from '../people/login.js';
import { findPersonByLogin } from '../people/people.store.js';
import type { Person } from '../people/person.js';
import { resetSecondFactor } from './enrol.js';

/**
 * The operator's escape hatch when an admin has lost their authenticator and every backup code,
 * and no other system admin can reset it (R40): run on the server, audited as the operator.
 */
export async function resetAdminSecondFactor({
  deps,
  communitySlug,
  login,
}: {
  deps: Deps;
  communitySlug: string;
  login: { email: string } | { phone: string };
}): Promise<Person> {
  const community = await findCommunityBySlug(deps.db, communitySlug);
  if (!community) throw new AppError('community_not_found', `There is no community "${communitySlug}".`);
  const { kind, value } = normaliseLogin(login, community);
  const person = await findPersonByLogin(deps.db, community.id, kind, value);
  if (!person) throw notFound(`The person ${value}`);
  await resetSecondFactor({ deps, ctx: systemContext(community.id, 'muster-cli'), person });
  return person;
}
