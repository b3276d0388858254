import type { Db, Tx } from '../storage/db.js';
import type { SessionsTable } from '../storage/schema.js';

export type SessionRow = SessionsTable;

/** Ends every live session of a person (deactivation, password reset); returns how many. */
export async function revokeAllSessions(
  db: Db | Tx,
  personId: string,
  now: string,
  exceptId?: string,
): Promise<number> {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .where('absolute_expires_at', '>', now);
  if (exceptId) query = query.where('id', '!=', exceptId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function listLiveSessions(db: Db | Tx, personId: string, now: string): Promise<SessionRow[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .where('idle_expires_at', '>', now)
    .where('absolute_expires_at', '>', now)
    .orderBy('last_used_at', 'desc')
    .execute();
}
