import { z } from 'zod';
import type { Session } from './session.js';

export const sessionViewSchema = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

export type SessionView = z.infer<typeof sessionViewSchema>;

export function toSessionView(session: Session, currentId: string | null): SessionView {
  return {
    id: session.id,
    current: session.id === currentId,
    createdAt: session.createdAt,
    lastUsedAt: session.lastUsedAt,
    expiresAt: session.idleExpiresAt,
    ip: session.ip,
    userAgent: session.userAgent,
  };
}
