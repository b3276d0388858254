import { z } from 'zod';
import { signedInOf } from '../auth/authenticate.js';
import { readDeviceToken, setDeviceCookie } from '../auth/device-cookie.js';
import { renewSession } from '../auth/renew-session.js';
import { setSessionCookie } from '../auth/session-cookie.js';
import { signedInView, toSignedInView } from '../auth/signed-in.view.js';
import type { Deps } from '../deps.js';
import { actingContext, requestMeta } from '../http/access.js';
import type { Api } from '../http/api.js';
import { regenerateRecoveryCode } from './new-recovery-code.js';
import { recoverPassword } from './recover-password.js';

export function registerRecoveryRoutes(api: Api, deps: Deps) {
  const tags = ['recovery'];

  api.post(
    '/api/v1/auth/recover',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Forgot password: reset it with the recovery code and sign in (R10)',
        body: z.strictObject({
          community: z.string().max(40).optional(),
          phone: z.string().min(1).max(40),
          recoveryCode: z.string().max(40),
          totp: z
            .string()
            .max(40)
            .optional()
            .describe('Administrator accounts only: the authenticator code or a backup code as well (R40).'),
          newPassword: z.string().max(1024),
          logoutOtherDevices: z.boolean().default(false),
        }),
        response: { 200: signedInView.extend({ otherSessionsEnded: z.number() }) },
      },
    },
    async (request, reply) => {
      const { community: communitySlug, ...rest } = request.body;
      const result = await recoverPassword({
        deps,
        communitySlug,
        ...rest,
        deviceToken: readDeviceToken(request, deps.config),
        meta: requestMeta(request),
      });
      setSessionCookie(reply, deps.config, result.session.token, result.session.expiresAt);
      setDeviceCookie(reply, deps.config, result.deviceToken);
      return {
        ...toSignedInView(result.person, result.community, result.session),
        otherSessionsEnded: result.otherSessionsEnded,
      };
    },
  );

  api.post(
    '/api/v1/me/recovery-code',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Get your recovery code: a new one, shown once (R11)',
        body: z.strictObject({ password: z.string().max(1024) }),
        response: {
          200: z.object({
            recoveryCode: z.string().describe('Shown once, as ABCDE-FGHJK. Store it in a safe place.'),
            csrfToken: z.string(),
          }),
        },
      },
    },
    async (request, reply) => {
      const { person, community } = signedInOf(request);
      reply.header('cache-control', 'no-store');
      const made = await regenerateRecoveryCode({
        deps,
        ctx: actingContext(request),
        person,
        community,
        password: request.body.password,
      });
      return { ...made, csrfToken: await renewSession(deps, request, reply) };
    },
  );
}
