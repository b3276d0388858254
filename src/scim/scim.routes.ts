import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { ADMINS, actingContext, communityOf } from '../http/access.js';
import type { Api } from '../http/api.js';
import { STATUS_OF } from '../http/status.js';
import { deletePersonIn } from '../people/lifecycle.js';
import { createScimUser } from './create-user.js';
import { MAX_PAGE, resourceTypes, serviceProviderConfig } from './discovery.js';
import {
  createScimGroup,
  deleteScimGroup,
  getGroupWithMembers,
  replaceScimGroup,
  toScimGroup,
} from './groups.js';
import { patchScimGroup, patchScimUser } from './patch-resources.js';
import { parseAttributeList, project, returnsAttribute } from './projection.js';
import { renderUsers } from './render-users.js';
import { inUserTransaction, replaceScimUser } from './replace-user.js';
import { schemaDefinitions } from './schema-definitions.js';
import { ScimError, toScimError } from './scim-error.js';
import { type SearchQuery, searchGroupsScim, searchUsers } from './search.js';
import { URN } from './urns.js';
import { findScimPerson } from './users.store.js';

const SCIM_JSON = 'application/scim+json; charset=utf-8';
const route = { config: { access: ADMINS }, schema: { hide: true } } as const;
const open = { config: { access: 'public' as const }, schema: { hide: true } } as const;

type Req = FastifyRequest<{ Params: { id: string }; Querystring: SearchQuery; Body: unknown }>;

/**
 * SCIM 2.0 (RFC 7643/7644) at /scim/v2, for identity providers (R28): an API token with the
 * `scim` scope opens it, and it sees only its own community (R35). Requests and answers are
 * `application/scim+json`; errors are SCIM error bodies with a scimType.
 */
type OnRefused = (request: FastifyRequest, error: AppError) => Promise<void>;

export function registerScimRoutes(api: Api, deps: Deps, { onRefused }: { onRefused: OnRefused }) {
  const base = `${deps.config.publicUrl}/scim/v2`;
  api.register(
    (scim, _options, done) => {
      // SCIM clients send application/scim+json (some plain JSON); a bad body is a SCIM error.
      scim.removeContentTypeParser('application/json');
      scim.addContentTypeParser(
        ['application/scim+json', 'application/json'],
        { parseAs: 'string' },
        (_request, body, parsed) => {
          try {
            parsed(null, body === '' ? {} : JSON.parse(String(body)));
          } catch {
            parsed(
              new ScimError(
                400,
                'The body is not valid JSON. Check quotes, commas and brackets.',
                'invalidSyntax',
              ),
              undefined,
            );
          }
        },
      );
      scim.setErrorHandler(async (error, request, reply) => {
        // Refusals are audited here as on the REST API (R36); a failure to record is logged.
        if (error instanceof AppError) {
          await onRefused(request, error).catch((failure: unknown) =>
            request.log.error({ err: failure }, 'recording a refusal failed'),
          );
        }
        return sendScimError(reply, request, error);
      });
      // A route, not a not-found handler: the web app's GET /* would otherwise answer with a page.
      scim.all('/*', route, async (request, reply) =>
        sendScimError(
          reply,
          request,
          new ScimError(404, `There is no ${request.method} ${request.url.split('?')[0]} in SCIM.`),
        ),
      );
      registerDiscovery(scim as unknown as Api, base);
      registerUsers(scim as unknown as Api, deps, base);
      registerGroups(scim as unknown as Api, deps, base);
      done();
    },
    { prefix: '/scim/v2' },
  );
}

function sendScimError(reply: FastifyReply, request: FastifyRequest, error: unknown) {
  const scimError =
    toScimError(error, (code) => STATUS_OF[code]) ??
    (typeof (error as { statusCode?: number }).statusCode === 'number' &&
    (error as { statusCode: number }).statusCode < 500
      ? new ScimError(
          (error as { statusCode: number }).statusCode,
          String((error as Error).message),
          'invalidSyntax',
        )
      : null);
  if (!scimError) request.log.error({ err: error }, 'SCIM request failed');
  const status = scimError?.status ?? 500;
  const retryAfter = error instanceof AppError ? error.extra.retryAfterSeconds : undefined;
  if (retryAfter !== undefined) reply.header('retry-after', String(Math.ceil(retryAfter)));
  return reply
    .code(status)
    .type(SCIM_JSON)
    .send({
      schemas: [URN.error],
      status: String(status),
      ...(scimError?.scimType ? { scimType: scimError.scimType } : {}),
      detail:
        scimError?.message ??
        'Something went wrong on our side. Try again; if it keeps happening, tell the admin the request id.',
    });
}

const scimJson = (reply: FastifyReply, status: number, body: unknown) =>
  reply.code(status).type(SCIM_JSON).send(body);

function registerDiscovery(api: Api, base: string) {
  api.get('/ServiceProviderConfig', open, async (_request, reply) =>
    scimJson(reply, 200, serviceProviderConfig(base)),
  );
  api.get('/ResourceTypes', open, async (_request, reply) => {
    const types = resourceTypes(base);
    return scimJson(reply, 200, {
      schemas: [URN.listResponse],
      totalResults: types.length,
      startIndex: 1,
      itemsPerPage: types.length,
      Resources: types,
    });
  });
  api.get('/ResourceTypes/:id', open, async (request, reply) => {
    const type = resourceTypes(base).find((t) => t.id === (request.params as { id: string }).id);
    if (!type) throw new ScimError(404, 'There is no such resource type: use User or Group.');
    return scimJson(reply, 200, type);
  });
  api.get('/Schemas', open, async (_request, reply) => {
    const schemas = schemaDefinitions(base);
    return scimJson(reply, 200, {
      schemas: [URN.listResponse],
      totalResults: schemas.length,
      startIndex: 1,
      itemsPerPage: schemas.length,
      Resources: schemas,
    });
  });
  api.get('/Schemas/:id', open, async (request, reply) => {
    const schema = schemaDefinitions(base).find((s) => s.id === (request.params as { id: string }).id);
    if (!schema) throw new ScimError(404, 'There is no such schema.');
    return scimJson(reply, 200, schema);
  });
}

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: a route table, one declaration per route, read top to bottom
function registerUsers(api: Api, deps: Deps, base: string) {
  const one = async (request: Req, status: number, reply: FastifyReply, id: string) => {
    const person = await findScimPerson(deps.db, communityOf(request), id);
    if (!person) throw notFound('The user');
    const [user] = await renderUsers(deps.db, [person], base);
    const only = parseAttributeList(request.query.attributes);
    const excluded = parseAttributeList(request.query.excludedAttributes);
    return scimJson(
      reply.header('etag', `W/"${person.person.version}"`).header('location', `${base}/Users/${id}`),
      status,
      project(user ?? {}, URN.user, only, excluded),
    );
  };
  api.get('/Users', route, async (request, reply) =>
    scimJson(
      reply,
      200,
      await searchUsers({ deps, communityId: communityOf(request), query: (request as Req).query, base }),
    ),
  );
  api.post('/.search', route, async (request, reply) =>
    scimJson(
      reply,
      200,
      await searchUsers({ deps, communityId: communityOf(request), query: searchBody(request.body), base }),
    ),
  );
  api.post('/Users/.search', route, async (request, reply) =>
    scimJson(
      reply,
      200,
      await searchUsers({ deps, communityId: communityOf(request), query: searchBody(request.body), base }),
    ),
  );
  api.post('/Users', route, async (request, reply) => {
    const created = await createScimUser({ deps, ctx: actingContext(request), body: request.body });
    return one(request as Req, 201, reply, created.person.id);
  });
  api.get('/Users/:id', route, async (request, reply) =>
    one(request as Req, 200, reply, (request as Req).params.id),
  );
  api.put('/Users/:id', route, async (request, reply) => {
    const { id } = (request as Req).params;
    await replaceScimUser({
      deps,
      ctx: actingContext(request),
      id,
      body: request.body,
      ifMatch: ifMatchOf(request),
    });
    return one(request as Req, 200, reply, id);
  });
  api.patch('/Users/:id', route, async (request, reply) => {
    const { id } = (request as Req).params;
    await patchScimUser({
      deps,
      ctx: actingContext(request),
      id,
      body: request.body,
      ifMatch: ifMatchOf(request),
      base,
    });
    return one(request as Req, 200, reply, id);
  });
  api.delete('/Users/:id', route, async (request, reply) => {
    const { id } = (request as Req).params;
    await inUserTransaction({ deps, ctx: actingContext(request), id, ifMatch: ifMatchOf(request) }, (tx) =>
      deletePersonIn(tx, { deps, ctx: actingContext(request), id }),
    );
    return reply.code(204).send();
  });
}

function registerGroups(api: Api, deps: Deps, base: string) {
  const one = async (request: Req, status: number, reply: FastifyReply, id: string) => {
    const only = parseAttributeList(request.query.attributes);
    const excluded = parseAttributeList(request.query.excludedAttributes);
    const group = await getGroupWithMembers(deps, communityOf(request), id, {
      withMembers: returnsAttribute('members', URN.group, only, excluded),
    });
    return scimJson(
      reply.header('etag', `W/"${group.group.version}"`),
      status,
      project(toScimGroup(group, base), URN.group, only, excluded),
    );
  };
  api.get('/Groups', route, async (request, reply) =>
    scimJson(
      reply,
      200,
      await searchGroupsScim({
        deps,
        communityId: communityOf(request),
        query: (request as Req).query,
        base,
      }),
    ),
  );
  api.post('/Groups', route, async (request, reply) => {
    const created = await createScimGroup({ deps, ctx: actingContext(request), body: request.body });
    return one(request as Req, 201, reply.header('location', `${base}/Groups/${created.id}`), created.id);
  });
  api.get('/Groups/:id', route, async (request, reply) =>
    one(request as Req, 200, reply, (request as Req).params.id),
  );
  api.put('/Groups/:id', route, async (request, reply) => {
    const { id } = (request as Req).params;
    await replaceScimGroup({
      deps,
      ctx: actingContext(request),
      id,
      body: request.body,
      ifMatch: ifMatchOf(request),
    });
    return one(request as Req, 200, reply, id);
  });
  api.patch('/Groups/:id', route, async (request, reply) => {
    const { id } = (request as Req).params;
    await patchScimGroup({
      deps,
      ctx: actingContext(request),
      id,
      body: request.body,
      ifMatch: ifMatchOf(request),
      base,
    });
    return one(request as Req, 200, reply, id);
  });
  api.delete('/Groups/:id', route, async (request, reply) => {
    await deleteScimGroup({
      deps,
      ctx: actingContext(request),
      id: (request as Req).params.id,
      ifMatch: ifMatchOf(request),
    });
    return reply.code(204).send();
  });
}

function ifMatchOf(request: FastifyRequest): string | undefined {
  const value = request.headers['if-match'];
  return Array.isArray(value) ? value.join(',') : value;
}

/** POST /.search sends the query in a SearchRequest body (RFC 7644 §3.4.3). */
function searchBody(body: unknown): SearchQuery {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const list = (v: unknown) => (Array.isArray(v) ? v.join(',') : typeof v === 'string' ? v : undefined);
  return {
    filter: typeof b.filter === 'string' ? b.filter : undefined,
    startIndex: typeof b.startIndex === 'number' ? b.startIndex : undefined,
    count: typeof b.count === 'number' ? Math.min(b.count, MAX_PAGE) : undefined,
    attributes: list(b.attributes),
    excludedAttributes: list(b.excludedAttributes),
  };
}
