import { sql } from 'kysely';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { Db, DialectName, Tx } from '../storage/db.js';

/**
 * Guessing throttles (R33) against password and code guessing. An attempt is counted *before*
 * the secret is checked, in one atomic upsert, so 50 parallel guesses see 50 distinct counts and
 * at most `limit` of them go on to be checked. Past the limit the key is locked for a while that
 * doubles with each lockout, capped so that no lockout is permanent.
 *
 * Two stores keep the counters: the database, shared by every process of a scaled-out
 * deployment (R53), or this process's memory, for a single-process deployment on the embedded
 * SQLite, where a counter costs no write (and no sync to disk) on every sign-in attempt.
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

/**
 * The store for a deployment: the database when it is PostgreSQL, which several processes may
 * share; memory with the embedded SQLite, which is only ever opened by one server process.
 */
export function createThrottle(deps: { db: Db; dialect: DialectName; clock: Clock }): Throttle {
  return deps.dialect === 'postgres'
    ? createDatabaseThrottle(deps.db, deps.clock)
    : createMemoryThrottle(deps.clock);
}

/** Throttle counters in the database: shared by every server process on one PostgreSQL (R53). */
export function createDatabaseThrottle(db: Db, clock: Clock): Throttle {
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

interface Counter {
  attempts: number;
  windowEndsAt: number;
  lockedUntil: number;
  lockouts: number;
}

/** How often, at most, the memory store looks for counters that have served their purpose. */
const MEMORY_PRUNE_EVERY_MS = 60_000;
/** The memory store never holds more counters than this; the oldest go first. */
const MEMORY_MAX_COUNTERS = 200_000;

/**
 * Throttle counters in this process's memory. JavaScript runs one request's counting at a time,
 * so 50 parallel attempts still see 50 distinct counts. Counters are lost on restart, which only
 * forgives guesses already throttled.
 *
 * An attacker who rotates accounts from one address must not grow the store: a request refused
 * because a key is already locked counts nothing new, pruning runs at most once a minute, and
 * the store has a hard size limit.
 */
export function createMemoryThrottle(clock: Clock): Throttle {
  const counters = new Map<string, Counter>();
  let lastPrune = 0;
  const prune = (now: number) => {
    lastPrune = now;
    for (const [key, c] of counters) {
      const over = c.windowEndsAt <= now && c.lockedUntil <= now;
      if (over && (c.lockouts === 0 || c.windowEndsAt < now - 86_400_000)) counters.delete(key);
    }
  };
  return {
    async attempt(keys) {
      const now = clock.now();
      const ms = now.getTime();
      if (ms - lastPrune > MEMORY_PRUNE_EVERY_MS) prune(ms);
      for (const { key } of keys) {
        const lockedUntil = counters.get(key)?.lockedUntil ?? 0;
        if (lockedUntil > ms) refuse(now, new Date(lockedUntil).toISOString());
      }
      // Count every key first, as the database store does in one statement, then judge.
      const counted = keys.map(({ key, rule }) => {
        let c = counters.get(key);
        if (!c) {
          if (counters.size >= MEMORY_MAX_COUNTERS) {
            const oldest = counters.keys().next().value;
            if (oldest !== undefined) counters.delete(oldest);
          }
          c = { attempts: 0, windowEndsAt: ms + rule.windowMinutes * 60_000, lockedUntil: 0, lockouts: 0 };
          counters.set(key, c);
        }
        if (c.windowEndsAt <= ms) {
          c.attempts = 0;
          c.windowEndsAt = ms + rule.windowMinutes * 60_000;
        }
        c.attempts += 1;
        return { c, rule };
      });
      for (const { c, rule } of counted) {
        if (c.attempts > rule.limit) {
          const minutes = Math.min(rule.maxLockoutMinutes, rule.firstLockoutMinutes * 2 ** c.lockouts);
          c.lockedUntil = ms + minutes * 60_000;
          c.lockouts += 1;
          c.attempts = 0;
          c.windowEndsAt = c.lockedUntil;
          refuse(now, new Date(c.lockedUntil).toISOString());
        }
      }
    },
    async clear(key) {
      counters.delete(key);
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
