import { z } from 'zod';
import { isLocalUrl } from '../config.js';
import type { Deps } from '../context.js';
import { AppError } from '../errors.js';
import { ADMINS, actingContext, authOf, REPORT_READERS } from '../http/access.js';
import { type Api, idParams, pageOf } from '../http/api.js';
import { isConsoleProvider } from './providers/index.js';
import { isValidTwilioSignature, statusFromTwilio } from './providers/twilio.js';
import { recordDeliveryReport } from './receipts.js';
import { getSms, listSms, resendSms } from './sms.service.js';

const STATUSES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'expired'] as const;

const smsView = z.object({
  id: z.string(),
  personId: z.string().nullable(),
  to: z.string().describe('Masked: the country code and last four digits.'),
  kind: z.string(),
  channel: z.string(),
  status: z.enum(STATUSES),
  text: z.string().describe('The text with links and codes hidden.'),
  attempts: z.number(),
  provider: z.string().nullable(),
  providerMessageId: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  expiresAt: z.string(),
  resendable: z.boolean(),
});

export function registerSmsRoutes(api: Api, deps: Deps) {
  const tags = ['sms'];

  api.get(
    '/api/v1/sms-messages',
    {
      config: { access: REPORT_READERS },
      schema: {
        tags,
        summary: 'The SMS log, newest first (R50)',
        querystring: z.strictObject({
          personId: z.uuid().optional(),
          status: z.enum(STATUSES).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(200).optional(),
        }),
        response: { 200: pageOf(smsView) },
      },
    },
    async (request) => listSms({ deps, communityId: authOf(request).community.id, filter: request.query }),
  );

  api.get(
    '/api/v1/sms-messages/:id',
    {
      config: { access: REPORT_READERS },
      schema: { tags, summary: 'One text with every delivery attempt', params: idParams },
    },
    async (request) => getSms({ deps, communityId: authOf(request).community.id, id: request.params.id }),
  );

  api.post(
    '/api/v1/sms-messages/:id/resend',
    {
      config: { access: ADMINS },
      schema: { tags, summary: 'Resend a failed or expired claim text', params: idParams },
    },
    async (request) => resendSms({ deps, ctx: actingContext(request), id: request.params.id }),
  );

  const provider = deps.sms;
  if (isConsoleProvider(provider) && isLocalUrl(deps.config.publicUrl)) {
    // Development only: the inbox shows claim links and recovery codes to anyone, so it exists
    // only while texts go to the console and Muster is served on this machine's own address.
    api.get(
      '/api/v1/dev/sms',
      {
        config: { access: 'public' },
        schema: {
          tags: ['development'],
          summary: 'Development SMS inbox (console provider only)',
          response: {
            200: z.object({
              items: z.array(z.object({ id: z.string(), to: z.string(), body: z.string(), at: z.string() })),
            }),
          },
        },
      },
      async (request) => {
        // The server listens on every address by default: only this machine may read the inbox.
        if (!isLoopback(request.socket.remoteAddress)) {
          throw new AppError(
            'forbidden',
            'The development inbox can only be opened on the machine Muster runs on.',
          );
        }
        return { items: [...provider.inbox()] };
      },
    );
  }

  const sms = deps.config.sms;
  if (sms.provider === 'twilio') {
    const callbackUrl = `${deps.config.publicUrl}/api/v1/sms/twilio/status`;
    // Twilio posts forms; the parser is added in this scope only, so no other route accepts them.
    api.register(async (scope) => {
      scope.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string' },
        (_request, body, done) => {
          done(null, Object.fromEntries(new URLSearchParams(String(body))));
        },
      );
      scope.post(
        '/api/v1/sms/twilio/status',
        {
          config: { access: 'public' },
          schema: { tags, summary: 'Twilio delivery reports (signed)', hide: true },
        },
        async (request, reply) => {
          const params = (request.body ?? {}) as Record<string, string>;
          const signature = request.headers['x-twilio-signature'];
          if (
            !isValidTwilioSignature(
              sms.authToken,
              callbackUrl,
              params,
              Array.isArray(signature) ? signature[0] : signature,
            )
          ) {
            throw new AppError('signature_invalid', 'The X-Twilio-Signature does not match this request.');
          }
          const status = statusFromTwilio(params.MessageStatus);
          if (status && params.MessageSid) {
            await recordDeliveryReport(deps.db, deps.clock, params.MessageSid, {
              status,
              errorCode: params.ErrorCode ? `twilio_${params.ErrorCode}` : null,
            });
          }
          return reply.code(204).send();
        },
      );
    });
  }
}

function isLoopback(address: string | undefined): boolean {
  return address === '::1' || address === '::ffff:127.0.0.1' || (address?.startsWith('127.') ?? false);
}
