import { z } from 'zod';
import type { Deps } from '../context.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { authOf, REPORT_READERS } from '../http/access.js';
import { type Api, pageOf } from '../http/api.js';

const auditEventView = z.object({
  id: z.string(),
  occurredAt: z.string(),
  type: z.string(),
  outcome: z.enum(['success', 'failure']),
  actor: z.object({ id: z.string().nullable(), label: z.string().nullable() }),
  target: z.object({ id: z.string().nullable(), label: z.string().nullable() }),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
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

export function registerAuditRoutes(api: Api, deps: Deps) {
  api.get(
    '/api/v1/audit-events',
    {
      config: { access: REPORT_READERS },
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first (R36)',
        querystring: auditQuery,
        response: { 200: pageOf(auditEventView) },
      },
    },
    async (request) => {
      const { type, actorId, targetId, from, to, limit, cursor } = request.query;
      let query = deps.db
        .selectFrom('audit_events')
        .selectAll()
        .where('community_id', '=', authOf(request).community.id);
      if (type) query = query.where('type', '=', type);
      if (actorId) query = query.where('actor_id', '=', actorId);
      if (targetId) query = query.where('target_id', '=', targetId);
      if (from) query = query.where('occurred_at', '>=', new Date(from).toISOString());
      if (to) query = query.where('occurred_at', '<', new Date(to).toISOString());
      if (cursor) query = query.where('id', '<', decodeCursor(cursor));
      const rows = await query
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map((row) => ({
          id: row.id,
          occurredAt: row.occurred_at,
          type: row.type,
          outcome: row.outcome,
          actor: { id: row.actor_id, label: row.actor_label },
          target: { id: row.target_id, label: row.target_label },
          ip: row.ip,
          requestId: row.request_id,
          details: JSON.parse(row.details) as Record<string, unknown>,
        })),
        nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null,
      };
    },
  );
}
