import { z } from 'zod';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { Api } from '../http/api.js';
import { isDirectLocalCaller } from '../http/local-caller.js';
import type { Mailer } from './mailer.js';

/** An email the console mailer "sent", as the development inbox shows it. */
export const devMailSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  at: z.string(),
});

/**
 * The development inbox of the console mailer: every invitation and reset link, so it exists
 * only when turned on (see config.ts) and answers only callers on this machine.
 */
export function registerMailRoutes(api: Api, deps: { config: Config; mail: Mailer }) {
  const inbox = deps.mail.inbox;
  if (!deps.config.devInbox || !inbox) return;
  api.get(
    '/api/v1/dev/mail',
    {
      config: { access: 'public' },
      schema: {
        tags: ['development'],
        summary: 'Development email inbox (console mailer only)',
        response: { 200: z.object({ items: z.array(devMailSchema) }) },
      },
    },
    async (request) => {
      if (!isDirectLocalCaller(request)) {
        throw new AppError(
          'forbidden',
          'The development inbox can only be opened on the machine Muster runs on, directly and not through a proxy.',
        );
      }
      return { items: [...inbox()] };
    },
  );
}
