import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { hashToken } from '../crypto/random.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Authenticate, Principal } from '../http/access.js';
import { secondFactorStatus } from '../second-factor/policy.js';
import { csrfTokenFor } from '../sessions/issue-session.js';
import { lifetimesFor } from '../sessions/lifetimes.js';
import { touchSession } from '../sessions/sessions.store.js';
import { createTokenAuthenticator } from '../tokens/authenticate-token.js';
import {
  findLiveSession,
  findLiveSessionSummary,
  type LiveSession,
  type LiveSessionSummary,
} from './auth.store.js';
import { readSessionCookie } from './session-cookie.js';

/** Writing last-use on every request would make each read a write; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

/** A caller signed in with a session cookie: the principal, and the rows behind it. */
export interface SignedInPrincipal extends Principal, LiveSession {
  token: string;
}

/**
 * Finds the person behind a request's session cookie (R31). Sliding the idle window is
 * throttled to one write a minute per session.
 */
export function createAuthenticator(
  deps: Pick<Deps, 'db' | 'clock'> & { config: Pick<Config, 'secureCookies'> },
): Authenticate {
  const byToken = createTokenAuthenticator(deps);
  return async (request) => {
    // Scripts and identity providers send an API token (R27); browsers a session cookie.
    const bearer = bearerToken(request);
    if (bearer !== null) {
      // The route's own pattern, not the raw URL: paths match in any case and may be %-encoded.
      const area = (request.routeOptions.url ?? '').toLowerCase().startsWith('/scim/') ? 'scim' : 'rest';
      return byToken(bearer, area, request.ip);
    }
    const token = readSessionCookie(request, deps.config);
    if (!token) return null;
    const now = deps.clock.now();
    // A person's own account pages read the whole session, person and community; a route for a
    // role reads only who calls, so its lookup reads a tenth of the columns. Both test the same
    // liveness in the database, on every request.
    if (request.routeOptions.config.access === 'signed-in') {
      const live = await findLiveSession(deps.db, hashToken(token), now.toISOString());
      if (!live) return null;
      await slideIdleWindow(deps, live, now);
      return { ...principalOf(live, token), ...live, token } satisfies SignedInPrincipal;
    }
    const live = await findLiveSessionSummary(deps.db, hashToken(token), now.toISOString());
    if (!live) return null;
    await slideIdleWindow(deps, live, now);
    return principalOf(live, token);
  };
}

function principalOf({ person, community }: LiveSessionSummary, token: string): Principal {
  return {
    communityId: community.id,
    actor: { id: person.id, label: person.displayName, role: person.role },
    csrfToken: csrfTokenFor(token),
    mustEnrolSecondFactor: secondFactorStatus(person, community) === 'enrollment_required',
  };
}

/** Moves the session's idle timeout on, at most once a minute (a write), never past its absolute end. */
async function slideIdleWindow(
  deps: Pick<Deps, 'db'>,
  { session, person, community }: LiveSessionSummary,
  now: Date,
) {
  if (now.getTime() - Date.parse(session.lastUsedAt) <= TOUCH_INTERVAL_MS) return;
  const idleUntil = now.getTime() + lifetimesFor(person.role, community.settings).sessionIdleMinutes * 60_000;
  session.lastUsedAt = now.toISOString();
  session.idleExpiresAt = new Date(Math.min(idleUntil, Date.parse(session.absoluteExpiresAt))).toISOString();
  await touchSession(deps.db, session.id, session);
}

/** The token in `Authorization: Bearer …`, or null when there is none. */
function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new AppError('unauthenticated', 'Send the API token as "Authorization: Bearer <token>".');
  }
  return match[1];
}

/** The signed-in caller of a route that only sessions reach (their own account pages). */
export function signedInOf(request: FastifyRequest): SignedInPrincipal {
  const principal = request.principal;
  if (!principal || !('session' in principal)) {
    throw new AppError('unauthenticated', 'You are not signed in. Sign in again.');
  }
  return principal as SignedInPrincipal;
}
