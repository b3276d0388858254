import { AppError } from '../errors.js';
import type { Executor } from '../storage/db.js';

/**
 * Guessing throttles (R33) against password and code guessing. An attempt is counted *before*
 * the secret is checked, so 50 parallel guesses see 50 distinct counts and at most `limit` of
 * them go on to be checked. Past the limit the key is locked for a while that doubles with each
 * lockout, capped so that no lockout is permanent.
 *
 * Frontline reality shapes the keys (see the rules below and auth/login.ts): a success takes its
 * count back from the client address, so a shift behind one shop router never locks itself out;
 * a browser that signed in to an account before has a key of its own, so a stranger who knows a
 * worker's number cannot lock the worker out.
 *
 * Counters live in the database, shared by every process of a scaled-out deployment (R53), or in
 * this process's memory for the single-process embedded SQLite, where counting costs no write.
 * Lockouts always live in the database: they survive a restart, and no flood of new keys can
 * push one out of memory.
 */
export interface ThrottleRule {
  /** Attempts allowed in one window. */
  limit: number;
  windowMinutes: number;
  firstLockoutMinutes: number;
  maxLockoutMinutes: number;
}

export type ThrottleKey = { key: string; rule: ThrottleRule };

export interface Lockout {
  key: string;
  lockedUntil: string;
}

export interface Throttle {
  /** Counts an attempt for every key; refuses with 429 if any key is locked or over its limit. */
  attempt(keys: readonly ThrottleKey[]): Promise<void>;
  /**
   * After a success: `forget` drops every count of these keys (the account's failures), `refund`
   * takes this attempt's count back (a client address is charged for failures only). In the
   * success's transaction when one is given.
   */
  succeeded(
    outcome: { forget?: readonly string[]; refund?: readonly string[] },
    executor?: Executor,
  ): Promise<void>;
  /** Lockouts in force now whose key starts with `prefix`. */
  activeLockouts(prefix: string): Promise<Lockout[]>;
  /** Lifts any lockout of these keys and forgets their counts (an admin's help, or a reset). */
  lift(keys: readonly string[], executor?: Executor): Promise<void>;
}

/** How long the next lockout of a key lasts: doubling with each one before, capped. */
export function lockoutMinutes(rule: ThrottleRule, lockoutsBefore: number): number {
  return Math.min(rule.maxLockoutMinutes, rule.firstLockoutMinutes * 2 ** lockoutsBefore);
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
  /**
   * Per account, for browsers that never signed in to it: a person who mistypes a few times is
   * not stopped, and a guesser gets few tries a quarter hour.
   */
  account: { limit: 10, windowMinutes: 15, firstLockoutMinutes: 5, maxLockoutMinutes: 24 * 60 },
  /** Per account and browser that signed in to it before: its own allowance, untouched by strangers. */
  device: { limit: 10, windowMinutes: 15, firstLockoutMinutes: 5, maxLockoutMinutes: 24 * 60 },
  /** Per client address, failures only: stops spraying across accounts, never a busy shift. */
  client: { limit: 100, windowMinutes: 15, firstLockoutMinutes: 5, maxLockoutMinutes: 24 * 60 },
} satisfies Record<string, ThrottleRule>;

export const RECOVERY_RULES = {
  /** A 50-bit code cannot be found in 5 guesses a quarter hour, doubling lockouts capped at a day. */
  account: { limit: 5, windowMinutes: 15, firstLockoutMinutes: 15, maxLockoutMinutes: 24 * 60 },
  device: { limit: 5, windowMinutes: 15, firstLockoutMinutes: 15, maxLockoutMinutes: 24 * 60 },
  client: { limit: 50, windowMinutes: 15, firstLockoutMinutes: 15, maxLockoutMinutes: 24 * 60 },
} satisfies Record<string, ThrottleRule>;

export const CLAIM_RULES = {
  /** Claim links carry 144 bits; this only stops a client hammering the endpoint with bad links. */
  client: { limit: 200, windowMinutes: 15, firstLockoutMinutes: 5, maxLockoutMinutes: 6 * 60 },
} satisfies Record<string, ThrottleRule>;

export const FORGOT_RULES = {
  /** Asking for reset emails: plenty for a shared office address, too few to spray addresses. */
  client: { limit: 30, windowMinutes: 15, firstLockoutMinutes: 15, maxLockoutMinutes: 6 * 60 },
} satisfies Record<string, ThrottleRule>;

export const REAUTH_RULES = {
  /** Re-entering the password while signed in: as generous as sign-in, as firm against guessing. */
  account: { limit: 10, windowMinutes: 15, firstLockoutMinutes: 5, maxLockoutMinutes: 24 * 60 },
} satisfies Record<string, ThrottleRule>;

/** The keys that hold one account's sign-in and recovery lockouts, for admins to see and lift. */
export const accountThrottleKeys = {
  login: (communityId: string, kind: string, value: string) =>
    `login:account:${communityId}:${kind}:${value}`,
  recovery: (communityId: string, phone: string) => `recover:account:${communityId}:${phone}`,
  /** Every account key of a community starts with one of these. */
  prefixes: (communityId: string) => [`login:account:${communityId}:`, `recover:account:${communityId}:`],
};
