import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { Api } from '../http/api.js';
import { isDirectLocalCaller } from '../http/local-caller.js';
import { recordDeliveryReport } from '../outbox/receipts.js';
import type { Db } from '../storage/db.js';
import { isConsoleProvider } from './providers/index.js';
import type { SmsProvider } from './providers/provider.js';
import { isValidTwilioSignature, statusFromTwilio } from './providers/twilio.js';

/** A text the console provider "sent", as the development inbox shows it. */
export const devInboxEntrySchema = z.object({
  id: z.string(),
  to: z.string(),
  body: z.string(),
  at: z.string(),
});

/**
 * The provider side of texting: the development inbox of the console provider, and the signed
 * delivery reports Twilio posts back. The SMS log admins read lives in sms-log/.
 */
export function registerSmsRoutes(
  api: Api,
  deps: { db: Db; clock: Clock; config: Config; sms: SmsProvider },
) {
  const tags = ['sms'];
  const provider = deps.sms;
  if (deps.config.devInbox && isConsoleProvider(provider)) {
    // Development only: the inbox shows every claim link and recovery code to whoever reads it,
    // so it exists only when turned on (by default only for console texts on this machine's own
    // address; see config.ts) and it reads the console provider's memory.
    api.get(
      '/api/v1/dev/sms',
      {
        config: { access: 'public' },
        schema: {
          tags: ['development'],
          summary: 'Development SMS inbox (console provider only)',
          response: {
            200: z.object({ items: z.array(devInboxEntrySchema) }),
          },
        },
      },
      async (request) => {
        // The server listens on every address by default, and a reverse proxy on this machine
        // makes remote callers look local: only a direct caller on this machine may read it.
        if (!isDirectLocalCaller(request)) {
          throw new AppError(
            'forbidden',
            'The development inbox can only be opened on the machine Muster runs on, directly and not through a proxy.',
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
    api.register((scope, _options, done) => {
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
      done();
    });
  }
}
