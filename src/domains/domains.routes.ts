import { z } from 'zod';
import type { Deps } from '../deps.js';
import { actingContext, communityOf, SYSTEM_ADMIN } from '../http/access.js';
import { type Api, idParams } from '../http/api.js';
import { addDomain } from './add-domain.js';
import { type Domain, txtRecordOf } from './domain.js';
import { getDomainOrThrow, listCommunityDomains } from './queries.js';
import { removeDomain } from './remove-domain.js';
import { verifyDomain } from './verify-domain.js';

export const domainViewSchema = z.object({
  id: z.string(),
  name: z
    .string()
    .describe('Lower case, without a trailing dot; an internationalised name in its xn-- form.'),
  verified: z.boolean(),
  verifiedAt: z.string().nullable().describe('Since when it is verified; null while it is not.'),
  lastCheckedAt: z.string().nullable().describe('When Muster last looked up its TXT record.'),
  txtRecord: z
    .string()
    .describe('Publish this as a TXT record at the domain itself (host "@"), then call verify.'),
  createdAt: z.string(),
});

function toView(domain: Domain): z.infer<typeof domainViewSchema> {
  return {
    id: domain.id,
    name: domain.name,
    verified: domain.verifiedAt !== null,
    verifiedAt: domain.verifiedAt,
    lastCheckedAt: domain.lastCheckedAt,
    txtRecord: txtRecordOf(domain),
    createdAt: domain.createdAt,
  };
}

export function registerDomainRoutes(api: Api, deps: Deps) {
  const tags = ['domains'];

  api.get(
    '/api/v1/domains',
    {
      config: { access: SYSTEM_ADMIN },
      schema: {
        tags,
        summary: "The community's domains, verified or not, by name (R26)",
        response: { 200: z.object({ items: z.array(domainViewSchema) }) },
      },
    },
    async (request) => ({
      items: (await listCommunityDomains({ deps, communityId: communityOf(request) })).map(toView),
    }),
  );

  api.post(
    '/api/v1/domains',
    {
      config: { access: SYSTEM_ADMIN },
      schema: {
        tags,
        summary: 'Add a domain; the answer carries the TXT record that verifies it (R26)',
        body: z.strictObject({
          name: z.string().max(300).describe('Such as acme.com; case, a trailing dot and IDNs are fine.'),
        }),
        response: { 201: domainViewSchema },
      },
    },
    async (request, reply) => {
      const domain = await addDomain({ deps, ctx: actingContext(request), name: request.body.name });
      return reply.code(201).send(toView(domain));
    },
  );

  api.get(
    '/api/v1/domains/:id',
    {
      config: { access: SYSTEM_ADMIN },
      schema: { tags, summary: 'One domain (R26)', params: idParams, response: { 200: domainViewSchema } },
    },
    async (request) =>
      toView(await getDomainOrThrow({ deps, communityId: communityOf(request), id: request.params.id })),
  );

  api.post(
    '/api/v1/domains/:id/verify',
    {
      config: { access: SYSTEM_ADMIN },
      schema: {
        tags,
        summary:
          "Look up the domain's TXT records now: answers the verified domain, or why not (what was looked for, what was found) (R26)",
        params: idParams,
        response: { 200: domainViewSchema },
      },
    },
    async (request) =>
      toView(await verifyDomain({ deps, ctx: actingContext(request), id: request.params.id })),
  );

  api.delete(
    '/api/v1/domains/:id',
    {
      config: { access: SYSTEM_ADMIN },
      schema: {
        tags,
        summary: 'Remove a domain; if it was verified, it stops counting at once (R26, R6)',
        params: idParams,
      },
    },
    async (request, reply) => {
      await removeDomain({ deps, ctx: actingContext(request), id: request.params.id });
      return reply.code(204).send();
    },
  );
}
