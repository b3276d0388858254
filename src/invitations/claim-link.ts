import type { Clock } from '../clock.js';
import { hashToken, randomToken } from '../crypto/random.js';
import type { Tx } from '../storage/db.js';
import { insertClaimToken, insertClaimTokens } from './invitations.store.js';

/**
 * Claim links (R8): 144 random bits (24 URL-safe characters, short enough to keep the SMS in
 * one segment), stored as a SHA-256 hash, single use, expiring, and bound to the person's
 * invitation generation so that any newer invitation, reset or deactivation kills older links.
 */
export async function issueClaimToken(
  tx: Tx,
  clock: Clock,
  person: { id: string; communityId: string; generation: number },
  lifetimeDays: number,
): Promise<string> {
  const now = clock.now();
  const token = randomToken(18);
  await insertClaimToken(tx, {
    tokenHash: hashToken(token),
    communityId: person.communityId,
    personId: person.id,
    generation: person.generation,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + lifetimeDays * 86_400_000).toISOString(),
  });
  return token;
}

/** issueClaimToken for many people at once (an import's batch): one link each, in a few statements. */
export async function issueClaimTokens(
  tx: Tx,
  clock: Clock,
  people: readonly { id: string; communityId: string; generation: number }[],
  lifetimeDays: number,
): Promise<string[]> {
  const now = clock.now();
  const createdAt = now.toISOString();
  const expiresAt = new Date(now.getTime() + lifetimeDays * 86_400_000).toISOString();
  const tokens = people.map(() => randomToken(18));
  await insertClaimTokens(
    tx,
    people.map((person, i) => ({
      tokenHash: hashToken(tokens[i] ?? ''),
      communityId: person.communityId,
      personId: person.id,
      generation: person.generation,
      createdAt,
      expiresAt,
    })),
  );
  return tokens;
}

export function claimLink(publicUrl: string, token: string): string {
  return `${publicUrl}/claim/${token}`;
}
