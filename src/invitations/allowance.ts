import { findCommunityOrThrow } from '../communities/communities.store.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { claimSmsLeftToday } from '../limits/limits.service.js';
import { findPersonById } from '../people/people.store.js';

/** Claim messages sent to a person today and left (R5): "3 of 5 invitations left today". */
export async function claimSmsAllowance({
  deps,
  communityId,
  id,
}: {
  deps: Deps;
  communityId: string;
  id: string;
}) {
  const community = await findCommunityOrThrow(deps.db, communityId);
  // An id from another community is a 404, like everywhere else (R35).
  const person = await findPersonById(deps.db, communityId, id);
  if (!person) throw notFound('The person');
  return claimSmsLeftToday(deps.db, deps, community, person);
}
