import type { Executor } from '../storage/db.js';

export interface StoredSigningKey {
  id: string;
  keySealed: string;
  current: boolean;
  createdAt: string;
  retiredAt: string | null;
}

/** The keys still published: the current one first, then those retired after `retiredSince`. */
export async function listPublishedKeys(db: Executor, retiredSince: string): Promise<StoredSigningKey[]> {
  const rows = await db
    .selectFrom('oidc_signing_keys')
    .selectAll()
    .where((eb) => eb.or([eb('current', '=', 1), eb('retired_at', '>', retiredSince)]))
    .orderBy('created_at', 'desc')
    .execute();
  return rows
    .map((row) => ({
      id: row.id,
      keySealed: row.key_sealed,
      current: row.current === 1,
      createdAt: row.created_at,
      retiredAt: row.retired_at,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Adds a key as the current one, unless another server just did: false then. */
export async function insertCurrentKey(
  db: Executor,
  key: { id: string; keySealed: string; createdAt: string },
): Promise<boolean> {
  const result = await db
    .insertInto('oidc_signing_keys')
    .values({
      id: key.id,
      key_sealed: key.keySealed,
      current: 1,
      created_at: key.createdAt,
      retired_at: null,
    })
    .onConflict((oc) => oc.column('current').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Retires the current key; returns its id, or null when there was none. */
export async function retireCurrentKey(db: Executor, now: string): Promise<string | null> {
  const row = await db
    .updateTable('oidc_signing_keys')
    .set({ current: null, retired_at: now })
    .where('current', '=', 1)
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Housekeeping: keys retired long enough ago that no token they signed is still valid. */
export async function deleteKeysRetiredBefore(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('oidc_signing_keys').where('retired_at', '<=', before).execute();
}
