import type { Deps } from '../context.js';
import { hashToken, randomToken } from '../crypto/random.js';
import type { Tx } from '../storage/db.js';

/**
 * Claim links (R8): 144 random bits (24 URL-safe characters, short enough to keep the SMS in
 * one segment), stored as a SHA-256 hash, single use, expiring, and bound to the person's
 * invitation generation so that any newer invitation, reset or deactivation kills older links.
 */
export async function issueClaimToken(
  tx: Tx,
  deps: Deps,
  person: { id: string; communityId: string; generation: number },
  lifetimeDays: number,
): Promise<string> {
  const now = deps.clock.now();
  const token = randomToken(18);
  await tx
    .insertInto('claim_tokens')
    .values({
      token_hash: hashToken(token),
      community_id: person.communityId,
      person_id: person.id,
      generation: person.generation,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + lifetimeDays * 86_400_000).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

export function claimLink(publicUrl: string, token: string): string {
  return `${publicUrl}/claim/${token}`;
}
