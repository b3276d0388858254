import { findCommunityBySlug } from '../communities/communities.store.js';
import { type ActingContext, systemContext } from '../context.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';

/**
 * The context of the operator at the server's command line: no signed-in admin, recorded in the
 * audit log as the command line. Like any caller without the system admin role, it cannot change
 * a system admin.
 */
export async function operatorContext(deps: Deps, communitySlug: string): Promise<ActingContext> {
  const community = await findCommunityBySlug(deps.db, communitySlug);
  if (!community) throw new AppError('community_not_found', `There is no community "${communitySlug}".`);
  return systemContext(community.id, 'muster-cli');
}
