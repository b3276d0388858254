import { z } from 'zod';
import { readDeviceToken, setDeviceCookie } from '../auth/device-cookie.js';
import { setSessionCookie } from '../auth/session-cookie.js';
import { signedInView, toSignedInView } from '../auth/signed-in.view.js';
import type { Deps } from '../deps.js';
import { requestMeta } from '../http/access.js';
import type { Api } from '../http/api.js';
import { claimAccount } from './claim-account.js';
import { inspectClaimLink } from './inspect-claim-link.js';

/** What the claim page shows before the worker chooses a password. */
export const claimLinkViewSchema = z.object({
  community: z.string(),
  displayName: z.string(),
  maskedPhone: z.string().nullable(),
  maskedEmail: z.string().nullable(),
  passwordMinLength: z.number(),
  expiresAt: z.string(),
  locale: z
    .string()
    .describe('The language of this person’s texts (their own, else the community’s): the page’s too (R61).'),
});

const tokenParams = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'is not an invitation link token'),
});

export function registerClaimRoutes(api: Api, deps: Deps) {
  const tags = ['claim'];

  api.get(
    '/api/v1/claim/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'What the claim page shows; changes nothing (R7)',
        params: tokenParams,
        response: {
          200: claimLinkViewSchema,
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      return inspectClaimLink({ deps, token: request.params.token });
    },
  );

  api.post(
    '/api/v1/claim/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Claim: choose a password, get signed in; the recovery code follows by SMS (R7)',
        params: tokenParams,
        body: z.strictObject({ password: z.string().max(1024) }),
        response: { 200: signedInView },
      },
    },
    async (request, reply) => {
      const result = await claimAccount({
        deps,
        token: request.params.token,
        password: request.body.password,
        deviceToken: readDeviceToken(request, deps.config),
        meta: requestMeta(request),
      });
      setSessionCookie(reply, deps.config, result.session.token, result.session.expiresAt);
      setDeviceCookie(reply, deps.config, result.deviceToken);
      reply.header('cache-control', 'no-store');
      return toSignedInView(result.person, result.community, result.session);
    },
  );
}
