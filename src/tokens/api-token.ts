import type { ApiTokensTable } from '../storage/schema.js';

export const TOKEN_SCOPES = ['scim', 'rest'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** An API token (R27). The secret itself is never kept: only its hash, and a hint to tell it apart. */
export interface ApiToken {
  id: string;
  communityId: string;
  createdBy: string | null;
  name: string;
  scopes: TokenScope[];
  hint: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
}

export function toApiToken(row: ApiTokensTable): ApiToken {
  return {
    id: row.id,
    communityId: row.community_id,
    createdBy: row.created_by,
    name: row.name,
    scopes: row.scopes
      .split(' ')
      .filter((s): s is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(s)),
    hint: row.hint,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    lastUsedIp: row.last_used_ip,
  };
}
