import { z } from 'zod';
import type { Deps } from '../context.js';
import { actingContext, authOf, clearSessionCookie, requestMeta, setSessionCookie } from '../http/access.js';
import { type Api, idParams } from '../http/api.js';
import { changePassword, login, logout, revokeOtherSessions, revokeOwnSession } from './auth.service.js';
import { listLiveSessions } from './sessions.store.js';
import { sessionViewSchema, toSessionView } from './sessions.view.js';
import { signedInView, toSignedInView } from './signed-in.view.js';

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
      return toSignedInView(result.person, result.community, result.session);
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
      return toSignedInView(person, community, { token, expiresAt: session.absolute_expires_at });
    },
  );

  api.get(
    '/api/v1/me/sessions',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Where you are signed in',
        response: { 200: z.object({ items: z.array(sessionViewSchema) }) },
      },
    },
    async (request) => {
      const { person, session: current } = authOf(request);
      const rows = await listLiveSessions(deps.db, person.id, deps.clock.now().toISOString());
      return {
        items: rows.map((row) => toSessionView(row, current.id)),
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
