import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ActingContext, Actor, RequestMeta } from '../context.js';
import { constantTimeEqual } from '../crypto/random.js';
import { AppError } from '../errors.js';
import type { Role } from '../storage/schema.js';

/**
 * Who may call a route, declared next to it. A route without a declaration fails at startup:
 * nothing is reachable by accident (deny by default, R35).
 */
type Access = 'public' | 'signed-in' | readonly Role[];

/** Who is calling, as the authenticator found them. */
export interface Principal {
  communityId: string;
  actor: Actor;
  /**
   * What a cookie session must send as X-CSRF-Token with every change; null where the credential
   * cannot be sent by a browser on its own (a bearer token), so no CSRF check is needed.
   */
  csrfToken: string | null;
  /**
   * An admin who must set up a second factor before anything else (R40): they may use their own
   * account's pages (to enrol), and every route for a role answers 403 until they have.
   */
  mustEnrolSecondFactor?: boolean;
}

/**
 * Finds the caller behind a request's credentials, or null. It is given from above (the auth
 * slice knows sessions), so this plumbing knows no feature.
 */
export type Authenticate = (request: FastifyRequest) => Promise<Principal | null>;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export const ADMINS: readonly Role[] = ['system_admin', 'account_manager'];
export const REPORT_READERS: readonly Role[] = ['system_admin', 'account_manager', 'analyst'];
export const SYSTEM_ADMIN: readonly Role[] = ['system_admin'];

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function registerAccessControl(app: FastifyInstance, authenticate: Authenticate) {
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (access === undefined) {
      throw new Error(`Route ${route.method} ${route.url} declares no access; say who may call it.`);
    }
    // The API description says which operations need a session, and which roles.
    if (access !== 'public' && route.schema) {
      const roles = access === 'signed-in' ? 'Any signed-in person.' : `Roles: ${access.join(', ')}.`;
      route.schema = {
        ...route.schema,
        security: [{ session: [] }],
        description: [route.schema.description, roles].filter(Boolean).join(' '),
      } as typeof route.schema;
    }
  });

  // Runs before the body is read, so an anonymous caller cannot make us parse anything big.
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const access = request.routeOptions.config.access;
    // The not-found handler has no access; public routes need nobody (and read no credentials,
    // so a bearer token meant for something else, such as /metrics, is not mistaken for ours).
    if (access === undefined || access === 'public') return;
    request.principal = await authenticate(request);
    const principal = request.principal;
    if (!principal)
      throw new AppError(
        'unauthenticated',
        'You are not signed in, or your session has ended. Sign in again.',
      );
    if (UNSAFE_METHODS.has(request.method) && principal.csrfToken !== null) {
      const presented = headerValue(request, 'x-csrf-token');
      if (presented === undefined || !constantTimeEqual(principal.csrfToken, presented)) {
        throw new AppError(
          'csrf_token_invalid',
          'This change was refused because it did not carry the X-CSRF-Token from sign-in. Reload the page and try again.',
        );
      }
    }
    if (access !== 'signed-in' && !access.includes(principal.actor.role)) {
      throw new AppError('forbidden', 'Your role does not allow this. Ask a system admin if you need it.');
    }
    if (access !== 'signed-in' && principal.mustEnrolSecondFactor) {
      throw new AppError(
        'totp_enrollment_required',
        'Set up your authenticator app first (Security and login → Two-step sign-in): administrators sign in with a password and a code.',
      );
    }
  });
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  return {
    ip: request.ip ?? null,
    requestId: request.id,
    userAgent: headerValue(request, 'user-agent') ?? null,
  };
}

/** The caller; only for routes whose access is not 'public'. */
function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated', 'You are not signed in. Sign in again.');
  return request.principal;
}

/** The community of the caller: every list and lookup is scoped to it (R35). */
export function communityOf(request: FastifyRequest): string {
  return principalOf(request).communityId;
}

export function actingContext(request: FastifyRequest): ActingContext {
  const { communityId, actor } = principalOf(request);
  return { communityId, actor, meta: requestMeta(request) };
}
