import type { Clock } from '../clock.js';
import type { Db, Tx } from '../storage/db.js';

type Report = { status: 'delivered' | 'failed'; errorCode: string | null };

/** Moves a text forward on a delivery report; never back (a late "sent" does not undo "delivered"). */
async function applyReport(
  db: Db | Tx,
  clock: Clock,
  providerMessageId: string,
  report: Report,
): Promise<boolean> {
  const now = clock.now().toISOString();
  const result = await db
    .updateTable('sms_messages')
    .set(
      report.status === 'delivered'
        ? { status: 'delivered', delivered_at: now, updated_at: now }
        : {
            status: 'failed',
            error_code: report.errorCode ?? 'undelivered',
            error_message: 'The carrier could not deliver the text.',
            updated_at: now,
          },
    )
    .where('provider_message_id', '=', providerMessageId)
    .where('status', 'in', ['sending', 'sent'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Records a provider's delivery report (R50). A report can overtake the dispatcher, arriving
 * before it has written down the provider's id: then it is kept as a receipt, which the
 * dispatcher applies when it records the send. Trying again after keeping it closes the gap
 * where both happen at once.
 */
export async function recordDeliveryReport(db: Db, clock: Clock, providerMessageId: string, report: Report) {
  if (await applyReport(db, clock, providerMessageId, report)) return;
  await db
    .insertInto('sms_receipts')
    .values({
      provider_message_id: providerMessageId,
      status: report.status,
      error_code: report.errorCode,
      received_at: clock.now().toISOString(),
    })
    .onConflict((oc) =>
      oc.column('provider_message_id').doUpdateSet({ status: report.status, error_code: report.errorCode }),
    )
    .execute();
  await applyKeptReceipts(db, clock, [providerMessageId]);
}

/** Applies receipts kept for these provider ids, and forgets them. */
export async function applyKeptReceipts(db: Db | Tx, clock: Clock, providerMessageIds: readonly string[]) {
  if (providerMessageIds.length === 0) return;
  const receipts = await db
    .selectFrom('sms_receipts')
    .selectAll()
    .where('provider_message_id', 'in', providerMessageIds)
    .execute();
  for (const receipt of receipts) {
    if (
      await applyReport(db, clock, receipt.provider_message_id, {
        status: receipt.status,
        errorCode: receipt.error_code,
      })
    ) {
      await db
        .deleteFrom('sms_receipts')
        .where('provider_message_id', '=', receipt.provider_message_id)
        .execute();
    }
  }
}
