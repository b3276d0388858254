import { createHash } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { RequestMeta } from '../context.js';
import { hashToken, newId, randomToken } from '../crypto/random.js';
import type { Executor } from '../storage/db.js';
import { insertSession } from './sessions.store.js';

export interface IssuedSession {
  id: string;
  /** The bearer secret, returned once in a cookie; only its hash is stored. */
  token: string;
  expiresAt: string;
}

export interface SessionLifetimes {
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
}

/** Starts a session: a fresh 256-bit token (R31), stored as its hash, within both timeouts. */
export async function issueSession(
  db: Executor,
  clock: Clock,
  person: { id: string; communityId: string },
  lifetimes: SessionLifetimes,
  meta: RequestMeta,
): Promise<IssuedSession> {
  const now = clock.now();
  const token = randomToken(32);
  const id = newId(now);
  const absoluteMs = now.getTime() + lifetimes.sessionAbsoluteHours * 3_600_000;
  const absolute = new Date(absoluteMs).toISOString();
  const idle = new Date(
    Math.min(absoluteMs, now.getTime() + lifetimes.sessionIdleMinutes * 60_000),
  ).toISOString();
  await insertSession(db, {
    id,
    communityId: person.communityId,
    personId: person.id,
    tokenHash: hashToken(token),
    createdAt: now.toISOString(),
    lastUsedAt: now.toISOString(),
    idleExpiresAt: idle,
    absoluteExpiresAt: absolute,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { id, token, expiresAt: absolute };
}

/**
 * The CSRF token is derived from the session token: a page on another site can neither read our
 * cookie nor this value, and nothing more needs storing. It is sent back in X-CSRF-Token.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`muster-csrf:${sessionToken}`).digest('base64url');
}
