import { Readable } from 'node:stream';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { csvRow } from '../csv.js';
import { encodeCursor, toPage } from '../cursor.js';
import { letOthersRun } from '../event-loop.js';
import { communityOf, REPORT_READERS } from '../http/access.js';
import { type Api, pageOf } from '../http/api.js';
import type { Db } from '../storage/db.js';
import { type AuditEvent, type AuditFilter, listAuditEvents } from './audit.store.js';

export const auditEventViewSchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  type: z.string(),
  outcome: z.enum(['success', 'failure']),
  actor: z.object({ id: z.string().nullable(), label: z.string().nullable() }),
  target: z.object({ id: z.string().nullable(), label: z.string().nullable() }),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  count: z.number().describe('How many times: refusals from one source are counted per minute in one event.'),
});

const auditQuery = z.strictObject({
  type: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  targetId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('Inclusive lower bound, ISO 8601.'),
  to: z.iso.datetime({ offset: true }).optional().describe('Exclusive upper bound, ISO 8601.'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

type AuditEventView = z.infer<typeof auditEventViewSchema>;

export function registerAuditRoutes(api: Api, deps: { db: Db; clock: Clock }) {
  api.get(
    '/api/v1/audit-events',
    {
      config: { access: REPORT_READERS },
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first (R36)',
        querystring: auditQuery,
        response: { 200: pageOf(auditEventViewSchema) },
      },
    },
    async (request) => {
      const { limit, ...filter } = request.query;
      const rows = await listAuditEvents(deps.db, communityOf(request), filter, limit + 1);
      return toPage(rows, limit, toAuditView);
    },
  );

  api.get(
    '/api/v1/audit-events/export',
    {
      config: { access: REPORT_READERS },
      schema: {
        tags: ['audit'],
        summary: 'The filtered audit log as CSV, safe to open in a spreadsheet (R36)',
        querystring: auditQuery.omit({ limit: true, cursor: true }),
      },
    },
    async (request, reply) => {
      const communityId = communityOf(request);
      const filter = request.query;
      reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="audit-log-${deps.clock.now().toISOString().slice(0, 10)}.csv"`,
        );
      return reply.send(Readable.from(auditCsvLines(deps.db, communityId, filter)));
    },
  );
}

const EXPORT_PAGE = 1000;

/** The filtered log as CSV lines, read page by page, so a long log never sits in memory whole. */
async function* auditCsvLines(db: Db, communityId: string, filter: Omit<AuditFilter, 'cursor'>) {
  yield csvRow([
    'id',
    'occurredAt',
    'type',
    'outcome',
    'actorId',
    'actor',
    'targetId',
    'target',
    'ip',
    'requestId',
    'details',
  ]);
  let cursor: string | undefined;
  for (;;) {
    const events = await listAuditEvents(db, communityId, { ...filter, cursor }, EXPORT_PAGE);
    for (const event of events) {
      yield csvRow([
        event.id,
        event.occurredAt,
        event.type,
        event.outcome,
        event.actor.id,
        event.actor.label,
        event.target.id,
        event.target.label,
        event.ip,
        event.requestId,
        JSON.stringify(event.details),
      ]);
    }
    const last = events.at(-1);
    if (events.length < EXPORT_PAGE || !last) return;
    cursor = encodeCursor(last.id);
    await letOthersRun();
  }
}

function toAuditView({ communityId: _communityId, ...event }: AuditEvent): AuditEventView {
  return event;
}
