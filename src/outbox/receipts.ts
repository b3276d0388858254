import type { Clock } from '../clock.js';
import type { Executor } from '../storage/db.js';
import {
  applyDeliveryReport,
  type DeliveryReport,
  deleteReceipt,
  findReceipts,
  keepReceipt,
} from './receipts.store.js';

/**
 * Records a provider's delivery report (R50). A report can overtake the dispatcher, arriving
 * before it has written down the provider's id: then it is kept as a receipt, which the
 * dispatcher applies when it records the send. Trying again after keeping it closes the gap
 * where both happen at once.
 */
export async function recordDeliveryReport(
  db: Executor,
  clock: Clock,
  providerMessageId: string,
  report: DeliveryReport,
) {
  const now = clock.now().toISOString();
  if (await applyDeliveryReport(db, providerMessageId, report, now)) return;
  await keepReceipt(db, providerMessageId, report, now);
  await applyKeptReceipts(db, clock, [providerMessageId]);
}

/** Applies receipts kept for these provider ids, and forgets them. */
export async function applyKeptReceipts(db: Executor, clock: Clock, providerMessageIds: readonly string[]) {
  if (providerMessageIds.length === 0) return;
  for (const { providerMessageId, report } of await findReceipts(db, providerMessageIds)) {
    if (await applyDeliveryReport(db, providerMessageId, report, clock.now().toISOString())) {
      await deleteReceipt(db, providerMessageId);
    }
  }
}
