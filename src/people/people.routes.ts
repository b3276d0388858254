import { z } from 'zod';
import { refusalRecorder } from '../audit/refusals.js';
import { forEachPerson } from '../bulk.js';
import type { Deps } from '../deps.js';
import { ADMINS, actingContext, communityOf, REPORT_READERS, SYSTEM_ADMIN } from '../http/access.js';
import { type Api, bulkResultSchema, idParams, idsBody, pageOf } from '../http/api.js';
import { sessionViewSchema } from '../sessions/sessions.view.js';
import { deactivatePerson, deletePerson, reactivatePerson } from './lifecycle.js';
import {
  listPeopleQuerySchema,
  peopleCountsSchema,
  personViewSchema,
  setRoleSchema,
  updatePersonSchema,
} from './people.schemas.js';
import { countPeople, getPerson, listPeople, listPersonSessions } from './queries.js';
import { setRole } from './set-role.js';
import { updatePerson } from './update-person.js';

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: a route table, one declaration per route, read top to bottom
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
    async (request) => listPeople({ deps, communityId: communityOf(request), filter: request.query }),
  );

  api.get(
    '/api/v1/people/counts',
    {
      config: { access: REPORT_READERS },
      schema: {
        tags,
        summary: 'How many people are in each state',
        response: {
          200: peopleCountsSchema,
        },
      },
    },
    async (request) => countPeople({ deps, communityId: communityOf(request) }),
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
      return forEachPerson(
        request.body.ids,
        (id) => deactivatePerson({ deps, ctx, id }),
        refusalRecorder(deps, ctx),
      );
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
    async (request) => listPersonSessions({ deps, ctx: actingContext(request), id: request.params.id }),
  );

  api.get(
    '/api/v1/people/:id',
    {
      config: { access: REPORT_READERS },
      schema: { tags, summary: 'Get a person', params: idParams, response: { 200: personViewSchema } },
    },
    async (request) => getPerson({ deps, communityId: communityOf(request), id: request.params.id }),
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
