import type { SessionsTable } from '../storage/schema.js';

/** A signed-in device. The token itself is never kept; only its hash is, in the store. */
export interface Session {
  id: string;
  communityId: string;
  personId: string;
  createdAt: string;
  lastUsedAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export function toSession(row: SessionsTable): Session {
  return {
    id: row.id,
    communityId: row.community_id,
    personId: row.person_id,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    idleExpiresAt: row.idle_expires_at,
    absoluteExpiresAt: row.absolute_expires_at,
    ip: row.ip,
    userAgent: row.user_agent,
  };
}
