import { findCommunityBySlug } from '../communities/communities.store.js';
import { systemContext } from '../context.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { TokenScope } from './api-token.js';
import { createApiToken } from './tokens.js';

/** A token the operator makes on the server (`npx muster token create`): owned by nobody, audited. */
export async function createTokenAsOperator({
  deps,
  communitySlug,
  name,
  scopes,
  expiresInDays,
}: {
  deps: Deps;
  communitySlug: string;
  name: string;
  scopes: TokenScope[];
  expiresInDays?: number | undefined;
}) {
  const community = await findCommunityBySlug(deps.db, communitySlug);
  if (!community) throw new AppError('community_not_found', `There is no community "${communitySlug}".`);
  return createApiToken({
    deps,
    ctx: systemContext(community.id, 'muster-cli'),
    name,
    scopes,
    expiresInDays,
  });
}
