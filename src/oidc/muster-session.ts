import type { IncomingMessage } from 'node:http';
import { findLiveSession, type LiveSession } from '../auth/auth.store.js';
import { sessionCookieName } from '../auth/session-cookie.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { hashToken } from '../crypto/random.js';
import type { Db } from '../storage/db.js';

export type SessionDeps = { db: Db; clock: Clock; config: Pick<Config, 'secureCookies'> };

/** One cookie's value from a raw Cookie header. */
function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return null;
      }
    }
  }
  return null;
}

/**
 * The browser's Muster session, read from the raw request the provider library handles: Muster's
 * own sign-in is the apps' sign-in (R60), so the provider asks for it, not for a login of its own.
 */
export async function musterSessionOf(deps: SessionDeps, req: IncomingMessage): Promise<LiveSession | null> {
  const token = cookieValue(req.headers.cookie, sessionCookieName(deps.config.secureCookies));
  if (!token) return null;
  return findLiveSession(deps.db, hashToken(token), deps.clock.now().toISOString());
}
