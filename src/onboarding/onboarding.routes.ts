import type { Deps } from '../deps.js';
import { ADMINS, actingContext } from '../http/access.js';
import type { Api } from '../http/api.js';
import { createPersonSchema, personViewSchema } from '../people/people.schemas.js';
import { addPeopleBatch } from './add-people-batch.js';
import { addPerson } from './add-person.js';
import { batchCreateSchema, batchResultSchema } from './onboarding.schemas.js';

export function registerOnboardingRoutes(api: Api, deps: Deps) {
  const tags = ['people'];

  api.post(
    '/api/v1/people',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'Add one person',
        body: createPersonSchema,
        response: { 201: personViewSchema },
      },
    },
    async (request, reply) => {
      const person = await addPerson({
        deps,
        ctx: actingContext(request),
        input: request.body,
        channel: 'api',
      });
      return reply.code(201).header('location', `/api/v1/people/${person.id}`).send(person);
    },
  );

  api.post(
    '/api/v1/people/batch',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'Add many people; each row succeeds or fails on its own (R2, R6)',
        body: batchCreateSchema,
        response: { 200: batchResultSchema },
      },
    },
    async (request) =>
      addPeopleBatch({
        deps,
        ctx: actingContext(request),
        rows: request.body.people,
        sendInvitations: request.body.sendInvitations,
        dryRun: request.body.dryRun,
      }),
  );
}
