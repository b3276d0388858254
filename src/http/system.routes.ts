import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Registry } from 'prom-client';
import type { Config } from '../config.js';
import { constantTimeEqual } from '../crypto/random.js';
import { capabilitiesOf, type Db, pingDatabase } from '../storage/db.js';
import type { Api } from './api.js';
import { isDirectLocalCaller } from './local-caller.js';
import { sendProblem } from './problem.js';

export function registerSystemRoutes(
  api: Api,
  db: Db,
  metrics: Registry,
  config: Pick<Config, 'metricsToken'>,
) {
  const database = capabilitiesOf(db).name;
  api.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
    (await pingDatabase(db))
      ? { status: 'ok', database }
      : reply.code(503).send({ status: 'unavailable', database }),
  );

  // Aggregate counters only, no tenant data, but still a map of the server's activity and
  // versions: closed to the public (R37), see refuseScrape.
  api.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const refused = refuseScrape(request, reply, config.metricsToken);
    if (refused) return refused;
    return reply.type(metrics.contentType).send(await metrics.metrics());
  });

  api.get('/api/v1/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    api.swagger(),
  );
}

/**
 * With a scrape token, only its bearer may read /metrics, from anywhere (Prometheus on another
 * host). Without one, only a program on this machine talking to Muster directly; everyone else
 * gets the answer of a path that does not exist, so a prober learns nothing.
 */
function refuseScrape(request: FastifyRequest, reply: FastifyReply, token: string | null) {
  if (token !== null) {
    const presented = /^Bearer +(\S+) *$/i.exec(request.headers.authorization ?? '')?.[1];
    if (presented !== undefined && constantTimeEqual(token, presented)) return null;
    reply.header('www-authenticate', 'Bearer');
    return sendProblem(
      reply,
      'unauthenticated',
      'Reading /metrics needs the scrape token: send it as Authorization: Bearer <MUSTER_METRICS_TOKEN>.',
    );
  }
  if (isDirectLocalCaller(request)) return null;
  return sendProblem(
    reply,
    'not_found',
    `There is no ${request.method} /metrics here. See /api/v1/openapi.json.`,
  );
}
