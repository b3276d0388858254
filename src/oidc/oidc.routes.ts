import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { actingContext } from '../http/access.js';
import type { Api } from '../http/api.js';
import { registerClientRoutes } from './clients.routes.js';
import { decideConsent, describeInteraction } from './consent.js';
import { cancelInteraction, continueInteraction } from './interaction.js';
import { providerHandler } from './mount.js';
import { consentAnswerSchema, consentBodySchema, interactionViewSchema } from './oidc.schemas.js';
import { createOidcRuntime, type OidcRuntime } from './runtime.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The OpenID provider of this server (R60), for the back-channel logout worker and tests. */
    oidc: OidcRuntime;
  }
}

const uidParams = z.strictObject({ uid: z.string().min(1).max(100) });

/**
 * Sign in with Muster (R60): the provider under /oidc, the step between it and Muster's own sign-in
 * and consent pages, and the client apps system admins register.
 */
export function registerOidcRoutes(api: Api, deps: Deps) {
  const runtime = createOidcRuntime(deps, api.log);
  api.decorate('oidc', runtime);
  registerProviderMount(api, deps, runtime);
  registerInteractionRoutes(api, deps, runtime);
  registerClientRoutes(api, deps, runtime);
}

/**
 * Everything under /oidc is the provider library's (discovery, JWKS, authorize, token, userinfo,
 * logout): public, as the protocol asks, each endpoint guarding itself (client authentication,
 * bearer tokens, PKCE). In a scope of its own, whose bodies Fastify leaves for the library to read.
 */
function registerProviderMount(api: Api, deps: Deps, runtime: OidcRuntime) {
  const handler = providerHandler(runtime, deps.config);
  void api.register((scope: FastifyInstance, _options, done) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    scope.route({
      method: ['GET', 'POST'],
      url: '/oidc/*',
      config: { access: 'public' },
      schema: { hide: true },
      handler,
    });
    done();
  });
}

function registerInteractionRoutes(api: Api, deps: Deps, runtime: OidcRuntime) {
  const tags = ['sign in with Muster'];

  // Where the provider sends the browser: on to the app if the person is signed in to Muster
  // (and allowed), else to Muster's sign-in or consent page. The provider's interaction cookie,
  // set for this path only, ties it to the browser that began the sign-in.
  api.get(
    '/oidc/interaction/:uid',
    { config: { access: 'public' }, schema: { hide: true, params: uidParams } },
    async (request, reply) => {
      const provider = await runtime.provider();
      const next = await continueInteraction({
        deps,
        provider,
        uid: request.params.uid,
        req: request.raw,
        res: reply.raw,
      });
      return reply.header('cache-control', 'no-store').redirect(next, 303);
    },
  );

  api.get(
    '/oidc/interaction/:uid/cancel',
    { config: { access: 'public' }, schema: { hide: true, params: uidParams } },
    async (request, reply) => {
      const provider = await runtime.provider();
      const next = await cancelInteraction({
        provider,
        uid: request.params.uid,
        req: request.raw,
        res: reply.raw,
      });
      return reply.header('cache-control', 'no-store').redirect(next, 303);
    },
  );

  api.get(
    '/api/v1/oidc/interactions/:uid',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "An app's sign-in in progress: which app, which community, what it asks for (R60)",
        params: uidParams,
        response: { 200: interactionViewSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return describeInteraction({ deps, provider: await runtime.provider(), uid: request.params.uid });
    },
  );

  api.post(
    '/api/v1/oidc/interactions/:uid/consent',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Allow or refuse what a third-party app asked for (R60)',
        params: uidParams,
        body: consentBodySchema,
        response: { 200: consentAnswerSchema },
      },
    },
    async (request) =>
      decideConsent({
        deps,
        provider: await runtime.provider(),
        ctx: actingContext(request),
        uid: request.params.uid,
        allow: request.body.allow,
      }),
  );
}
