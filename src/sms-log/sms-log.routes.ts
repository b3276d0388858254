import { z } from 'zod';
import type { Deps } from '../deps.js';
import { ADMINS, actingContext, communityOf, REPORT_READERS } from '../http/access.js';
import { type Api, idParams, pageOf } from '../http/api.js';
import { getSms, listSms, resendSms } from './sms-log.service.js';
import { SMS_STATUSES, smsViewSchema } from './sms-log.view.js';

export function registerSmsLogRoutes(api: Api, deps: Deps) {
  const tags = ['sms'];

  api.get(
    '/api/v1/sms-messages',
    {
      config: { access: REPORT_READERS },
      schema: {
        tags,
        summary: 'The message log: texts and emails, newest first (R50)',
        querystring: z.strictObject({
          personId: z.uuid().optional(),
          medium: z.enum(['sms', 'email']).optional(),
          status: z.enum(SMS_STATUSES).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(200).optional(),
        }),
        response: { 200: pageOf(smsViewSchema) },
      },
    },
    async (request) => listSms({ deps, communityId: communityOf(request), filter: request.query }),
  );

  api.get(
    '/api/v1/sms-messages/:id',
    {
      config: { access: REPORT_READERS },
      schema: { tags, summary: 'One text with every delivery attempt', params: idParams },
    },
    async (request) => getSms({ deps, communityId: communityOf(request), id: request.params.id }),
  );

  api.post(
    '/api/v1/sms-messages/:id/resend',
    {
      config: { access: ADMINS },
      schema: { tags, summary: 'Resend a failed or expired claim text', params: idParams },
    },
    async (request) => resendSms({ deps, ctx: actingContext(request), id: request.params.id }),
  );
}
