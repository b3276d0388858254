import { z } from 'zod';
import { refusalRecorder } from '../audit/refusals.js';
import { forEachPerson } from '../bulk.js';
import type { Deps } from '../deps.js';
import { ADMINS, actingContext, communityOf, REPORT_READERS } from '../http/access.js';
import { type Api, bulkResultSchema, idParams, idsBody } from '../http/api.js';
import { personViewSchema } from '../people/people.schemas.js';
import { claimSmsAllowance } from './allowance.js';
import { invitePerson, remindPerson } from './invite.js';
import { remindAll } from './remind-all.js';
import { resetToUnclaimed } from './reset.js';

export const remindAllResultSchema = z.object({
  reminded: z.number(),
  skippedDailyLimit: z.number(),
  failed: z.number(),
});

/** "3 of 5 invitations left today" (R5). */
export const claimSmsAllowanceSchema = z.object({
  limit: z.number(),
  used: z.number(),
  left: z.number(),
  resetsAt: z.string(),
});

export const invitedViewSchema = z.object({
  person: personViewSchema,
  claimSmsLeftToday: z.number().describe('Claim texts this person can still be sent today (R5).'),
});
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: a route table, one declaration per route, read top to bottom
export function registerInvitationRoutes(api: Api, deps: Deps) {
  const tags = ['invitations'];

  api.post(
    '/api/v1/people/:id/invite',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'Send or resend the claim invitation by SMS (R3, R5)',
        params: idParams,
        response: { 200: invitedViewSchema },
      },
    },
    async (request) => invitePerson({ deps, ctx: actingContext(request), id: request.params.id }),
  );

  api.post(
    '/api/v1/people/:id/remind',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'Remind one unclaimed person (R13)',
        params: idParams,
        response: { 200: invitedViewSchema },
      },
    },
    async (request) =>
      remindPerson({ deps, ctx: actingContext(request), id: request.params.id, channel: 'remind' }),
  );

  api.post(
    '/api/v1/people/remind',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'Remind many unclaimed people, each on its own (R13)',
        body: idsBody,
        response: { 200: bulkResultSchema },
      },
    },
    async (request) => {
      const ctx = actingContext(request);
      return forEachPerson(
        request.body.ids,
        (id) => remindPerson({ deps, ctx, id, channel: 'remind' }),
        refusalRecorder(deps, ctx),
      );
    },
  );

  api.post(
    '/api/v1/people/remind-all',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'Remind every unclaimed phone account (R13)',
        response: {
          200: remindAllResultSchema,
        },
      },
    },
    async (request) => remindAll({ deps, ctx: actingContext(request) }),
  );

  api.post(
    '/api/v1/people/:id/unclaim',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'Reset to unclaimed (R12)',
        params: idParams,
        response: { 200: invitedViewSchema },
      },
    },
    async (request) => resetToUnclaimed({ deps, ctx: actingContext(request), id: request.params.id }),
  );

  api.post(
    '/api/v1/people/unclaim',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'Reset many people to unclaimed, each on its own (R12)',
        body: idsBody,
        response: { 200: bulkResultSchema },
      },
    },
    async (request) => {
      const ctx = actingContext(request);
      return forEachPerson(
        request.body.ids,
        (id) => resetToUnclaimed({ deps, ctx, id }),
        refusalRecorder(deps, ctx),
      );
    },
  );

  api.post(
    '/api/v1/people/invite',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'Send invitations to many people, each on its own',
        body: idsBody,
        response: { 200: bulkResultSchema },
      },
    },
    async (request) => {
      const ctx = actingContext(request);
      return forEachPerson(
        request.body.ids,
        (id) => invitePerson({ deps, ctx, id }),
        refusalRecorder(deps, ctx),
      );
    },
  );

  api.get(
    '/api/v1/people/:id/claim-sms',
    {
      config: { access: REPORT_READERS },
      schema: {
        tags,
        summary: 'Claim texts sent to this person today and left (R5)',
        params: idParams,
        response: {
          200: claimSmsAllowanceSchema,
        },
      },
    },
    async (request) => claimSmsAllowance({ deps, communityId: communityOf(request), id: request.params.id }),
  );
}
