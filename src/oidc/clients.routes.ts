import { z } from 'zod';
import type { Deps } from '../deps.js';
import { actingContext, communityOf, SYSTEM_ADMIN } from '../http/access.js';
import type { Api } from '../http/api.js';
import {
  createClient,
  findClientOrThrow,
  listClientsOf,
  removeClient,
  rotateClientSecret,
  toClientView,
  updateClient,
} from './clients.js';
import {
  clientChangesSchema,
  clientInputSchema,
  clientSecretSchema,
  clientViewSchema,
  newClientSchema,
} from './oidc.schemas.js';
import type { OidcRuntime } from './runtime.js';

const clientParams = z.strictObject({ id: z.string().min(1).max(100) });

/** Client apps of the community (R60): system admins register, change, rotate and remove them. */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: a route table, one declaration per route, read top to bottom
export function registerClientRoutes(api: Api, deps: Deps, runtime: OidcRuntime) {
  const tags = ['sign in with Muster'];
  const validate = async (metadata: Record<string, unknown>) => {
    const provider = await runtime.provider();
    await (provider.Client as unknown as { validate(m: unknown): Promise<void> }).validate(metadata);
  };

  api.get(
    '/api/v1/oidc/clients',
    {
      config: { access: SYSTEM_ADMIN },
      schema: {
        tags,
        summary: 'Apps that sign people in with Muster (R60)',
        response: { 200: z.object({ items: z.array(clientViewSchema) }) },
      },
    },
    async (request) => ({
      items: (await listClientsOf({ deps, communityId: communityOf(request) })).map(toClientView),
    }),
  );

  api.post(
    '/api/v1/oidc/clients',
    {
      config: { access: SYSTEM_ADMIN },
      schema: {
        tags,
        summary: 'Register an app; a confidential app’s secret is shown once (R60)',
        body: clientInputSchema,
        response: { 201: newClientSchema },
      },
    },
    async (request, reply) => {
      const { client, secret } = await createClient({
        deps,
        ctx: actingContext(request),
        validate,
        input: request.body,
      });
      reply.header('cache-control', 'no-store');
      return reply.code(201).send({ ...toClientView(client), ...(secret ? { clientSecret: secret } : {}) });
    },
  );

  api.get(
    '/api/v1/oidc/clients/:id',
    {
      config: { access: SYSTEM_ADMIN },
      schema: { tags, summary: 'One app (R60)', params: clientParams, response: { 200: clientViewSchema } },
    },
    async (request) =>
      toClientView(
        await findClientOrThrow({ deps, communityId: communityOf(request), id: request.params.id }),
      ),
  );

  api.patch(
    '/api/v1/oidc/clients/:id',
    {
      config: { access: SYSTEM_ADMIN },
      schema: {
        tags,
        summary: 'Change an app’s name, addresses or first-party mark (R60)',
        params: clientParams,
        body: clientChangesSchema,
        response: { 200: clientViewSchema },
      },
    },
    async (request) =>
      toClientView(
        await updateClient({
          deps,
          ctx: actingContext(request),
          validate,
          id: request.params.id,
          changes: request.body,
        }),
      ),
  );

  api.post(
    '/api/v1/oidc/clients/:id/secret',
    {
      config: { access: SYSTEM_ADMIN },
      schema: {
        tags,
        summary: 'Give an app a new secret, shown once; the old one stops working (R60)',
        params: clientParams,
        response: { 200: clientSecretSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return rotateClientSecret({ deps, ctx: actingContext(request), id: request.params.id });
    },
  );

  api.delete(
    '/api/v1/oidc/clients/:id',
    {
      config: { access: SYSTEM_ADMIN },
      schema: { tags, summary: 'Remove an app; its tokens stop working at once (R60)', params: clientParams },
    },
    async (request, reply) => {
      await removeClient({ deps, ctx: actingContext(request), id: request.params.id });
      return reply.code(204).send();
    },
  );
}
