import { AuditType, recordAudit } from '../audit/audit.js';
import type { Clock } from '../clock.js';
import { systemContext } from '../context.js';
import type { Db } from '../storage/db.js';
import { decideOutcome, type Outcome } from './attempt.js';
import { insertMessageAttempts, markMessagesSent, updateMessageAfterAttempt } from './outbox.store.js';
import { applyKeptReceipts } from './receipts.js';

const GAVE_UP = {
  sms: { failed: AuditType.smsFailed, expired: AuditType.smsExpired },
  email: { failed: AuditType.emailFailed, expired: AuditType.emailExpired },
} as const;

/**
 * Records a dispatcher round in one transaction: sent messages together, every other outcome on
 * its own, every attempt, and any delivery report that arrived before its send was recorded.
 */
export async function recordRound(db: Db, clock: Clock, outcomes: readonly Outcome[]): Promise<void> {
  const now = clock.now();
  const nowIso = now.toISOString();
  const decided = outcomes.map((outcome) => ({ outcome, ...decideOutcome(outcome, now) }));
  const sent = outcomes.flatMap(({ message, result }) =>
    result !== 'expired' && result.ok
      ? [
          {
            id: message.id,
            providerMessageId: result.providerMessageId,
            delivered: result.delivered === true,
          },
        ]
      : [],
  );
  await db.transaction().execute(async (tx) => {
    await markMessagesSent(tx, sent, nowIso);
    for (const { outcome, update, attempt } of decided) {
      if (!update) continue;
      await updateMessageAfterAttempt(tx, outcome.message.id, update, nowIso);
      // A message that will never arrive is a decision admins must be able to find (R36).
      if (update.status === 'failed' || update.status === 'expired') {
        const { message } = outcome;
        await recordAudit(tx, clock, systemContext(message.communityId, 'muster-dispatcher'), {
          type: GAVE_UP[message.medium][update.status],
          outcome: 'failure',
          target: { id: message.personId, label: null },
          details: { messageId: message.id, kind: message.kind, errorCode: attempt.error_code ?? null },
        });
      }
    }
    await insertMessageAttempts(
      tx,
      decided.map((d) => d.attempt),
    );
    await applyKeptReceipts(
      tx,
      clock,
      sent.map((s) => s.providerMessageId),
    );
  });
}
