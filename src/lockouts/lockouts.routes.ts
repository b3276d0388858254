import { z } from 'zod';
import type { Deps } from '../deps.js';
import { ADMINS, actingContext, communityOf } from '../http/access.js';
import { type Api, idParams } from '../http/api.js';
import { personViewSchema } from '../people/people.schemas.js';
import { liftLockout, listLockouts } from './lockouts.js';

export const lockoutViewSchema = z.object({
  kind: z.enum(['sign_in', 'recovery']),
  login: z.string().describe('The login that was guessed at.'),
  lockedUntil: z.string(),
  person: personViewSchema.nullable().describe('Whose account it is; null when nobody has this login.'),
});

export function registerLockoutRoutes(api: Api, deps: Deps) {
  const tags = ['lockouts'];

  api.get(
    '/api/v1/lockouts',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'Accounts locked against sign-in or recovery now, after too many wrong guesses (R33)',
        response: { 200: z.object({ items: z.array(lockoutViewSchema) }) },
      },
    },
    async (request) => listLockouts({ deps, communityId: communityOf(request) }),
  );

  api.delete(
    '/api/v1/people/:id/lockout',
    {
      config: { access: ADMINS },
      schema: { tags, summary: "Lift a person's sign-in and recovery lockouts (R33)", params: idParams },
    },
    async (request, reply) => {
      await liftLockout({ deps, ctx: actingContext(request), id: request.params.id });
      return reply.code(204).send();
    },
  );
}
