import type { Clock } from './clock.js';
import { applyKeptReceipts } from './sms/receipts.js';
import type { Db } from './storage/db.js';

const DAY_MS = 86_400_000;

/**
 * Removes what has served its purpose: idempotency answers past their 24 hours, throttle
 * counters whose window and lockout have both ended, delivery receipts no text ever claimed,
 * daily counters a week old, and sessions ended more than 30 days ago (kept that long for
 * "where you were signed in").
 */
export async function sweepExpired(db: Db, clock: Clock) {
  const now = clock.now().getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', iso(now - DAY_MS))
    .execute();
  await db
    .deleteFrom('throttles')
    .where('window_ends_at', '<', iso(now))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', iso(now))]))
    // A key with lockouts behind it is kept a day, so the next lockout still grows.
    .where((eb) => eb.or([eb('lockouts', '=', 0), eb('window_ends_at', '<', iso(now - DAY_MS))]))
    .execute();
  // A receipt can miss the dispatcher's record by a hair on PostgreSQL; apply any that match now.
  const kept = await db.selectFrom('sms_receipts').select('provider_message_id').limit(1000).execute();
  await applyKeptReceipts(
    db,
    clock,
    kept.map((r) => r.provider_message_id),
  );
  await db
    .deleteFrom('sms_receipts')
    .where('received_at', '<', iso(now - DAY_MS))
    .execute();
  // Daily counters are keyed by their day (or hour) first; a week back is past every limit.
  await db
    .deleteFrom('daily_counters')
    .where('day', '<', iso(now - 7 * DAY_MS).slice(0, 10))
    .execute();
  await db
    .deleteFrom('sessions')
    .where('absolute_expires_at', '<', iso(now - 30 * DAY_MS))
    .execute();
}
