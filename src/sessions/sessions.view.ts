import { z } from 'zod';
import type { SessionRow } from './sessions.store.js';

export const sessionViewSchema = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

export function toSessionView(row: SessionRow, currentId: string | null) {
  return {
    id: row.id,
    current: row.id === currentId,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.idle_expires_at,
    ip: row.ip,
    userAgent: row.user_agent,
  };
}
