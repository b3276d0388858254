import type { Registry } from 'prom-client';
import { capabilitiesOf, type Db, pingDatabase } from '../storage/db.js';
import type { Api } from './api.js';

export function registerSystemRoutes(api: Api, db: Db, metrics: Registry) {
  const database = capabilitiesOf(db).name;
  api.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
    (await pingDatabase(db))
      ? { status: 'ok', database }
      : reply.code(503).send({ status: 'unavailable', database }),
  );

  // Aggregate counters only, no tenant data; keep it on an internal network in production.
  api.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
    reply.type(metrics.contentType).send(await metrics.metrics()),
  );

  api.get('/api/v1/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    api.swagger(),
  );
}
