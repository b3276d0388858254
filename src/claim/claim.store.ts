import type { Executor } from '../storage/db.js';

export interface ClaimToken {
  personId: string;
  /** The person's invitation generation when issued; an older one is superseded (R8). */
  generation: number;
  expiresAt: string;
  usedAt: string | null;
}

export async function findClaimToken(db: Executor, tokenHash: string): Promise<ClaimToken | null> {
  const row = await db
    .selectFrom('claim_tokens')
    .select(['person_id', 'generation', 'expires_at', 'used_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row
    ? { personId: row.person_id, generation: row.generation, expiresAt: row.expires_at, usedAt: row.used_at }
    : null;
}

/**
 * Uses up a claim link in one conditional update: unused, unexpired, and of the generation its
 * person is at now while still active and unclaimed. Of parallel claims exactly one gets a row.
 */
export async function consumeClaimToken(
  db: Executor,
  tokenHash: string,
  now: string,
): Promise<{ personId: string; generation: number } | null> {
  const row = await db
    .updateTable('claim_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .where('generation', '=', (eb) =>
      eb
        .selectFrom('people')
        .select('invitation_generation')
        .whereRef('people.id', '=', 'claim_tokens.person_id')
        .where('active', '=', 1)
        .where('claimed', '=', 0),
    )
    .returning(['person_id', 'generation'])
    .executeTakeFirst();
  return row ? { personId: row.person_id, generation: row.generation } : null;
}
