import { decodeCursor } from '../cursor.js';
import type { Db } from '../storage/db.js';
import type { AuditEventsTable } from '../storage/schema.js';

export interface AuditFilter {
  type?: string | undefined;
  actorId?: string | undefined;
  targetId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
}

/** One page of a community's audit log, newest first; `limit + 1` rows tell whether more follow. */
export function listAuditEvents(
  db: Db,
  communityId: string,
  filter: AuditFilter,
  limit: number,
): Promise<AuditEventsTable[]> {
  let query = db.selectFrom('audit_events').selectAll().where('community_id', '=', communityId);
  if (filter.type) query = query.where('type', '=', filter.type);
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
  if (filter.from) query = query.where('occurred_at', '>=', new Date(filter.from).toISOString());
  if (filter.to) query = query.where('occurred_at', '<', new Date(filter.to).toISOString());
  if (filter.cursor) query = query.where('id', '<', decodeCursor(filter.cursor));
  return query.orderBy('id', 'desc').limit(limit).execute();
}
