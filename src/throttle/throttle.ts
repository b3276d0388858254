import { AppError } from '../errors.js';
import type { Executor } from '../storage/db.js';

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
  clear(key: string, executor?: Executor): Promise<void>;
}

/** Refuses an attempt with 429 and the time to wait. */
export function refuse(now: Date, until: string): never {
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
