import type { Executor } from '../storage/db.js';

export type DeliveryReport = { status: 'delivered' | 'failed'; errorCode: string | null };

/** Moves a text forward on a delivery report; never back (a late "sent" does not undo "delivered"). */
export async function applyDeliveryReport(
  db: Executor,
  providerMessageId: string,
  report: DeliveryReport,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('messages')
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

/** Keeps a report that arrived before its text's send was recorded. */
export async function keepReceipt(
  db: Executor,
  providerMessageId: string,
  report: DeliveryReport,
  now: string,
): Promise<void> {
  await db
    .insertInto('sms_receipts')
    .values({
      provider_message_id: providerMessageId,
      status: report.status,
      error_code: report.errorCode,
      received_at: now,
    })
    .onConflict((oc) =>
      oc.column('provider_message_id').doUpdateSet({ status: report.status, error_code: report.errorCode }),
    )
    .execute();
}

export async function findReceipts(
  db: Executor,
  providerMessageIds: readonly string[],
): Promise<{ providerMessageId: string; report: DeliveryReport }[]> {
  const rows = await db
    .selectFrom('sms_receipts')
    .selectAll()
    .where('provider_message_id', 'in', providerMessageIds)
    .execute();
  return rows.map((r) => ({
    providerMessageId: r.provider_message_id,
    report: { status: r.status, errorCode: r.error_code },
  }));
}

/** Provider ids of kept receipts, oldest first, for the sweep. */
export async function listKeptReceiptIds(db: Executor, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('sms_receipts').select('provider_message_id').limit(limit).execute();
  return rows.map((r) => r.provider_message_id);
}

export async function deleteReceipt(db: Executor, providerMessageId: string): Promise<void> {
  await db.deleteFrom('sms_receipts').where('provider_message_id', '=', providerMessageId).execute();
}

export async function deleteReceiptsBefore(db: Executor, receivedBefore: string): Promise<void> {
  await db.deleteFrom('sms_receipts').where('received_at', '<', receivedBefore).execute();
}
