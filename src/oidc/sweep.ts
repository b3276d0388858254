import type { Db } from '../storage/db.js';
import { deleteAccountEventsProcessedBefore, deleteDeliveriesSettledBefore } from './logout.store.js';
import { deleteExpiredPayloads } from './payloads.store.js';
import { RETIRED_KEY_PUBLISHED_MS } from './signing-keys.js';
import { deleteKeysRetiredBefore } from './signing-keys.store.js';

const DAY_MS = 86_400_000;

/**
 * Housekeeping for the provider (R60): its records past their lifetime, keys no longer published,
 * account events acted on a week ago, and logouts settled a month ago (kept that long to look into
 * an app that missed one).
 */
export async function sweepOidc(db: Db, now: Date) {
  const iso = (ms: number) => new Date(ms).toISOString();
  const at = now.getTime();
  await deleteExpiredPayloads(db, iso(at));
  await deleteKeysRetiredBefore(db, iso(at - RETIRED_KEY_PUBLISHED_MS));
  await deleteAccountEventsProcessedBefore(db, iso(at - 7 * DAY_MS));
  await deleteDeliveriesSettledBefore(db, iso(at - 30 * DAY_MS));
}
