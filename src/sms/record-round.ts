import { AuditType, recordAudit } from '../audit/audit.js';
import type { Clock } from '../clock.js';
import { systemContext } from '../context.js';
import type { Db } from '../storage/db.js';
import { decideOutcome, type Outcome } from './attempt.js';
import { insertSmsAttempts, markSmsSent, updateSmsAfterAttempt } from './outbox.store.js';
import { applyKeptReceipts } from './receipts.js';

/**
 * Records a dispatcher round in one transaction: sent texts together, every other outcome on
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
    await markSmsSent(tx, sent, nowIso);
    for (const { outcome, update, attempt } of decided) {
      if (!update) continue;
      await updateSmsAfterAttempt(tx, outcome.message.id, update, nowIso);
      // A text that will never arrive is an SMS decision admins must be able to find (R36).
      if (update.status === 'failed' || update.status === 'expired') {
        const { message } = outcome;
        await recordAudit(tx, clock, systemContext(message.communityId, 'muster-dispatcher'), {
          type: update.status === 'failed' ? AuditType.smsFailed : AuditType.smsExpired,
          outcome: 'failure',
          target: { id: message.personId, label: null },
          details: { messageId: message.id, kind: message.kind, errorCode: attempt.error_code ?? null },
        });
      }
    }
    await insertSmsAttempts(
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
