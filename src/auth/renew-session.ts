import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import { requestMeta } from '../http/access.js';
import { csrfTokenFor, issueSession } from '../sessions/issue-session.js';
import { lifetimesFor } from '../sessions/lifetimes.js';
import { revokeSession } from '../sessions/sessions.store.js';
import { signedInOf } from './authenticate.js';
import { setSessionCookie } from './session-cookie.js';

/**
 * A new session id after the person proved themselves again (R41): whoever copied the old
 * session token before this moment holds nothing. The answer carries the new CSRF token, which
 * the web app picks up from any answer that has one.
 */
export async function renewSession(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<string> {
  const { session, person, community } = signedInOf(request);
  const renewed = await deps.db.transaction().execute(async (tx) => {
    await revokeSession(tx, session.id, deps.clock.now().toISOString());
    return issueSession(
      tx,
      deps.clock,
      person,
      lifetimesFor(person.role, community.settings),
      requestMeta(request),
    );
  });
  setSessionCookie(reply, deps.config, renewed.token, renewed.expiresAt);
  return csrfTokenFor(renewed.token);
}
