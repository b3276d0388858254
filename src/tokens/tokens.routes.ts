import { z } from 'zod';
import type { Deps } from '../deps.js';
import { actingContext, communityOf, SYSTEM_ADMIN } from '../http/access.js';
import { type Api, idParams } from '../http/api.js';
import { type ApiToken, TOKEN_SCOPES } from './api-token.js';
import { createApiToken, listTokens, revokeToken } from './tokens.js';

export const apiTokenViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  hint: z.string().describe('The last four characters, to tell tokens apart.'),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  lastUsedIp: z.string().nullable(),
});

function toView({ communityId: _communityId, ...token }: ApiToken) {
  return token;
}

export function registerTokenRoutes(api: Api, deps: Deps) {
  const tags = ['integrations'];

  api.get(
    '/api/v1/tokens',
    {
      config: { access: SYSTEM_ADMIN },
      schema: {
        tags,
        summary: 'API tokens of the community, newest first (R27)',
        response: { 200: z.object({ items: z.array(apiTokenViewSchema) }) },
      },
    },
    async (request) => ({
      items: (await listTokens({ deps, communityId: communityOf(request) })).map(toView),
    }),
  );

  api.post(
    '/api/v1/tokens',
    {
      config: { access: SYSTEM_ADMIN },
      schema: {
        tags,
        summary: 'Make an API token for SCIM or the REST API; the token is shown once (R27)',
        body: z.strictObject({
          name: z
            .string()
            .trim()
            .min(1)
            .max(100)
            .describe('What it is for, such as "Entra ID provisioning".'),
          scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).max(2),
          expiresInDays: z.number().int().min(1).max(3650).optional(),
        }),
        response: {
          201: apiTokenViewSchema.extend({
            token: z.string().describe('Send as "Authorization: Bearer <token>". Shown once: store it now.'),
          }),
        },
      },
    },
    async (request, reply) => {
      const { token, secret } = await createApiToken({ deps, ctx: actingContext(request), ...request.body });
      reply.header('cache-control', 'no-store');
      return reply.code(201).send({ ...toView(token), token: secret });
    },
  );

  api.delete(
    '/api/v1/tokens/:id',
    {
      config: { access: SYSTEM_ADMIN },
      schema: { tags, summary: 'Revoke an API token; it stops working at once', params: idParams },
    },
    async (request, reply) => {
      await revokeToken({ deps, ctx: actingContext(request), id: request.params.id });
      return reply.code(204).send();
    },
  );
}
