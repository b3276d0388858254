import { sql } from 'kysely';
import type { Executor } from '../storage/db.js';

export interface CountedKey {
  key: string;
  attempts: number;
  lockedUntil: string | null;
  lockouts: number;
}

/**
 * Counts one attempt for every key in one statement: one write (one sync to disk) per attempt,
 * however many keys guard it. A key whose window has ended starts a new one (`excluded` is the
 * row this attempt would have inserted).
 */
export async function countAttempts(
  db: Executor,
  keys: readonly { key: string; windowEndsAt: string }[],
  now: string,
): Promise<CountedKey[]> {
  const rows = await db
    .insertInto('throttles')
    .values(
      keys.map(({ key, windowEndsAt }) => ({
        key,
        attempts: 1,
        window_ends_at: windowEndsAt,
        locked_until: null,
        lockouts: 0,
      })),
    )
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        attempts: sql<number>`case when throttles.window_ends_at <= ${now} then 1 else throttles.attempts + 1 end`,
        window_ends_at: sql<string>`case when throttles.window_ends_at <= ${now} then excluded.window_ends_at else throttles.window_ends_at end`,
      }),
    )
    .returning(['key', 'attempts', 'locked_until', 'lockouts'])
    .execute();
  return rows.map((row) => ({
    key: row.key,
    attempts: row.attempts,
    lockedUntil: row.locked_until,
    lockouts: row.lockouts,
  }));
}

/** Locks a key; only the first request over the limit does, so parallel ones do not stack lockouts. */
export async function startLockout(
  db: Executor,
  key: string,
  lock: { lockedUntil: string; lockouts: number; now: string },
): Promise<void> {
  await db
    .updateTable('throttles')
    .set({
      locked_until: lock.lockedUntil,
      lockouts: lock.lockouts,
      attempts: 0,
      window_ends_at: lock.lockedUntil,
    })
    .where('key', '=', key)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', lock.now)]))
    .execute();
}

export async function deleteThrottle(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('throttles').where('key', '=', key).execute();
}

/**
 * Forgets counters whose window and lockout have both ended. A key with lockouts behind it is
 * kept a day, so the next lockout still grows.
 */
export async function deleteSpentThrottles(db: Executor, now: string, dayAgo: string): Promise<void> {
  await db
    .deleteFrom('throttles')
    .where('window_ends_at', '<', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .where((eb) => eb.or([eb('lockouts', '=', 0), eb('window_ends_at', '<', dayAgo)]))
    .execute();
}
