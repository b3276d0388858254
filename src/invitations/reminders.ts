import { AuditType, recordAudit } from '../audit/audit.js';
import { findCommunityOrThrow, listCommunities } from '../communities/communities.store.js';
import { systemContext } from '../context.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { DAILY_LIMITS, sendClaimMessage } from './claim-message.js';
import { type DueReminder, listDueReminders, takeReminder } from './invitations.store.js';

/** Reminders sent per community and reminder day in one round; the next round takes the rest. */
const REMINDERS_PER_ROUND = 1000;

/**
 * Automatic reminders (R13): an unclaimed phone account gets one on each configured day after its
 * invitation (3 and 5 by default). Run periodically by the dispatcher; safe to run from several
 * processes, since each reminder is taken by a conditional update of the person's reminder count.
 */
export async function sendDueReminders({ deps }: { deps: Deps }): Promise<number> {
  const now = deps.clock.now();
  const candidates: (DueReminder & { day: number })[] = [];
  // Asked community by community and reminder by reminder, so only people actually due are read,
  // not everyone still unclaimed.
  for (const community of await listCommunities(deps.db)) {
    if (!community.settings.remindersEnabled) continue;
    for (const [index, day] of community.settings.reminderDays.entries()) {
      const due = await listDueReminders(deps.db, community.id, {
        remindersSent: index,
        sentBefore: new Date(now.getTime() - day * 86_400_000).toISOString(),
        limit: REMINDERS_PER_ROUND,
      });
      for (const reminder of due) candidates.push({ ...reminder, day });
    }
  }
  let sent = 0;
  for (const candidate of candidates) {
    const { day } = candidate;
    const ctx = systemContext(candidate.communityId, 'muster-reminders');
    try {
      await deps.db.transaction().execute(async (tx) => {
        const taken = await takeReminder(tx, candidate);
        if (!taken) return;
        const community = await findCommunityOrThrow(tx, candidate.communityId);
        try {
          const result = await sendClaimMessage(tx, deps, {
            community,
            person: taken,
            reason: 'reminder',
            channel: 'reminder',
          });
          await recordAudit(tx, deps.clock, ctx, {
            type: AuditType.reminderSent,
            target: { id: taken.id, label: taken.displayName },
            details: { channel: 'reminder', day, claimSmsLeftToday: result.claimSmsLeftToday },
          });
          sent += 1;
        } catch (error) {
          if (!(error instanceof AppError && DAILY_LIMITS.has(error.code))) throw error;
          // Today's texts are used up: skip this reminder rather than retrying all day.
          await recordAudit(tx, deps.clock, ctx, {
            type: AuditType.reminderSkipped,
            outcome: 'failure',
            target: { id: taken.id, label: taken.displayName },
            details: { day, reason: error.code },
          });
        }
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return sent;
}
