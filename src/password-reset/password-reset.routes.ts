import { z } from 'zod';
import { readDeviceToken, setDeviceCookie } from '../auth/device-cookie.js';
import { setSessionCookie } from '../auth/session-cookie.js';
import { signedInView, toSignedInView } from '../auth/signed-in.view.js';
import type { Deps } from '../deps.js';
import { requestMeta } from '../http/access.js';
import type { Api } from '../http/api.js';
import { inspectResetLink } from './inspect-reset-link.js';
import { acceptForgotPassword, sendResetEmail } from './request-reset.js';
import { resetPasswordWithLink } from './reset-with-link.js';

/** What the reset page shows before the person chooses a new password. */
export const resetLinkViewSchema = z.object({
  community: z.string(),
  displayName: z.string(),
  maskedEmail: z.string().nullable(),
  passwordMinLength: z.number(),
  secondFactorRequired: z
    .boolean()
    .describe('An administrator account: the authenticator code is asked for as well (R40).'),
  expiresAt: z.string(),
  locale: z.string().describe('The language of this person’s emails: the page’s too (R61).'),
});

const tokenParams = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'is not a password reset link token'),
});

const NO_STORE = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };

const tags = ['recovery'];

export function registerPasswordResetRoutes(api: Api, deps: Deps) {
  registerForgot(api, deps);
  registerResetLink(api, deps);
}

function registerForgot(api: Api, deps: Deps) {
  api.post(
    '/api/v1/auth/forgot',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Forgot password: email a reset link (R20). Always 202, whether or not the address has an account',
        body: z.strictObject({
          community: z.string().max(40).optional(),
          email: z.string().min(3).max(254),
        }),
        response: { 202: z.object({ message: z.string() }) },
      },
    },
    async (request, reply) => {
      const { community: communitySlug, email } = request.body;
      const args = { deps, communitySlug, email, meta: requestMeta(request) };
      const community = await acceptForgotPassword(args);
      // After the answer, so its timing cannot tell whether the address has an account.
      setImmediate(() => {
        sendResetEmail(community, args).catch((error: unknown) =>
          request.log.error({ err: error }, 'sending a password reset email failed'),
        );
      });
      return reply.code(202).send({
        message:
          'If this address belongs to an account, an email with a link to choose a new password is on its way. The link works for an hour. Check your spam folder if it has not arrived in a few minutes.',
      });
    },
  );
}

function registerResetLink(api: Api, deps: Deps) {
  api.get(
    '/api/v1/reset/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'What the reset page shows; changes nothing (R20)',
        params: tokenParams,
        response: { 200: resetLinkViewSchema },
      },
    },
    async (request, reply) => {
      reply.headers(NO_STORE);
      return inspectResetLink({ deps, token: request.params.token });
    },
  );

  api.post(
    '/api/v1/reset/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Choose a new password with the emailed link, and sign in (R20)',
        params: tokenParams,
        body: z.strictObject({
          password: z.string().max(1024),
          logoutOtherDevices: z.boolean().default(true),
          totp: z
            .string()
            .max(40)
            .optional()
            .describe('Administrator accounts only: the authenticator code or a backup code as well (R40).'),
        }),
        response: { 200: signedInView.extend({ otherSessionsEnded: z.number() }) },
      },
    },
    async (request, reply) => {
      const result = await resetPasswordWithLink({
        deps,
        token: request.params.token,
        ...request.body,
        deviceToken: readDeviceToken(request, deps.config),
        meta: requestMeta(request),
      });
      setSessionCookie(reply, deps.config, result.session.token, result.session.expiresAt);
      setDeviceCookie(reply, deps.config, result.deviceToken);
      reply.headers(NO_STORE);
      return {
        ...toSignedInView(result.person, result.community, result.session),
        otherSessionsEnded: result.otherSessionsEnded,
      };
    },
  );
}
