import { forgetAccessCodesExpiredBefore } from './access-codes/access-codes.store.js';
import { deleteAuditEventsBefore } from './audit/audit.store.js';
import { deleteDevicesUnusedSince } from './auth/trusted-devices.store.js';
import type { Clock } from './clock.js';
import { deleteCountersBefore } from './counters/counters.store.js';
import { deleteWindowsEndedBefore } from './counters/window-counters.store.js';
import type { Deps } from './deps.js';
import { recheckDueDomains } from './domains/recheck-domains.js';
import { deleteIdempotencyKeysBefore } from './http/idempotency.store.js';
import { sweepOidc } from './oidc/sweep.js';
import { applyKeptReceipts } from './outbox/receipts.js';
import { deleteReceiptsBefore, listKeptReceiptIds } from './outbox/receipts.store.js';
import { deleteResetTokensBefore } from './password-reset/reset-tokens.store.js';
import { deleteSessionsEndedBefore } from './sessions/sessions.store.js';
import type { Db } from './storage/db.js';
import { deleteSpentThrottles } from './throttle/throttle.store.js';

const DAY_MS = 86_400_000;

/** An expired access code is still recognised (and said to be expired) for this long (R21). */
const ACCESS_CODE_KEPT_DAYS = 30;

/** A browser that has not signed in for this long is a stranger again (R33). */
const DEVICE_TRUST_DAYS = 180;

/**
 * Removes what has served its purpose: idempotency answers past their 24 hours, throttle
 * counters whose window and lockout have both ended, delivery receipts no text ever claimed,
 * daily counters a week old, sessions ended more than 30 days ago (kept that long for "where you
 * were signed in"), devices unused for half a year, audit events past their retention (R36), the
 * provider's expired records (oidc/sweep.ts), and access codes a month past their expiry (R21).
 */
export async function sweepExpired(
  db: Db,
  clock: Clock,
  { auditRetentionDays }: { auditRetentionDays: number },
) {
  const now = clock.now().getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  await deleteIdempotencyKeysBefore(db, iso(now - DAY_MS));
  await deleteSpentThrottles(db, iso(now), iso(now - DAY_MS));
  // A receipt can miss the dispatcher's record by a hair on PostgreSQL; apply any that match now.
  await applyKeptReceipts(db, clock, await listKeptReceiptIds(db, 1000));
  await deleteReceiptsBefore(db, iso(now - DAY_MS));
  await deleteCountersBefore(db, iso(now - 7 * DAY_MS).slice(0, 10));
  await deleteSessionsEndedBefore(db, iso(now - 30 * DAY_MS));
  await deleteWindowsEndedBefore(db, iso(now - DAY_MS));
  await deleteDevicesUnusedSince(db, iso(now - DEVICE_TRUST_DAYS * DAY_MS));
  await deleteAuditEventsBefore(db, iso(now - auditRetentionDays * DAY_MS));
  await deleteResetTokensBefore(db, iso(now - DAY_MS));
  await sweepOidc(db, clock.now());
  await forgetAccessCodesExpiredBefore(db, iso(now - ACCESS_CODE_KEPT_DAYS * DAY_MS));
}

/** Housekeeping between dispatcher rounds: the sweep above, and the daily re-check of verified domains (R26). */
export async function runHousekeeping(deps: Deps) {
  await sweepExpired(deps.db, deps.clock, deps.config);
  await recheckDueDomains({ deps });
}
