import { sql } from 'kysely';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { Db, Tx } from '../storage/db.js';

/**
 * Guessing throttles (R33) against password and code guessing. An attempt is counted *before*
 * the secret is checked, in one atomic upsert, so 50 parallel guesses see 50 distinct counts and
 * at most `limit` of them go on to be checked. Past the limit the key is locked for a while that
 * doubles with each lockout, capped so that no lockout is permanent.
 *
 * The counters live in the database, so every server process shares them (R53).
 */
export interface ThrottleRule {
  /** Attempts allowed in one window. */
  limit: number;
  windowMinutes: number;
  firstLockoutMinutes: number;
  maxLockoutMinutes: number;
}

export interface Throttle {
  /** Counts an attempt for every key; refuses with 429 if any key is over its limit or locked. */
  attempt(keys: ReadonlyArray<{ key: string; rule: ThrottleRule }>): Promise<void>;
  /** Forgets the failures of a key after a success (the account's, not the client's), in the success's transaction if given. */
  clear(key: string, executor?: Db | Tx): Promise<void>;
}

export function createThrottle(db: Db, clock: Clock): Throttle {
  /** Starts the lockout of a key that went over its limit; only the first request over does. */
  async function lock(key: string, rule: ThrottleRule, lockouts: number, now: Date): Promise<string> {
    const minutes = Math.min(rule.maxLockoutMinutes, rule.firstLockoutMinutes * 2 ** lockouts);
    const lockedUntil = new Date(now.getTime() + minutes * 60_000).toISOString();
    await db
      .updateTable('throttles')
      .set({ locked_until: lockedUntil, lockouts: lockouts + 1, attempts: 0, window_ends_at: lockedUntil })
      .where('key', '=', key)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now.toISOString())]))
      .execute();
    return lockedUntil;
  }

  return {
    async attempt(keys) {
      if (keys.length === 0) return;
      const now = clock.now();
      const nowIso = now.toISOString();
      // Every key counted in one statement: one write (one sync to disk) per attempt, however
      // many keys guard it. `excluded` is the row this attempt would have inserted.
      const rows = await db
        .insertInto('throttles')
        .values(
          keys.map(({ key, rule }) => ({
            key,
            attempts: 1,
            window_ends_at: new Date(now.getTime() + rule.windowMinutes * 60_000).toISOString(),
            locked_until: null,
            lockouts: 0,
          })),
        )
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            attempts: sql<number>`case when throttles.window_ends_at <= ${nowIso} then 1 else throttles.attempts + 1 end`,
            window_ends_at: sql<string>`case when throttles.window_ends_at <= ${nowIso} then excluded.window_ends_at else throttles.window_ends_at end`,
          }),
        )
        .returning(['key', 'attempts', 'locked_until', 'lockouts'])
        .execute();
      for (const { key, rule } of keys) {
        const row = rows.find((r) => r.key === key);
        if (!row) continue;
        if (row.locked_until && row.locked_until > nowIso) refuse(now, row.locked_until);
        if (row.attempts > rule.limit) refuse(now, await lock(key, rule, row.lockouts, now));
      }
    },
    async clear(key, executor = db) {
      await executor.deleteFrom('throttles').where('key', '=', key).execute();
    },
  };
}

function refuse(now: Date, until: string): never {
  const seconds = Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000));
  throw new AppError(
    'rate_limited',
    `Too many attempts. Wait ${describeWait(seconds)} and try again, or ask your admin for help.`,
    { retryAfterSeconds: seconds },
  );
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `${minutes} minutes`;
  return `${Math.ceil(minutes / 60)} hours`;
}

export const LOGIN_RULES = {
  /** Per account: a person who mistypes a few times is not stopped. */
  account: { limit: 10, windowMinutes: 15, firstLockoutMinutes: 5, maxLockoutMinutes: 24 * 60 },
  /** Per client address: wide enough for a shared shop-floor network, narrow enough to stop spraying. */
  client: { limit: 100, windowMinutes: 15, firstLockoutMinutes: 5, maxLockoutMinutes: 24 * 60 },
} satisfies Record<string, ThrottleRule>;

export const RECOVERY_RULES = {
  /** A 50-bit code cannot be found in 5 guesses a quarter hour, doubling lockouts capped at a day. */
  account: { limit: 5, windowMinutes: 15, firstLockoutMinutes: 15, maxLockoutMinutes: 24 * 60 },
  client: { limit: 50, windowMinutes: 15, firstLockoutMinutes: 15, maxLockoutMinutes: 24 * 60 },
} satisfies Record<string, ThrottleRule>;

export const CLAIM_RULES = {
  /** Claim links carry 144 bits; this only stops a client hammering the endpoint. */
  client: { limit: 200, windowMinutes: 15, firstLockoutMinutes: 5, maxLockoutMinutes: 6 * 60 },
} satisfies Record<string, ThrottleRule>;

export const REAUTH_RULES = {
  /** Re-entering the password while signed in: as generous as sign-in, as firm against guessing. */
  account: { limit: 10, windowMinutes: 15, firstLockoutMinutes: 5, maxLockoutMinutes: 24 * 60 },
} satisfies Record<string, ThrottleRule>;
