import type { Clock } from './clock.js';
import { deleteCountersBefore } from './counters/counters.store.js';
import { deleteIdempotencyKeysBefore } from './http/idempotency.store.js';
import { deleteSessionsEndedBefore } from './sessions/sessions.store.js';
import { applyKeptReceipts } from './sms/receipts.js';
import { deleteReceiptsBefore, listKeptReceiptIds } from './sms/receipts.store.js';
import type { Db } from './storage/db.js';
import { deleteSpentThrottles } from './throttle/throttle.store.js';

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
  await deleteIdempotencyKeysBefore(db, iso(now - DAY_MS));
  await deleteSpentThrottles(db, iso(now), iso(now - DAY_MS));
  // A receipt can miss the dispatcher's record by a hair on PostgreSQL; apply any that match now.
  await applyKeptReceipts(db, clock, await listKeptReceiptIds(db, 1000));
  await deleteReceiptsBefore(db, iso(now - DAY_MS));
  await deleteCountersBefore(db, iso(now - 7 * DAY_MS).slice(0, 10));
  await deleteSessionsEndedBefore(db, iso(now - 30 * DAY_MS));
}
