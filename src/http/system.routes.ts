import { sql } from 'kysely';
import type { Registry } from 'prom-client';
import type { Deps } from '../context.js';
import type { Api } from './api.js';

export function registerSystemRoutes(api: Api, deps: Deps, metrics: Registry) {
  api.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(deps.db);
      return { status: 'ok', database: deps.dialect };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: deps.dialect });
    }
  });

  // Aggregate counters only, no tenant data; keep it on an internal network in production.
  api.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
    reply.type(metrics.contentType).send(await metrics.metrics()),
  );

  api.get('/api/v1/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    api.swagger(),
  );
}
