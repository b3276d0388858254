import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ActingContext, Deps, RequestMeta } from '../context.js';
import { AppError } from '../errors.js';
import { isValidCsrfToken, type ResolvedSession, resolveSession } from '../sessions/sessions.service.js';
import { readSettings } from '../settings/settings.schemas.js';
import type { Role } from '../storage/schema.js';

/**
 * Who may call a route, declared next to it. A route without a declaration fails at startup:
 * nothing is reachable by accident (deny by default, R35).
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface Auth extends ResolvedSession {
  token: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    auth: Auth | null;
  }
}

export const ADMINS: readonly Role[] = ['system_admin', 'account_manager'];
export const REPORT_READERS: readonly Role[] = ['system_admin', 'account_manager', 'analyst'];
export const SYSTEM_ADMIN: readonly Role[] = ['system_admin'];

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function sessionCookieName(secure: boolean): string {
  // __Host- binds the cookie to this exact origin over https; browsers refuse it on http.
  return secure ? '__Host-muster_session' : 'muster_session';
}

export function registerAccessControl(app: FastifyInstance, deps: Deps) {
  const cookieName = sessionCookieName(deps.config.secureCookies);
  app.decorateRequest('auth', null);

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
    if (access === undefined) return; // the not-found handler
    const token = request.cookies[cookieName];
    if (token) {
      const resolved = await resolveSession(
        deps.db,
        deps.clock,
        token,
        (c) => readSettings(c.settings).sessionIdleMinutes,
      );
      if (resolved) request.auth = { ...resolved, token };
    }
    if (access === 'public') return;
    const auth = request.auth;
    if (!auth)
      throw new AppError(
        'unauthenticated',
        'You are not signed in, or your session has ended. Sign in again.',
      );
    if (
      UNSAFE_METHODS.has(request.method) &&
      !isValidCsrfToken(auth.token, headerValue(request, 'x-csrf-token'))
    ) {
      throw new AppError(
        'csrf_token_invalid',
        'This change was refused because it did not carry the X-CSRF-Token from sign-in. Reload the page and try again.',
      );
    }
    if (access !== 'signed-in' && !access.includes(auth.person.role)) {
      throw new AppError('forbidden', 'Your role does not allow this. Ask a system admin if you need it.');
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

/** The signed-in caller; only for routes whose access is not 'public'. */
export function authOf(request: FastifyRequest): Auth {
  if (!request.auth) throw new AppError('unauthenticated', 'You are not signed in. Sign in again.');
  return request.auth;
}

export function actingContext(request: FastifyRequest): ActingContext {
  const { person, community } = authOf(request);
  return {
    communityId: community.id,
    actor: { id: person.id, label: person.display_name, role: person.role },
    meta: requestMeta(request),
  };
}

export function setSessionCookie(reply: FastifyReply, deps: Deps, token: string, expiresAt: string) {
  reply.setCookie(sessionCookieName(deps.config.secureCookies), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply, deps: Deps) {
  reply.clearCookie(sessionCookieName(deps.config.secureCookies), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
  });
}
