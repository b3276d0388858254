import { AuditType, recordAudit } from '../audit/audit.js';
import { findCommunityById, findCommunityOrThrow } from '../communities/communities.store.js';
import type { ActingContext, Deps } from '../context.js';
import { AppError, notFound } from '../errors.js';
import { claimSmsLeftToday } from '../limits/limits.service.js';
import { assertNotSelf, lockTarget, toPersonView } from '../people/people.service.js';
import { findPersonById, type PersonRow } from '../people/people.store.js';
import { revokeAllSessions } from '../sessions/sessions.store.js';
import { readSettings } from '../settings/settings.schemas.js';
import type { Tx } from '../storage/db.js';
import { sendClaimSms } from './claim-sms.js';

function assertInvitable(person: PersonRow) {
  if (!person.active) {
    throw new AppError(
      'account_not_invitable',
      'This account is deactivated. Reactivate it before inviting the person again.',
    );
  }
  if (person.claimed) {
    throw new AppError(
      'account_not_invitable',
      'This person has already claimed their account. To make them choose a new password, reset the account to unclaimed.',
    );
  }
}

/** Sends (or resends) the claim invitation of an unclaimed account (R3, R13). */
export function invitePerson(args: {
  deps: Deps;
  ctx: ActingContext;
  id: string;
  channel?: string;
  /** The failed or expired text this invitation replaces, for the audit log. */
  resentMessageId?: string;
}) {
  return textUnclaimedPerson({ ...args, reason: 'invitation' });
}

export function remindPerson(args: { deps: Deps; ctx: ActingContext; id: string; channel: string }) {
  return textUnclaimedPerson({ ...args, reason: 'reminder' });
}

type TextArgs = {
  deps: Deps;
  ctx: ActingContext;
  id: string;
  reason: 'invitation' | 'reminder';
  channel?: string;
  resentMessageId?: string;
};

/** Sends an invitation or a reminder to one unclaimed person, audited in the same transaction. */
function textUnclaimedPerson(args: TextArgs) {
  return args.deps.db.transaction().execute((tx) => textUnclaimedPersonIn(tx, args));
}

async function textUnclaimedPersonIn(
  tx: Tx,
  { deps, ctx, id, reason, channel = 'api', resentMessageId }: TextArgs,
) {
  const person = await lockTarget(tx, deps, ctx, id);
  assertInvitable(person);
  const community = await findCommunityOrThrow(tx, ctx.communityId);
  const sent = await sendClaimSms(tx, deps, { community, person, reason, channel });
  await recordAudit(tx, deps.clock, ctx, {
    type: reason === 'invitation' ? AuditType.invitationSent : AuditType.reminderSent,
    target: { id, label: person.display_name },
    details: {
      channel,
      claimSmsLeftToday: sent.claimSmsLeftToday,
      ...(resentMessageId ? { resentMessageId } : {}),
    },
  });
  return { person: toPersonView(sent.person), claimSmsLeftToday: sent.claimSmsLeftToday };
}

/**
 * R12: the password, every session and the recovery code go; earlier links die; the worker gets
 * a fresh claim link by SMS. If today's claim texts are used up, nothing changes at all.
 */
export async function resetToUnclaimed({ deps, ctx, id }: { deps: Deps; ctx: ActingContext; id: string }) {
  assertNotSelf(ctx, id, 'reset');
  return deps.db.transaction().execute(async (tx) => {
    const person = await lockTarget(tx, deps, ctx, id);
    if (!person.active) {
      throw new AppError('account_not_invitable', 'This account is deactivated. Reactivate it first.');
    }
    const community = await findCommunityOrThrow(tx, ctx.communityId);
    const now = deps.clock.now().toISOString();
    const cleared = await tx
      .updateTable('people')
      .set({
        password_hash: null,
        // claimed_at stays: the account was claimed once, which R23 remembers when deleting.
        claimed: 0,
        recovery_code_hash: null,
        recovery_code_created_at: null,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const sent = await sendClaimSms(tx, deps, {
      community,
      person: cleared,
      reason: 'reset',
      channel: 'reset',
    });
    const sessionsEnded = await revokeAllSessions(tx, id, now);
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.accountSetToUnclaimed,
      target: { id, label: person.display_name },
      details: { sessionsEnded, claimSmsLeftToday: sent.claimSmsLeftToday, wasClaimed: person.claimed === 1 },
    });
    return { person: toPersonView(sent.person), claimSmsLeftToday: sent.claimSmsLeftToday };
  });
}

const REMIND_ALL_PAGE = 200;

/**
 * Remind all (R13): every unclaimed, active phone account of the community gets a reminder,
 * each within its own R5 allowance; one refusal (today's texts used up) loses nothing else.
 *
 * On SQLite, which syncs to disk once per commit, a page of people shares a transaction with a
 * savepoint each. On PostgreSQL, where transactions run side by side, each person gets a short
 * one of their own: a long one would hold the server-wide SMS counters (see sms/budget.ts).
 */
export async function remindAll({ deps, ctx }: { deps: Deps; ctx: ActingContext }) {
  const tally = { reminded: 0, skippedDailyLimit: 0, failed: 0 };
  const remind = async (run: () => Promise<unknown>) => {
    try {
      await run();
      tally.reminded += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'claim_sms_daily_limit') tally.skippedDailyLimit += 1;
      else tally.failed += 1;
    }
  };
  const args = (id: string) => ({ deps, ctx, id, reason: 'reminder', channel: 'remind_all' }) as const;
  let after = '';
  for (;;) {
    const page = await deps.db
      .selectFrom('people')
      .select('id')
      .where('community_id', '=', ctx.communityId)
      .where('login_kind', '=', 'phone')
      .where('active', '=', 1)
      .where('invited', '=', 1)
      .where('claimed', '=', 0)
      .where('id', '>', after)
      .orderBy('id')
      .limit(REMIND_ALL_PAGE)
      .execute();
    if (page.length === 0) break;
    if (deps.dialect === 'postgres') {
      for (const { id } of page) await remind(() => textUnclaimedPerson(args(id)));
    } else {
      const tx = await deps.db.startTransaction().execute();
      try {
        for (const { id } of page) {
          const person = await tx.savepoint('person').execute();
          await remind(async () => {
            try {
              await textUnclaimedPersonIn(person, args(id));
              await person.releaseSavepoint('person').execute();
            } catch (error) {
              await person.rollbackToSavepoint('person').execute();
              throw error;
            }
          });
        }
        await tx.commit().execute();
      } catch (error) {
        await tx.rollback().execute();
        throw error;
      }
    }
    after = page.at(-1)?.id ?? after;
  }
  return tally;
}

/** Reminders sent per community and reminder day in one round; the next round takes the rest. */
const REMINDERS_PER_ROUND = 1000;

interface DueReminder {
  id: string;
  community_id: string;
  invitation_sent_at: string | null;
  reminders_sent: number;
  day: number;
}

/**
 * Automatic reminders (R13): an unclaimed phone account gets one on each configured day after its
 * invitation (3 and 5 by default). Run periodically by the dispatcher; safe to run from several
 * processes, since each reminder is taken by a conditional update of the person's reminder count.
 */
export async function sendDueReminders({ deps }: { deps: Deps }): Promise<number> {
  const now = deps.clock.now();
  const candidates: DueReminder[] = [];
  // Asked community by community and reminder by reminder, so only people actually due are read,
  // not everyone still unclaimed.
  const communities = await deps.db.selectFrom('communities').select(['id', 'settings']).execute();
  for (const community of communities) {
    const settings = readSettings(community.settings);
    if (!settings.remindersEnabled) continue;
    for (const [index, day] of settings.reminderDays.entries()) {
      const due = await deps.db
        .selectFrom('people')
        .select(['id', 'community_id', 'invitation_sent_at', 'reminders_sent'])
        .where('community_id', '=', community.id)
        .where('login_kind', '=', 'phone')
        .where('active', '=', 1)
        .where('invited', '=', 1)
        .where('claimed', '=', 0)
        .where('reminders_sent', '=', index)
        .where('invitation_sent_at', '<=', new Date(now.getTime() - day * 86_400_000).toISOString())
        .limit(REMINDERS_PER_ROUND)
        .execute();
      for (const person of due) candidates.push({ ...person, day });
    }
  }
  let sent = 0;
  for (const candidate of candidates) {
    const { day } = candidate;
    const ctx: ActingContext = {
      communityId: candidate.community_id,
      actor: null,
      meta: { ip: null, requestId: null, userAgent: 'muster-reminders' },
    };
    try {
      await deps.db.transaction().execute(async (tx) => {
        // Take this reminder: of several processes, only the one whose update matches goes on.
        const taken = await tx
          .updateTable('people')
          .set({ reminders_sent: candidate.reminders_sent + 1 })
          .where('id', '=', candidate.id)
          .where('reminders_sent', '=', candidate.reminders_sent)
          // A new invitation since the person was read restarts the schedule: no reminder now.
          .where('invitation_sent_at', '=', candidate.invitation_sent_at)
          .where('active', '=', 1)
          .where('claimed', '=', 0)
          .returningAll()
          .executeTakeFirst();
        if (!taken) return;
        const community = await findCommunityOrThrow(tx, candidate.community_id);
        try {
          const result = await sendClaimSms(tx, deps, {
            community,
            person: taken,
            reason: 'reminder',
            channel: 'reminder',
          });
          await recordAudit(tx, deps.clock, ctx, {
            type: AuditType.reminderSent,
            target: { id: taken.id, label: taken.display_name },
            details: { channel: 'reminder', day, claimSmsLeftToday: result.claimSmsLeftToday },
          });
          sent += 1;
        } catch (error) {
          if (!(error instanceof AppError && error.code === 'claim_sms_daily_limit')) throw error;
          // Today's texts are used up: skip this reminder rather than retrying all day.
          await recordAudit(tx, deps.clock, ctx, {
            type: AuditType.reminderSkipped,
            outcome: 'failure',
            target: { id: taken.id, label: taken.display_name },
            details: { day, reason: 'claim_sms_daily_limit' },
          });
        }
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return sent;
}

export async function claimSmsAllowance({
  deps,
  communityId,
  id,
}: {
  deps: Deps;
  communityId: string;
  id: string;
}) {
  const community = await findCommunityById(deps.db, communityId);
  if (!community) throw notFound('The community');
  // An id from another community is a 404, like everywhere else (R35).
  if (!(await findPersonById(deps.db, communityId, id))) throw notFound('The person');
  return claimSmsLeftToday(deps.db, deps, community, id);
}
