import type { Executor } from '../storage/db.js';

export interface ResetToken {
  personId: string;
  communityId: string;
  expiresAt: string;
  usedAt: string | null;
}

export async function insertResetToken(
  db: Executor,
  token: { tokenHash: string; personId: string; communityId: string; now: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('password_reset_tokens')
    .values({
      token_hash: token.tokenHash,
      person_id: token.personId,
      community_id: token.communityId,
      created_at: token.now,
      expires_at: token.expiresAt,
      used_at: null,
    })
    .execute();
}

export async function findResetToken(db: Executor, tokenHash: string): Promise<ResetToken | null> {
  const row = await db
    .selectFrom('password_reset_tokens')
    .select(['person_id', 'community_id', 'expires_at', 'used_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row
    ? {
        personId: row.person_id,
        communityId: row.community_id,
        expiresAt: row.expires_at,
        usedAt: row.used_at,
      }
    : null;
}

/**
 * Uses a link up: one conditional update, so of several parallel uses exactly one gets the
 * person back (single use), and never after it expired.
 */
export async function consumeResetToken(
  db: Executor,
  tokenHash: string,
  now: string,
): Promise<{ personId: string } | null> {
  const row = await db
    .updateTable('password_reset_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('person_id')
    .executeTakeFirst();
  return row ? { personId: row.person_id } : null;
}

/** Once the password is reset, every other link sent for it is spent too. */
export async function spendResetTokensOf(db: Executor, personId: string, now: string): Promise<void> {
  await db
    .updateTable('password_reset_tokens')
    .set({ used_at: now })
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .execute();
}

export async function deleteResetTokensBefore(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('password_reset_tokens').where('expires_at', '<', before).execute();
}
