import type { Executor } from '../storage/db.js';
import { type Session, toSession } from './session.js';

export async function insertSession(db: Executor, session: Session & { tokenHash: string }): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      community_id: session.communityId,
      person_id: session.personId,
      token_hash: session.tokenHash,
      created_at: session.createdAt,
      last_used_at: session.lastUsedAt,
      idle_expires_at: session.idleExpiresAt,
      absolute_expires_at: session.absoluteExpiresAt,
      ip: session.ip,
      user_agent: session.userAgent,
      revoked_at: null,
    })
    .execute();
}

/** Ends every live session of a person (deactivation, password reset); returns how many. */
export async function revokeAllSessions(
  db: Executor,
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

/** Ends one session; with `personId`, only if it is that person's. Returns whether it was live. */
export async function revokeSession(
  db: Executor,
  sessionId: string,
  now: string,
  personId?: string,
): Promise<boolean> {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null);
  if (personId !== undefined) query = query.where('person_id', '=', personId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listLiveSessions(db: Executor, personId: string, now: string): Promise<Session[]> {
  const rows = await db
    .selectFrom('sessions')
    .selectAll()
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .where('idle_expires_at', '>', now)
    .where('absolute_expires_at', '>', now)
    .orderBy('last_used_at', 'desc')
    .execute();
  return rows.map(toSession);
}

/** Slides a session's idle window forward after use. */
export async function touchSession(
  db: Executor,
  sessionId: string,
  times: { lastUsedAt: string; idleExpiresAt: string },
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_used_at: times.lastUsedAt, idle_expires_at: times.idleExpiresAt })
    .where('id', '=', sessionId)
    .execute();
}

/** Sessions that ended long ago; kept until then for "where you were signed in". */
export async function deleteSessionsEndedBefore(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('sessions').where('absolute_expires_at', '<', before).execute();
}
