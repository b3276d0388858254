import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import { registerAccessCodeRoutes } from './access-codes/access-codes.routes.js';
import { registerAuditRoutes } from './audit/audit.routes.js';
import { recordRefusedError } from './audit/refusals.js';
import { registerAuthRoutes } from './auth/auth.routes.js';
import { createAuthenticator } from './auth/authenticate.js';
import { registerSecondFactorRoutes } from './auth/second-factor.routes.js';
import { sessionCookieName } from './auth/session-cookie.js';
import { registerClaimRoutes } from './claim/claim.routes.js';
import type { Deps } from './deps.js';
import { registerDomainRoutes } from './domains/domains.routes.js';
import type { AppError } from './errors.js';
import { actingContext, registerAccessControl } from './http/access.js';
import type { Api } from './http/api.js';
import { registerIdempotency } from './http/idempotency.js';
import { serverLogging } from './http/log.js';
import { registerMetrics } from './http/metrics.js';
import { refuseNulCharacters } from './http/no-nul.js';
import { registerProblemHandlers, sendProblem } from './http/problem.js';
import { registerSecurityHeaders, securityHeaders } from './http/security-headers.js';
import { registerSystemRoutes } from './http/system.routes.js';
import { registerWebRoutes } from './http/web.routes.js';
import { registerImportRoutes } from './imports/imports.routes.js';
import { registerPeopleFileRoutes } from './imports/people-files.routes.js';
import { registerInvitationRoutes } from './invitations/invitations.routes.js';
import { registerLimitsRoutes } from './limits/limits.routes.js';
import { registerLockoutRoutes } from './lockouts/lockouts.routes.js';
import { registerMailRoutes } from './mail/mail.routes.js';
import { registerOidcRoutes } from './oidc/oidc.routes.js';
import { registerOnboardingRoutes } from './onboarding/onboarding.routes.js';
import { registerPasswordResetRoutes } from './password-reset/password-reset.routes.js';
import { registerPeopleRoutes } from './people/people.routes.js';
import { registerRecoveryRoutes } from './recovery/recovery.routes.js';
import { registerScimRoutes } from './scim/scim.routes.js';
import { registerSettingsRoutes } from './settings/settings.routes.js';
import { registerSetupRoutes } from './setup/setup.routes.js';
import { registerSmsRoutes } from './sms/sms.routes.js';
import { registerSmsLogRoutes } from './sms-log/sms-log.routes.js';
import { registerTokenRoutes } from './tokens/tokens.routes.js';

/** Builds the whole HTTP app without listening, so tests drive it with inject or a real port. */
export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const app = Fastify({
    ...serverLogging(deps.config.logLevel),
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: trustedProxies(deps.config.trustProxy),
    // Paths match in any case: SCIM clients write /users as often as /Users (ids keep their case).
    routerOptions: { ignoreTrailingSlash: true, caseSensitive: false },
    // Errors Fastify meets before routing (a URL with broken percent-encoding) get the same
    // problem answer, and the same headers, as every other refusal.
    frameworkErrors: (error, _request, reply) => {
      reply.headers(securityHeaders(deps.config));
      return sendProblem(reply, 'invalid_request', `This request cannot be read: ${error.message}.`);
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a cross-site form cannot send application/json without a CORS preflight.
  app.removeContentTypeParser('text/plain');
  await app.register(cookie);
  await app.register(swagger, openApiOptions(deps));
  registerPlumbing(app, deps);
  registerRoutes(app.withTypeProvider<ZodTypeProvider>(), deps, registerMetrics(app));
  await app.ready();
  return app;
}

function openApiOptions(deps: Deps) {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Muster API',
        version: '1',
        description:
          'Account management for workforces without company email. Sign in with POST /api/v1/auth/login; ' +
          'send the returned csrfToken as X-CSRF-Token on every change, or send an API token as ' +
          '"Authorization: Bearer <token>". Errors are RFC 9457 problem details with a stable `code`.',
      },
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey' as const,
            in: 'cookie',
            name: sessionCookieName(deps.config.secureCookies),
          },
        },
      },
    },
    transform: jsonSchemaTransform,
  };
}

/** What every request passes through, in order: errors, headers, who is calling, idempotency. */
function registerPlumbing(app: FastifyInstance, deps: Deps) {
  registerProblemHandlers(app, { onRefused: refusedRequestRecorder(deps) });
  registerSecurityHeaders(app, deps.config);
  registerAccessControl(app, createAuthenticator(deps));
  refuseNulCharacters(app);
  registerIdempotency(app, deps);
}

/** A 403, a refused SMS: recorded for signed-in callers, whose community is known (R36). */
function refusedRequestRecorder(deps: Deps) {
  return async (request: FastifyRequest, error: AppError) => {
    if (!request.principal) return;
    await recordRefusedError(deps.db, deps.clock, actingContext(request), error, {
      route: `${request.method} ${request.routeOptions.url ?? ''}`,
    });
  };
}

function registerRoutes(api: Api, deps: Deps, metrics: Registry) {
  registerSystemRoutes(api, deps.db, metrics, deps.config);
  registerSetupRoutes(api, deps);
  registerAuthRoutes(api, deps);
  registerSecondFactorRoutes(api, deps);
  registerLockoutRoutes(api, deps);
  registerTokenRoutes(api, deps);
  registerScimRoutes(api, deps, { onRefused: refusedRequestRecorder(deps) });
  registerPeopleRoutes(api, deps);
  registerOnboardingRoutes(api, deps);
  registerImportRoutes(api, deps);
  registerPeopleFileRoutes(api, deps);
  registerSettingsRoutes(api, deps);
  registerLimitsRoutes(api, deps);
  registerDomainRoutes(api, deps);
  registerAuditRoutes(api, deps);
  registerInvitationRoutes(api, deps);
  registerClaimRoutes(api, deps);
  registerRecoveryRoutes(api, deps);
  registerPasswordResetRoutes(api, deps);
  registerAccessCodeRoutes(api, deps);
  registerSmsRoutes(api, deps);
  registerMailRoutes(api, deps);
  registerSmsLogRoutes(api, deps);
  registerOidcRoutes(api, deps);
  registerWebRoutes(api);
}

/** A hop count becomes "trust the nearest N hops"; Fastify takes the other forms as they are. */
function trustedProxies(setting: boolean | number | string[]) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}
