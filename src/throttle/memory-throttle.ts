import type { Clock } from '../clock.js';
import type { Db } from '../storage/db.js';
import { lockoutMinutes, refuse, type Throttle } from './throttle.js';
import { deleteThrottles, findLockouts, listActiveLockouts, startLockout } from './throttle.store.js';

interface Counter {
  attempts: number;
  windowEndsAt: number;
}

/** The memory store never holds more counters than this; past it, the oldest counter goes. */
const MEMORY_MAX_COUNTERS = 200_000;

/**
 * Throttle counters in this process's memory, for the single-process embedded SQLite: counting an
 * attempt costs no write (and no sync to disk). JavaScript runs one request's counting at a time,
 * so 50 parallel attempts still see 50 distinct counts.
 *
 * Memory stays bounded because it holds counters only, at most MEMORY_MAX_COUNTERS of them
 * (about 100 bytes each; a flood of new keys pushes out the oldest, which at worst forgives a few
 * failures). Lockouts are written to the database, where no flood can evict one: checking them
 * is one indexed read per attempt, and writing one happens only when a key goes over its limit.
 */
export function createMemoryThrottle(db: Db, clock: Clock): Throttle {
  const counters = new Map<string, Counter>();
  const count = (key: string, windowMinutes: number, now: number): Counter => {
    let counter = counters.get(key);
    if (counter && counter.windowEndsAt <= now) counter = undefined;
    if (!counter) {
      counters.delete(key);
      if (counters.size >= MEMORY_MAX_COUNTERS) {
        const oldest = counters.keys().next().value;
        if (oldest !== undefined) counters.delete(oldest);
      }
      counter = { attempts: 0, windowEndsAt: now + windowMinutes * 60_000 };
      counters.set(key, counter);
    }
    counter.attempts += 1;
    return counter;
  };
  return {
    async attempt(keys) {
      if (keys.length === 0) return;
      const now = clock.now();
      const nowIso = now.toISOString();
      const lockouts = await findLockouts(
        db,
        keys.map((k) => k.key),
      );
      // A request refused because a key is locked counts nothing new: rotating accounts from a
      // locked address grows nothing.
      for (const lockout of lockouts) {
        if (lockout.lockedUntil && lockout.lockedUntil > nowIso) refuse(now, lockout.lockedUntil);
      }
      const counted = keys.map(({ key, rule }) => ({
        key,
        rule,
        counter: count(key, rule.windowMinutes, now.getTime()),
      }));
      for (const { key, rule, counter } of counted) {
        if (counter.attempts <= rule.limit) continue;
        const before = lockouts.find((l) => l.key === key)?.lockouts ?? 0;
        const lockedUntil = new Date(now.getTime() + lockoutMinutes(rule, before) * 60_000).toISOString();
        counters.delete(key);
        await startLockout(db, key, { lockedUntil, lockouts: before + 1, now: nowIso });
        refuse(now, lockedUntil);
      }
    },
    async succeeded({ forget = [], refund = [] }, executor = db) {
      for (const key of forget) counters.delete(key);
      for (const key of refund) {
        const counter = counters.get(key);
        if (counter && counter.attempts > 0) counter.attempts -= 1;
      }
      // A lockout that lapsed leaves its row (it doubles the next one); a success forgets it.
      await deleteThrottles(executor, forget);
    },
    activeLockouts: (prefix) => listActiveLockouts(db, prefix, clock.now().toISOString()),
    async lift(keys, executor = db) {
      for (const key of keys) counters.delete(key);
      await deleteThrottles(executor, keys);
    },
  };
}
