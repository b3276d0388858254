import type { Clock } from '../clock.js';
import type { Db } from '../storage/db.js';
import { refuse, type Throttle, type ThrottleRule } from './throttle.js';
import { countAttempts, deleteThrottle, startLockout } from './throttle.store.js';

/** Throttle counters in the database: shared by every server process on one PostgreSQL (R53). */
export function createDatabaseThrottle(db: Db, clock: Clock): Throttle {
  /** Starts the lockout of a key that went over its limit; only the first request over does. */
  async function lock(key: string, rule: ThrottleRule, lockouts: number, now: Date): Promise<string> {
    const minutes = Math.min(rule.maxLockoutMinutes, rule.firstLockoutMinutes * 2 ** lockouts);
    const lockedUntil = new Date(now.getTime() + minutes * 60_000).toISOString();
    await startLockout(db, key, { lockedUntil, lockouts: lockouts + 1, now: now.toISOString() });
    return lockedUntil;
  }

  return {
    async attempt(keys) {
      if (keys.length === 0) return;
      const now = clock.now();
      const nowIso = now.toISOString();
      const rows = await countAttempts(
        db,
        keys.map(({ key, rule }) => ({
          key,
          windowEndsAt: new Date(now.getTime() + rule.windowMinutes * 60_000).toISOString(),
        })),
        nowIso,
      );
      for (const { key, rule } of keys) {
        const row = rows.find((r) => r.key === key);
        if (!row) continue;
        if (row.lockedUntil && row.lockedUntil > nowIso) refuse(now, row.lockedUntil);
        if (row.attempts > rule.limit) refuse(now, await lock(key, rule, row.lockouts, now));
      }
    },
    async clear(key, executor = db) {
      await deleteThrottle(executor, key);
    },
  };
}
