import type { Clock } from '../clock.js';
import { refuse, type Throttle } from './throttle.js';

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
