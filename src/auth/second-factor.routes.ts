import { z } from 'zod';
import { AuditType } from '../audit/audit.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { actingContext, communityOf, SYSTEM_ADMIN } from '../http/access.js';
import { type Api, idParams } from '../http/api.js';
import { findPersonById } from '../people/people.store.js';
import { confirmTotpEnrolment, resetSecondFactor, startTotpEnrolment } from '../second-factor/enrol.js';
import { signedInOf } from './authenticate.js';
import { confirmPassword } from './reauth.js';
import { renewSession } from './renew-session.js';

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: a route table, one declaration per route, read top to bottom
export function registerSecondFactorRoutes(api: Api, deps: Deps) {
  const tags = ['second factor'];

  api.post(
    '/api/v1/me/totp',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Start setting up an authenticator app (R40); the key is shown once',
        body: z.strictObject({
          password: z.string().max(1024),
          code: z
            .string()
            .max(40)
            .optional()
            .describe(
              'Needed only to replace an authenticator already in use: a code from it, or a backup code.',
            ),
        }),
        response: {
          200: z.object({
            secret: z.string().describe('Base32, for typing into the app by hand.'),
            otpauthUrl: z.string(),
            qrCodeSvg: z.string().describe('The otpauth URL as a QR code (SVG).'),
            csrfToken: z.string(),
          }),
        },
      },
    },
    async (request, reply) => {
      const { person, community } = signedInOf(request);
      const ctx = actingContext(request);
      await confirmPassword({
        deps,
        ctx,
        person,
        password: request.body.password,
        field: 'password',
        failure: AuditType.secondFactorFailed,
      });
      const started = await startTotpEnrolment({
        deps,
        ctx,
        person,
        community,
        currentCode: request.body.code,
      });
      reply.header('cache-control', 'no-store');
      return { ...started, csrfToken: await renewSession(deps, request, reply) };
    },
  );

  api.post(
    '/api/v1/me/totp/confirm',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Confirm the authenticator with a code from it; ten backup codes are shown once',
        body: z.strictObject({ code: z.string().max(40) }),
        response: { 200: z.object({ backupCodes: z.array(z.string()) }) },
      },
    },
    async (request, reply) => {
      const { person } = signedInOf(request);
      reply.header('cache-control', 'no-store');
      return confirmTotpEnrolment({ deps, ctx: actingContext(request), person, code: request.body.code });
    },
  );

  api.delete(
    '/api/v1/people/:id/totp',
    {
      config: { access: SYSTEM_ADMIN },
      schema: {
        tags,
        summary: "Remove a person's authenticator, so they set one up again at their next sign-in",
        params: idParams,
      },
    },
    async (request, reply) => {
      const ctx = actingContext(request);
      const person = await findPersonById(deps.db, communityOf(request), request.params.id);
      if (!person) throw notFound('The person');
      await resetSecondFactor({ deps, ctx, person });
      return reply.code(204).send();
    },
  );
}
