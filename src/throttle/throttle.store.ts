import { sql } from 'kysely';
import type { Executor } from '../storage/db.js';

export interface CountedKey {
  key: string;
  attempts: number;
  lockedUntil: string | null;
  lockouts: number;
}

/**
 * Counts one attempt for every key in one statement: one write per attempt, however many keys
 * guard it. A key whose window has ended starts a new one (`excluded` is the row this attempt
 * would have inserted). Answers in key order.
 */
export async function countAttempts(
  db: Executor,
  keys: readonly { key: string; windowEndsAt: string }[],
  now: string,
): Promise<CountedKey[]> {
  // In key order, the order in which `key in (…)` updates and deletes meet the same rows.
  const ordered = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rows = await db
    .insertInto('throttles')
    .values(
      ordered.map(({ key, windowEndsAt }) => ({
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

/** Lockout state of some keys: until when each is locked (if it is), and how often it was. */
export async function findLockouts(
  db: Executor,
  keys: readonly string[],
): Promise<{ key: string; lockedUntil: string | null; lockouts: number }[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('throttles')
    .select(['key', 'locked_until', 'lockouts'])
    .where('key', 'in', keys)
    .execute();
  return rows.map((row) => ({ key: row.key, lockedUntil: row.locked_until, lockouts: row.lockouts }));
}

/**
 * Locks a key until `lockedUntil`; of parallel requests over the limit only the first does (a
 * lockout in force is left alone), so they do not stack lockouts. Counting starts afresh after.
 */
export async function startLockout(
  db: Executor,
  key: string,
  lock: { lockedUntil: string; lockouts: number; now: string },
): Promise<void> {
  await db
    .insertInto('throttles')
    .values({
      key,
      attempts: 0,
      window_ends_at: lock.lockedUntil,
      locked_until: lock.lockedUntil,
      lockouts: lock.lockouts,
    })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({
          locked_until: lock.lockedUntil,
          lockouts: lock.lockouts,
          attempts: 0,
          window_ends_at: lock.lockedUntil,
        })
        .where((eb) =>
          eb.or([eb('throttles.locked_until', 'is', null), eb('throttles.locked_until', '<=', lock.now)]),
        ),
    )
    .execute();
}

/** Takes one attempt back from each key (never below zero). */
export async function refundAttempts(db: Executor, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await db
    .updateTable('throttles')
    .set({ attempts: sql<number>`case when attempts > 0 then attempts - 1 else 0 end` })
    .where('key', 'in', keys)
    .execute();
}

export async function deleteThrottles(db: Executor, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.deleteFrom('throttles').where('key', 'in', keys).execute();
}

/** Lockouts in force at `now` among keys that start with `prefix`. */
export async function listActiveLockouts(
  db: Executor,
  prefix: string,
  now: string,
): Promise<{ key: string; lockedUntil: string }[]> {
  const rows = await db
    .selectFrom('throttles')
    .select(['key', 'locked_until'])
    .where('key', '>=', prefix)
    .where('key', '<', `${prefix}\uffff`)
    .where('locked_until', '>', now)
    .orderBy('key')
    .limit(1000)
    .execute();
  return rows.flatMap((row) => (row.locked_until ? [{ key: row.key, lockedUntil: row.locked_until }] : []));
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
