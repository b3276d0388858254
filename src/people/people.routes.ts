import { z } from 'zod';
import { forEachPerson } from '../bulk.js';
import type { Deps } from '../context.js';
import { ADMINS, actingContext, authOf, REPORT_READERS, SYSTEM_ADMIN } from '../http/access.js';
import { type Api, bulkResultSchema, idParams, idsBody, pageOf } from '../http/api.js';
import { sessionViewSchema } from '../sessions/sessions.view.js';
import {
  batchCreateSchema,
  batchResultSchema,
  createPersonSchema,
  listPeopleQuerySchema,
  personViewSchema,
  setRoleSchema,
  updatePersonSchema,
} from './people.schemas.js';
import {
  countPeople,
  createPeopleBatch,
  createPerson,
  deactivatePerson,
  deletePerson,
  getPerson,
  listPeople,
  listPersonSessions,
  reactivatePerson,
  setRole,
  updatePerson,
} from './people.service.js';

export function registerPeopleRoutes(api: Api, deps: Deps) {
  const tags = ['people'];

  api.get(
    '/api/v1/people',
    {
      config: { access: REPORT_READERS },
      schema: {
        tags,
        summary: 'List people',
        querystring: listPeopleQuerySchema,
        response: { 200: pageOf(personViewSchema) },
      },
    },
    async (request) => listPeople({ deps, communityId: authOf(request).community.id, filter: request.query }),
  );

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
      const person = await createPerson({ deps, ctx: actingContext(request), input: request.body });
      return reply.code(201).header('location', `/api/v1/people/${person.id}`).send(person);
    },
  );

  api.get(
    '/api/v1/people/counts',
    {
      config: { access: REPORT_READERS },
      schema: {
        tags,
        summary: 'How many people are in each state',
        response: {
          200: z.object({
            total: z.number(),
            byState: z.object({
              not_invited: z.number(),
              invited: z.number(),
              active: z.number(),
              deactivated: z.number(),
            }),
          }),
        },
      },
    },
    async (request) => countPeople({ deps, communityId: authOf(request).community.id }),
  );

  api.post(
    '/api/v1/people/deactivate',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'Deactivate many people, each on its own (R22)',
        body: idsBody,
        response: { 200: bulkResultSchema },
      },
    },
    async (request) => {
      const ctx = actingContext(request);
      return forEachPerson(request.body.ids, (id) => deactivatePerson({ deps, ctx, id }));
    },
  );

  api.get(
    '/api/v1/people/:id/sessions',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'Where this person is signed in',
        params: idParams,
        response: { 200: z.object({ items: z.array(sessionViewSchema) }) },
      },
    },
    async (request) =>
      listPersonSessions({ deps, communityId: authOf(request).community.id, id: request.params.id }),
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
      createPeopleBatch({
        deps,
        ctx: actingContext(request),
        rows: request.body.people,
        sendInvitations: request.body.sendInvitations,
        dryRun: request.body.dryRun,
      }),
  );

  api.get(
    '/api/v1/people/:id',
    {
      config: { access: REPORT_READERS },
      schema: { tags, summary: 'Get a person', params: idParams, response: { 200: personViewSchema } },
    },
    async (request) => getPerson({ deps, communityId: authOf(request).community.id, id: request.params.id }),
  );

  api.patch(
    '/api/v1/people/:id',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'Edit a person',
        params: idParams,
        body: updatePersonSchema,
        response: { 200: personViewSchema },
      },
    },
    async (request) =>
      updatePerson({ deps, ctx: actingContext(request), id: request.params.id, input: request.body }),
  );

  api.delete(
    '/api/v1/people/:id',
    {
      config: { access: ADMINS },
      schema: { tags, summary: 'Delete a never-claimed or deactivated person (R23)', params: idParams },
    },
    async (request, reply) => {
      await deletePerson({ deps, ctx: actingContext(request), id: request.params.id });
      return reply.code(204).send();
    },
  );

  api.post(
    '/api/v1/people/:id/deactivate',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'Deactivate: ends every session at once (R22)',
        params: idParams,
        response: { 200: personViewSchema },
      },
    },
    async (request) => deactivatePerson({ deps, ctx: actingContext(request), id: request.params.id }),
  );

  api.post(
    '/api/v1/people/:id/reactivate',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'Reactivate: restores the prior state (R22)',
        params: idParams,
        response: { 200: personViewSchema },
      },
    },
    async (request) => reactivatePerson({ deps, ctx: actingContext(request), id: request.params.id }),
  );

  api.put(
    '/api/v1/people/:id/role',
    {
      config: { access: SYSTEM_ADMIN },
      schema: {
        tags,
        summary: 'Set a person’s role',
        params: idParams,
        body: setRoleSchema,
        response: { 200: personViewSchema },
      },
    },
    async (request) =>
      setRole({ deps, ctx: actingContext(request), id: request.params.id, role: request.body.role }),
  );
}
