import type { Executor } from '../storage/db.js';

/** One record of the provider library, as stored: the key hashed, the payload sealed. */
export interface StoredPayload {
  model: string;
  idHash: string;
  sealed: string;
  grantId: string | null;
  uid: string | null;
  userCodeHash: string | null;
  accountId: string | null;
  expiresAt: string | null;
}

export async function upsertPayload(db: Executor, row: StoredPayload): Promise<void> {
  const values = {
    payload: row.sealed,
    grant_id: row.grantId,
    uid: row.uid,
    user_code: row.userCodeHash,
    account_id: row.accountId,
    expires_at: row.expiresAt,
  };
  await db
    .insertInto('oidc_payloads')
    .values({ model: row.model, id: row.idHash, ...values, consumed_at: null })
    .onConflict((oc) => oc.columns(['model', 'id']).doUpdateSet(values))
    .execute();
}

type Found = { sealed: string; consumedAt: string | null };

/** A live record (not expired at `now`) by a column it is looked up by. */
export async function findPayload(
  db: Executor,
  model: string,
  by: { column: 'id' | 'uid' | 'user_code'; value: string },
  now: string,
): Promise<Found | null> {
  const row = await db
    .selectFrom('oidc_payloads')
    .select(['payload', 'consumed_at'])
    .where('model', '=', model)
    .where(by.column, '=', by.value)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst();
  return row ? { sealed: row.payload, consumedAt: row.consumed_at } : null;
}

/**
 * Marks a code or refresh token used, once: false when it already was, so two requests racing
 * with one refresh token cannot both get new tokens.
 */
export async function consumePayload(
  db: Executor,
  model: string,
  idHash: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('oidc_payloads')
    .set({ consumed_at: now })
    .where('model', '=', model)
    .where('id', '=', idHash)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deletePayload(db: Executor, model: string, idHash: string): Promise<void> {
  await db.deleteFrom('oidc_payloads').where('model', '=', model).where('id', '=', idHash).execute();
}

/** Every token and code of a grant (its sessions and the grant itself are kept). */
export async function deletePayloadsOfGrant(db: Executor, grantId: string): Promise<void> {
  await db
    .deleteFrom('oidc_payloads')
    .where('grant_id', '=', grantId)
    .where('model', '!=', 'Grant')
    .execute();
}

/** The sealed grants a person holds: one per app they signed in to and that still keeps it. */
export async function listSealedGrantsOfAccount(db: Executor, accountId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('oidc_payloads')
    .select('payload')
    .where('model', '=', 'Grant')
    .where('account_id', '=', accountId)
    .execute();
  return rows.map((row) => row.payload);
}

/** Everything of a person: their sessions, grants, codes and tokens; returns how many rows went. */
export async function deletePayloadsOfAccount(db: Executor, accountId: string): Promise<number> {
  const result = await db.deleteFrom('oidc_payloads').where('account_id', '=', accountId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Housekeeping: records past their lifetime. */
export async function deleteExpiredPayloads(db: Executor, now: string): Promise<void> {
  await db.deleteFrom('oidc_payloads').where('expires_at', '<=', now).execute();
}
