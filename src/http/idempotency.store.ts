import type { Executor } from '../storage/db.js';

export interface StoredAnswer {
  fingerprint: string;
  /** Null while the first request is still running. */
  statusCode: number | null;
  body: string | null;
  location: string | null;
  createdAt: string;
}

/** Claims a key for a request that is about to run; a unique violation means it is taken. */
export async function claimIdempotencyKey(
  db: Executor,
  key: { scope: string; key: string; fingerprint: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('idempotency_keys')
    .values({
      scope: key.scope,
      key: key.key,
      fingerprint: key.fingerprint,
      status_code: null,
      response_body: null,
      response_location: null,
      created_at: key.createdAt,
    })
    .execute();
}

export async function findIdempotencyKey(
  db: Executor,
  scope: string,
  key: string,
): Promise<StoredAnswer | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst();
  return (
    row && {
      fingerprint: row.fingerprint,
      statusCode: row.status_code,
      body: row.response_body,
      location: row.response_location,
      createdAt: row.created_at,
    }
  );
}

/** Forgets a key; with `createdAt`, only the claim that was seen, never a fresher one. */
export async function releaseIdempotencyKey(
  db: Executor,
  scope: string,
  key: string,
  createdAt?: string,
): Promise<void> {
  let query = db.deleteFrom('idempotency_keys').where('scope', '=', scope).where('key', '=', key);
  if (createdAt !== undefined) query = query.where('created_at', '=', createdAt);
  await query.execute();
}

export async function storeIdempotentAnswer(
  db: Executor,
  scope: string,
  key: string,
  answer: { statusCode: number; body: string; location: string | null },
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ status_code: answer.statusCode, response_body: answer.body, response_location: answer.location })
    .where('scope', '=', scope)
    .where('key', '=', key)
    .execute();
}

export async function deleteIdempotencyKeysBefore(db: Executor, createdBefore: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('created_at', '<', createdBefore).execute();
}
