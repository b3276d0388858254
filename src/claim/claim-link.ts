import { findCommunityById } from '../communities/communities.store.js';
import type { Community } from '../communities/community.js';
import { hashToken } from '../crypto/random.js';
import { AppError } from '../errors.js';
import { findPersonAnywhere } from '../people/people.store.js';
import type { Person } from '../people/person.js';
import type { Executor } from '../storage/db.js';
import { type ClaimToken, findClaimToken } from './claim.store.js';

const ASK_ADMIN = 'Ask your admin to send you a new invitation.';

export interface ClaimLink {
  token: ClaimToken | null;
  person: Person | null;
  community: Community | null;
}

/** The link a token opens: the token's row, its person and their community, each if found. */
export async function loadClaimLink(db: Executor, rawToken: string): Promise<ClaimLink> {
  const token = await findClaimToken(db, hashToken(rawToken));
  const person = token ? await findPersonAnywhere(db, token.personId) : null;
  const community = person ? await findCommunityById(db, person.communityId) : null;
  return { token, person, community };
}

/**
 * Why a link cannot be used, in words a worker understands. Nothing here says whether the number
 * has an account elsewhere (R8): an unknown link is just "not valid".
 */
export function claimLinkProblem({ token, person }: ClaimLink, now: string): AppError | null {
  if (!token || !person)
    return new AppError(
      'claim_link_not_found',
      `This invitation link is not valid. Check that you opened the whole link from your text message or email. ${ASK_ADMIN}`,
    );
  if (token.usedAt || (person.claimed && token.generation === person.invitationGeneration)) {
    return new AppError(
      'claim_link_used',
      `This invitation link has already been used. If you have set a password, sign in with it; otherwise ${ASK_ADMIN.toLowerCase()}`,
    );
  }
  if (token.generation < person.invitationGeneration || !person.active) return supersededLink();
  if (token.expiresAt <= now)
    return new AppError('claim_link_expired', `This invitation link has expired. ${ASK_ADMIN}`);
  return null;
}

export function supersededLink(): AppError {
  return new AppError(
    'claim_link_superseded',
    `This invitation link was replaced by a newer one. Use the link in your latest text message or email, or ${ASK_ADMIN.toLowerCase()}`,
  );
}
