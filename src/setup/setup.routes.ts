import { z } from 'zod';
import type { Deps } from '../deps.js';
import { requestMeta } from '../http/access.js';
import type { Api } from '../http/api.js';
import { firstAdminSchema, newCommunitySchema } from './create-community.js';
import { completeSetup, isSetupDone } from './setup.service.js';

export function registerSetupRoutes(api: Api, deps: Deps) {
  const tags = ['setup'];

  api.get(
    '/api/v1/setup',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Whether first-run setup is still needed',
        response: { 200: z.object({ setupDone: z.boolean() }) },
      },
    },
    async () => ({ setupDone: await isSetupDone(deps) }),
  );

  api.post(
    '/api/v1/setup',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'First-run setup with the one-time token the server printed',
        body: z.strictObject({
          token: z.string().min(1).max(200),
          community: newCommunitySchema,
          admin: firstAdminSchema,
        }),
        response: { 201: z.object({ communityId: z.string(), slug: z.string(), adminId: z.string() }) },
      },
    },
    async (request, reply) => {
      const { token, community, admin } = request.body;
      const created = await completeSetup({ deps, token, community, admin, meta: requestMeta(request) });
      return reply
        .code(201)
        .send({ communityId: created.community.id, slug: created.community.slug, adminId: created.admin.id });
    },
  );
}
