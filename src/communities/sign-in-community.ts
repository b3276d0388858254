import { AppError } from '../errors.js';
import type { Executor } from '../storage/db.js';
import { findCommunityBySlug, listFirstCommunities } from './communities.store.js';
import type { Community } from './community.js';

/**
 * The community a person signs in to (or recovers an account in). With one community the person
 * need not name it; with several, the slug says whose people to look in. Unknown slugs are no
 * secret (they are in every link), so they get a plain answer.
 */
export async function resolveSignInCommunity(db: Executor, slug: string | undefined): Promise<Community> {
  if (slug !== undefined) {
    const community = await findCommunityBySlug(db, slug);
    if (!community)
      throw new AppError(
        'community_not_found',
        `There is no community "${slug}". Check the address you were given.`,
      );
    return community;
  }
  const [first, second] = await listFirstCommunities(db);
  if (!first)
    throw new AppError(
      'community_not_found',
      'Muster has not been set up yet. Open the setup link the server printed.',
    );
  if (second)
    throw new AppError(
      'community_required',
      'Several communities use this server: say which one (its short name, the slug).',
    );
  return first;
}
