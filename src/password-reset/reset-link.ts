import { findCommunityById } from '../communities/communities.store.js';
import type { Community } from '../communities/community.js';
import { hashToken } from '../crypto/random.js';
import { AppError } from '../errors.js';
import { findPersonAnywhere } from '../people/people.store.js';
import type { Person } from '../people/person.js';
import type { Executor } from '../storage/db.js';
import { findResetToken, type ResetToken } from './reset-tokens.store.js';

/** Forgot-password links (R20) last an hour: long enough to open an email, short if it leaks. */
export const RESET_LINK_MINUTES = 60;

const ASK_AGAIN = 'Ask for a new link from the sign-in page ("Forgot password").';

export interface ResetLink {
  token: ResetToken | null;
  person: Person | null;
  community: Community | null;
}

export async function loadResetLink(db: Executor, rawToken: string): Promise<ResetLink> {
  const token = await findResetToken(db, hashToken(rawToken));
  const person = token ? await findPersonAnywhere(db, token.personId) : null;
  const community = person ? await findCommunityById(db, person.communityId) : null;
  return { token, person, community };
}

/** Why a link cannot be used, in plain words; an unknown link is only "not valid". */
export function resetLinkProblem({ token, person }: ResetLink, now: string): AppError | null {
  if (!(token && person?.active && person.claimed)) {
    return new AppError(
      'reset_link_not_found',
      `This password reset link is not valid. Check that you opened the whole link from the email. ${ASK_AGAIN}`,
    );
  }
  if (token.usedAt) {
    return new AppError(
      'reset_link_used',
      `This password reset link has already been used. If you did not use it, ${ASK_AGAIN.toLowerCase()}`,
    );
  }
  if (token.expiresAt <= now) {
    return new AppError('reset_link_expired', `This password reset link has expired. ${ASK_AGAIN}`);
  }
  return null;
}

export const resetLink = (publicUrl: string, token: string) => `${publicUrl}/reset/${token}`;
