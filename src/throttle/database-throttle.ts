import type { Clock } from '../clock.js';
import type { Db } from '../storage/db.js';
import { retryOnDeadlock } from '../storage/deadlock.js';
import { lockoutMinutes, refuse, type Throttle } from './throttle.js';
import {
  countAttempts,
  deleteThrottles,
  listActiveLockouts,
  refundAttempts,
  startLockout,
} from './throttle.store.js';

/** Throttle counters and lockouts in the database: shared by every server process on one PostgreSQL (R53). */
export function createDatabaseThrottle(db: Db, clock: Clock): Throttle {
  return {
    async attempt(keys) {
      if (keys.length === 0) return;
      const now = clock.now();
      const nowIso = now.toISOString();
      const counted = keys.map(({ key, rule }) => ({
        key,
        windowEndsAt: new Date(now.getTime() + rule.windowMinutes * 60_000).toISOString(),
      }));
      const rows = await retryOnDeadlock(() => countAttempts(db, counted, nowIso));
      for (const { key, rule } of keys) {
        const row = rows.find((r) => r.key === key);
        if (!row) continue;
        if (row.lockedUntil && row.lockedUntil > nowIso) refuse(now, row.lockedUntil);
        if (row.attempts > rule.limit) {
          const lockedUntil = new Date(
            now.getTime() + lockoutMinutes(rule, row.lockouts) * 60_000,
          ).toISOString();
          await startLockout(db, key, { lockedUntil, lockouts: row.lockouts + 1, now: nowIso });
          refuse(now, lockedUntil);
        }
      }
    },
    async succeeded({ forget = [], refund = [] }, executor) {
      // Inside the caller's writes, the caller's statement stands alone; by themselves, each does.
      if (executor) {
        await deleteThrottles(executor, forget);
        await refundAttempts(executor, refund);
        return;
      }
      await retryOnDeadlock(() => deleteThrottles(db, forget));
      await retryOnDeadlock(() => refundAttempts(db, refund));
    },
    activeLockouts: (prefix) => listActiveLockouts(db, prefix, clock.now().toISOString()),
    async lift(keys, executor = db) {
      await deleteThrottles(executor, keys);
    },
  };
}
