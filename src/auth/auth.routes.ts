import { z } from 'zod';
import type { Deps } from '../deps.js';
import { actingContext, requestMeta } from '../http/access.js';
import { type Api, idParams } from '../http/api.js';
import { sessionViewSchema } from '../sessions/sessions.view.js';
import { signedInOf } from './authenticate.js';
import { changePassword } from './change-password.js';
import { readDeviceToken, setDeviceCookie } from './device-cookie.js';
import { login } from './login.js';
import { listOwnSessions, logout, revokeOtherSessions, revokeOwnSession } from './own-sessions.js';
import { renewSession } from './renew-session.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { signedInView, toSignedInView } from './signed-in.view.js';

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: a route table, one declaration per route, read top to bottom
export function registerAuthRoutes(api: Api, deps: Deps) {
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
          totp: z
            .string()
            .max(40)
            .optional()
            .describe(
              'The code from an authenticator app, or a backup code, for accounts with a second factor (R40).',
            ),
        }),
        response: { 200: signedInView },
      },
    },
    async (request, reply) => {
      const { community: slug, identifier, password, totp } = request.body;
      const result = await login({
        deps,
        communitySlug: slug,
        identifier,
        password,
        totp,
        deviceToken: readDeviceToken(request, deps.config),
        meta: requestMeta(request),
      });
      setSessionCookie(reply, deps.config, result.session.token, result.session.expiresAt);
      setDeviceCookie(reply, deps.config, result.deviceToken);
      return toSignedInView(result.person, result.community, result.session);
    },
  );

  api.post(
    '/api/v1/auth/logout',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'Sign out of this device' } },
    async (request, reply) => {
      await logout({ deps, ctx: actingContext(request), sessionId: signedInOf(request).session.id });
      clearSessionCookie(reply, deps.config);
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
      const { person, community, session, token } = signedInOf(request);
      return toSignedInView(person, community, { token, expiresAt: session.absoluteExpiresAt });
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
      const { person, session } = signedInOf(request);
      return listOwnSessions({ deps, personId: person.id, currentSessionId: session.id });
    },
  );

  api.delete(
    '/api/v1/me/sessions/:id',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'Sign out one of your sessions', params: idParams },
    },
    async (request, reply) => {
      const { person, session } = signedInOf(request);
      await revokeOwnSession({
        deps,
        ctx: actingContext(request),
        personId: person.id,
        sessionId: request.params.id,
      });
      if (request.params.id === session.id) clearSessionCookie(reply, deps.config);
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
      const { person, session } = signedInOf(request);
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
        response: { 200: z.object({ otherSessionsEnded: z.number(), csrfToken: z.string() }) },
      },
    },
    async (request, reply) => {
      const { person, community, session } = signedInOf(request);
      const changed = await changePassword({
        deps,
        ctx: actingContext(request),
        person,
        community,
        currentSessionId: session.id,
        ...request.body,
      });
      return { ...changed, csrfToken: await renewSession(deps, request, reply) };
    },
  );
}
