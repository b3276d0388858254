import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../storage/db.js';
import type { ApiTokensTable, Role } from '../storage/schema.js';
import { type ApiToken, toApiToken } from './api-token.js';

export async function insertApiToken(db: Executor, token: ApiToken & { tokenHash: string }): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({
      id: token.id,
      community_id: token.communityId,
      created_by: token.createdBy,
      name: token.name,
      scopes: token.scopes.join(' '),
      token_hash: token.tokenHash,
      hint: token.hint,
      created_at: token.createdAt,
      expires_at: token.expiresAt,
      revoked_at: null,
      last_used_at: null,
      last_used_ip: null,
    })
    .execute();
}

export interface UsableToken {
  token: ApiToken;
  /** The owner's role now, or null for a token the operator made (it acts as a system admin). */
  ownerRole: Role | null;
  ownerLabel: string | null;
}

/**
 * The token behind a hash if it can be used now: not revoked, not expired, and its owner (if it
 * has one) still active. A token is never worth more than the person who made it is today.
 */
type UsableTokenRow = ApiTokensTable & {
  owner_role: Role | null;
  owner_active: number | null;
  owner_claimed: number | null;
  owner_label: string | null;
};

export function findUsableToken(db: Executor, tokenHash: string, now: string): Promise<UsableToken | null> {
  return findUsable(db, sql`api_tokens.token_hash = ${tokenHash}`, now);
}

/** The same, by the token's id: for work a token started that goes on after its request. */
export function findUsableTokenById(db: Executor, id: string, now: string): Promise<UsableToken | null> {
  return findUsable(db, sql`api_tokens.id = ${id}`, now);
}

async function findUsable(
  db: Executor,
  which: RawBuilder<unknown>,
  now: string,
): Promise<UsableToken | null> {
  // It runs on every request an integration makes, so its SQL is written out, not built each time.
  const { rows } = await sql<UsableTokenRow>`
    select api_tokens.*, people.role as owner_role, people.active as owner_active,
      people.claimed as owner_claimed, people.display_name as owner_label
    from api_tokens
    left join people on people.id = api_tokens.created_by
    where ${which}
      and api_tokens.revoked_at is null
      and (api_tokens.expires_at is null or api_tokens.expires_at > ${now})`.execute(db);
  const row = rows[0];
  if (!row) return null;
  const { owner_role, owner_active, owner_claimed, owner_label, ...token } = row;
  // A token acts as its owner: an owner who cannot sign in (deactivated, or reset to unclaimed)
  // lends it nothing.
  if (token.created_by !== null && (owner_active !== 1 || owner_claimed !== 1)) return null;
  return { token: toApiToken(token), ownerRole: owner_role ?? null, ownerLabel: owner_label ?? null };
}

export async function listApiTokens(db: Executor, communityId: string): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('community_id', '=', communityId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toApiToken);
}

export async function revokeApiToken(
  db: Executor,
  communityId: string,
  id: string,
  now: string,
): Promise<ApiToken | null> {
  const row = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return row ? toApiToken(row) : null;
}

export async function recordTokenUse(
  db: Executor,
  id: string,
  use: { at: string; ip: string | null },
): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: use.at, last_used_ip: use.ip })
    .where('id', '=', id)
    .execute();
}

/** Revokes every live token a person made; returns how many. */
export async function revokeTokensOf(db: Executor, personId: string, now: string): Promise<number> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('created_by', '=', personId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
