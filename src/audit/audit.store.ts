import type { Selectable } from 'kysely';
import { decodeCursor } from '../cursor.js';
import type { Executor } from '../storage/db.js';
import { insertMany } from '../storage/many-rows.js';
import type { AuditEventsTable } from '../storage/schema.js';

export interface AuditEvent {
  id: string;
  communityId: string;
  occurredAt: string;
  type: string;
  outcome: 'success' | 'failure';
  actor: { id: string | null; label: string | null };
  target: { id: string | null; label: string | null };
  ip: string | null;
  requestId: string | null;
  /** Facts about the event; never a secret. */
  details: Record<string, unknown>;
  /** How many times it happened: refusals from one source are counted per minute in one event. */
  count: number;
}

export interface AuditFilter {
  type?: string | undefined;
  actorId?: string | undefined;
  targetId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
}

function toAuditEvent(row: Selectable<AuditEventsTable>): AuditEvent {
  return {
    id: row.id,
    communityId: row.community_id,
    occurredAt: row.occurred_at,
    type: row.type,
    outcome: row.outcome,
    actor: { id: row.actor_id, label: row.actor_label },
    target: { id: row.target_id, label: row.target_label },
    ip: row.ip,
    requestId: row.request_id,
    details: JSON.parse(row.details) as Record<string, unknown>,
    count: row.count,
  };
}

function auditRow(event: Omit<AuditEvent, 'count'>) {
  return {
    id: event.id,
    community_id: event.communityId,
    occurred_at: event.occurredAt,
    type: event.type,
    outcome: event.outcome,
    actor_id: event.actor.id,
    actor_label: event.actor.label,
    target_id: event.target.id,
    target_label: event.target.label,
    ip: event.ip,
    request_id: event.requestId,
    details: JSON.stringify(event.details),
  };
}

export async function insertAuditEvent(db: Executor, event: Omit<AuditEvent, 'count'>): Promise<void> {
  await db.insertInto('audit_events').values(auditRow(event)).execute();
}

/** Many audit rows (an import's batch of changes), in a few statements. */
export async function insertAuditEvents(db: Executor, events: readonly Omit<AuditEvent, 'count'>[]) {
  await insertMany(db, 'audit_events', events.map(auditRow));
}

/** One page of a community's audit log, newest first; `limit + 1` rows tell whether more follow. */
export async function listAuditEvents(
  db: Executor,
  communityId: string,
  filter: AuditFilter,
  limit: number,
): Promise<AuditEvent[]> {
  let query = db.selectFrom('audit_events').selectAll().where('community_id', '=', communityId);
  if (filter.type) query = query.where('type', '=', filter.type);
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
  if (filter.from) query = query.where('occurred_at', '>=', new Date(filter.from).toISOString());
  if (filter.to) query = query.where('occurred_at', '<', new Date(filter.to).toISOString());
  if (filter.cursor) query = query.where('id', '<', decodeCursor(filter.cursor));
  const rows = await query.orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toAuditEvent);
}

/** Adds one to an aggregated refusal; false when no row has this key yet. */
export async function countAgain(db: Executor, aggregationKey: string): Promise<boolean> {
  const result = await db
    .updateTable('audit_events')
    .set((eb) => ({ count: eb('count', '+', 1) }))
    .where('aggregation_key', '=', aggregationKey)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Inserts an aggregated refusal, or counts it again when a parallel request just inserted it. */
export async function insertAggregated(
  db: Executor,
  event: Omit<AuditEvent, 'count'>,
  aggregationKey: string,
): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({ ...auditRow(event), count: 1, aggregation_key: aggregationKey })
    .onConflict((oc) =>
      oc
        .column('aggregation_key')
        // The key's index holds only the rows that have one, so the conflict names its predicate.
        .where('aggregation_key', 'is not', null)
        .doUpdateSet((eb) => ({ count: eb('audit_events.count', '+', 1) })),
    )
    .execute();
}

/** Retention (R36): events older than `before` go. The log allows deleting, never rewriting. */
export async function deleteAuditEventsBefore(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('audit_events').where('occurred_at', '<', before).execute();
}
