import { readDeviceToken, setDeviceCookie } from '../auth/device-cookie.js';
import { setSessionCookie } from '../auth/session-cookie.js';
import { toSignedInView } from '../auth/signed-in.view.js';
import type { Deps } from '../deps.js';
import { ADMINS, actingContext, communityOf, requestMeta } from '../http/access.js';
import { type Api, idParams, idsBody } from '../http/api.js';
import { accessCodeCsv } from './access-code-csv.js';
import { toIssuedView, toSheetView } from './access-code-sheet.view.js';
import { getAccessCodeStatus } from './access-code-status.js';
import {
  accessCodeSheetQuerySchema,
  accessCodeSheetSchema,
  accessCodeStatusSchema,
  issuedAccessCodeSchema,
  redeemBodySchema,
  redeemedViewSchema,
} from './access-codes.schemas.js';
import { issueAccessCode } from './issue-access-code.js';
import { issueAccessCodes } from './issue-access-codes.js';
import { redeemAccessCode } from './redeem-access-code.js';
import { revokeAccessCode } from './revoke-access-code.js';

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: a route table, one declaration per route, read top to bottom
export function registerAccessCodeRoutes(api: Api, deps: Deps) {
  const tags = ['access codes'];

  api.post(
    '/api/v1/people/:id/access-code',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'Make a person’s access code, shown once; it replaces any earlier one (R21)',
        params: idParams,
        response: { 200: issuedAccessCodeSchema },
      },
    },
    async (request, reply) => {
      const issued = await issueAccessCode({ deps, ctx: actingContext(request), id: request.params.id });
      reply.header('cache-control', 'no-store');
      return toIssuedView(issued, deps.config.publicUrl);
    },
  );

  api.get(
    '/api/v1/people/:id/access-code',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'Whether a person has a usable access code, and until when; never the code (R21)',
        params: idParams,
        response: { 200: accessCodeStatusSchema },
      },
    },
    async (request) =>
      getAccessCodeStatus({ deps, communityId: communityOf(request), id: request.params.id }),
  );

  api.delete(
    '/api/v1/people/:id/access-code',
    {
      config: { access: ADMINS },
      schema: { tags, summary: 'Cancel a person’s access code at once (R21)', params: idParams },
    },
    async (request, reply) => {
      await revokeAccessCode({ deps, ctx: actingContext(request), id: request.params.id });
      return reply.code(204).send();
    },
  );

  api.post(
    '/api/v1/people/access-codes',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'Make access codes for many people, for the printed sheet or as CSV (R21)',
        description: 'With format=csv the answer is text/csv of the codes made; refused ids are left out.',
        querystring: accessCodeSheetQuerySchema,
        body: idsBody,
        response: { 200: accessCodeSheetSchema },
      },
    },
    async (request, reply) => {
      const sheet = await issueAccessCodes({ deps, ctx: actingContext(request), ids: request.body.ids });
      const view = toSheetView(sheet, deps.config.publicUrl);
      reply.header('cache-control', 'no-store');
      if (request.query.format === 'json') return view;
      const day = deps.clock.now().toISOString().slice(0, 10);
      // A string with a content type of its own is sent as it is, not through the JSON schema.
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="access-codes-${day}.csv"`)
        .send(accessCodeCsv(view.results) as never);
    },
  );

  api.post(
    '/api/v1/access-code/claim',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Redeem an access code: claim the account with a username and password, or reset its password; signs in (R21)',
        body: redeemBodySchema,
        response: { 200: redeemedViewSchema },
      },
    },
    async (request, reply) => {
      const { community: communitySlug, ...rest } = request.body;
      const result = await redeemAccessCode({
        deps,
        communitySlug,
        ...rest,
        deviceToken: readDeviceToken(request, deps.config),
        meta: requestMeta(request),
      });
      setSessionCookie(reply, deps.config, result.session.token, result.session.expiresAt);
      setDeviceCookie(reply, deps.config, result.deviceToken);
      reply.header('cache-control', 'no-store');
      return {
        ...toSignedInView(result.person, result.community, result.session),
        outcome: result.outcome,
        otherSessionsEnded: result.otherSessionsEnded,
      };
    },
  );
}
