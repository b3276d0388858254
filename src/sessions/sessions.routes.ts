import { z } from 'zod';
import type { Deps } from '../context.js';
import { actingContext, authOf, clearSessionCookie, requestMeta, setSessionCookie } from '../http/access.js';
import { type Api, idParams } from '../http/api.js';
import { personViewSchema } from '../people/people.schemas.js';
import { toPersonView } from '../people/people.service.js';
import { changePassword, login, logout, revokeOtherSessions, revokeOwnSession } from './auth.service.js';
import { csrfTokenFor } from './sessions.service.js';
import { listLiveSessions } from './sessions.store.js';

const communityView = z.object({ id: z.string(), name: z.string(), slug: z.string() });
export const signedInView = z.object({
  person: personViewSchema,
  community: communityView,
  csrfToken: z.string().describe('Send as X-CSRF-Token with every POST, PUT, PATCH and DELETE.'),
  expiresAt: z.string(),
});
const sessionView = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

export function registerSessionRoutes(api: Api, deps: Deps) {
  const tags = ['sessions'];

  api.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sign in with email, mobile number or username, and password',
        body: z.strictObject({
          community: z
            .string()
            .max(40)
            .optional()
            .describe('The community slug; needed only when a server hosts several.'),
          identifier: z.string().min(1).max(254),
          password: z.string().max(1024),
        }),
        response: { 200: signedInView },
      },
    },
    async (request, reply) => {
      const { community: slug, identifier, password } = request.body;
      const result = await login({
        deps,
        communitySlug: slug,
        identifier,
        password,
        meta: requestMeta(request),
      });
      setSessionCookie(reply, deps, result.session.token, result.session.expiresAt);
      return {
        person: toPersonView(result.person),
        community: { id: result.community.id, name: result.community.name, slug: result.community.slug },
        csrfToken: csrfTokenFor(result.session.token),
        expiresAt: result.session.expiresAt,
      };
    },
  );

  api.post(
    '/api/v1/auth/logout',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'Sign out of this device' } },
    async (request, reply) => {
      await logout({ deps, ctx: actingContext(request), sessionId: authOf(request).session.id });
      clearSessionCookie(reply, deps);
      return reply.code(204).send();
    },
  );

  api.get(
    '/api/v1/me',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'Who is signed in', response: { 200: signedInView } },
    },
    async (request) => {
      const { person, community, session, token } = authOf(request);
      return {
        person: toPersonView(person),
        community: { id: community.id, name: community.name, slug: community.slug },
        csrfToken: csrfTokenFor(token),
        expiresAt: session.absolute_expires_at,
      };
    },
  );

  api.get(
    '/api/v1/me/sessions',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Where you are signed in',
        response: { 200: z.object({ items: z.array(sessionView) }) },
      },
    },
    async (request) => {
      const { person, session: current } = authOf(request);
      const rows = await listLiveSessions(deps.db, person.id, deps.clock.now().toISOString());
      return {
        items: rows.map((s) => ({
          id: s.id,
          current: s.id === current.id,
          createdAt: s.created_at,
          lastUsedAt: s.last_used_at,
          expiresAt: s.idle_expires_at,
          ip: s.ip,
          userAgent: s.user_agent,
        })),
      };
    },
  );

  api.delete(
    '/api/v1/me/sessions/:id',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'Sign out one of your sessions', params: idParams },
    },
    async (request, reply) => {
      const { person } = authOf(request);
      await revokeOwnSession({
        deps,
        ctx: actingContext(request),
        personId: person.id,
        sessionId: request.params.id,
      });
      if (request.params.id === authOf(request).session.id) clearSessionCookie(reply, deps);
      return reply.code(204).send();
    },
  );

  api.post(
    '/api/v1/me/sessions/revoke-others',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Log out of other devices',
        response: { 200: z.object({ sessionsEnded: z.number() }) },
      },
    },
    async (request) => {
      const { person, session } = authOf(request);
      const sessionsEnded = await revokeOtherSessions({
        deps,
        ctx: actingContext(request),
        personId: person.id,
        currentSessionId: session.id,
      });
      return { sessionsEnded };
    },
  );

  api.post(
    '/api/v1/me/password',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Change your password',
        body: z.strictObject({
          currentPassword: z.string().max(1024),
          newPassword: z.string().max(1024),
          logoutOtherDevices: z.boolean().default(false),
        }),
        response: { 200: z.object({ otherSessionsEnded: z.number() }) },
      },
    },
    async (request) => {
      const { person, community, session } = authOf(request);
      return changePassword({
        deps,
        ctx: actingContext(request),
        person,
        community,
        currentSessionId: session.id,
        ...request.body,
      });
    },
  );
}
