import type { Person } from '../people/person.js';
import { toColumns, toPerson } from '../people/person.row.js';
import type { Executor } from '../storage/db.js';
import type { PeopleTable } from '../storage/schema.js';

/** A person's access code as stored: never the code itself, only facts about it. */
export interface StoredAccessCode {
  createdAt: string;
  expiresAt: string;
  /** The person's invitation generation when it was made; a deactivation since kills it. */
  generation: number;
  usedAt: string | null;
  revokedAt: string | null;
}

function toStoredCode(row: PeopleTable): StoredAccessCode | null {
  if (!row.access_code_hash || !row.access_code_created_at || !row.access_code_expires_at) return null;
  return {
    createdAt: row.access_code_created_at,
    expiresAt: row.access_code_expires_at,
    generation: row.access_code_generation ?? -1,
    usedAt: row.access_code_used_at,
    revokedAt: row.access_code_revoked_at,
  };
}

/**
 * Gives a person a new access code in place of any old one (one per account by construction, R21),
 * and marks an unclaimed account invited: the code is its invitation.
 */
export async function replaceAccessCode(
  db: Executor,
  personId: string,
  code: { hash: string; createdAt: string; expiresAt: string; generation: number; invite: boolean },
): Promise<Person | null> {
  const row = await db
    .updateTable('people')
    .set((eb) => ({
      access_code_hash: code.hash,
      access_code_created_at: code.createdAt,
      access_code_expires_at: code.expiresAt,
      access_code_generation: code.generation,
      access_code_used_at: null,
      access_code_revoked_at: null,
      ...(code.invite ? { invited: 1 as const, invited_at: code.createdAt } : {}),
      updated_at: code.createdAt,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', personId)
    .returningAll()
    .executeTakeFirst();
  return row ? toPerson(row) : null;
}

/** Cancels a person's code if it is neither used nor cancelled yet; true if there was one. */
export async function markAccessCodeRevoked(db: Executor, personId: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('people')
    .set((eb) => ({ access_code_revoked_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', personId)
    .where('access_code_hash', 'is not', null)
    .where('access_code_used_at', 'is', null)
    .where('access_code_revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The person a code hash opens, with the code's facts, in whatever state the code is. */
export async function findByAccessCode(
  db: Executor,
  hash: string,
): Promise<{ person: Person; code: StoredAccessCode } | null> {
  const row = await db
    .selectFrom('people')
    .selectAll()
    .where('access_code_hash', '=', hash)
    .executeTakeFirst();
  const code = row ? toStoredCode(row) : null;
  return row && code ? { person: toPerson(row), code } : null;
}

/** The facts of a person's current code, or null if they never had one. */
export async function findAccessCodeOf(
  db: Executor,
  communityId: string,
  personId: string,
): Promise<StoredAccessCode | null> {
  const row = await db
    .selectFrom('people')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', personId)
    .executeTakeFirst();
  return row ? toStoredCode(row) : null;
}

/**
 * Uses up a code and makes the person's changes (a password, a claim) in one conditional update:
 * unused, not cancelled, unexpired, made at the person's current generation, the account active
 * and still claimed or unclaimed as the caller saw it. Of parallel uses exactly one gets the row.
 */
export async function consumeAccessCode(
  db: Executor,
  use: { hash: string; now: string; claimed: boolean; changes: Partial<Person> },
): Promise<Person | null> {
  const row = await db
    .updateTable('people')
    .set((eb) => ({
      ...toColumns(use.changes),
      access_code_used_at: use.now,
      version: eb('version', '+', 1),
    }))
    .where('access_code_hash', '=', use.hash)
    .where('access_code_used_at', 'is', null)
    .where('access_code_revoked_at', 'is', null)
    .where('access_code_expires_at', '>', use.now)
    .whereRef('access_code_generation', '=', 'invitation_generation')
    .where('active', '=', 1)
    .where('claimed', '=', use.claimed ? 1 : 0)
    .returningAll()
    .executeTakeFirst();
  return row ? toPerson(row) : null;
}

/**
 * Housekeeping: forgets every code that expired before `before`, used, cancelled or not: its keyed
 * hash and its facts go, and the account reads as never having had one. Neither the person's
 * version nor their last change moves: nothing about them changed.
 */
export async function forgetAccessCodesExpiredBefore(db: Executor, before: string): Promise<number> {
  const result = await db
    .updateTable('people')
    .set({
      access_code_hash: null,
      access_code_created_at: null,
      access_code_expires_at: null,
      access_code_generation: null,
      access_code_used_at: null,
      access_code_revoked_at: null,
    })
    .where('access_code_hash', 'is not', null)
    .where('access_code_expires_at', '<=', before)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
