import type { Person } from '../people/person.js';
import { toPerson } from '../people/person.row.js';
import type { Executor } from '../storage/db.js';
import { insertMany } from '../storage/many-rows.js';

export async function insertClaimToken(
  db: Executor,
  token: {
    tokenHash: string;
    communityId: string;
    personId: string;
    generation: number;
    createdAt: string;
    expiresAt: string;
  },
): Promise<void> {
  await db
    .insertInto('claim_tokens')
    .values({
      token_hash: token.tokenHash,
      community_id: token.communityId,
      person_id: token.personId,
      generation: token.generation,
      created_at: token.createdAt,
      expires_at: token.expiresAt,
      used_at: null,
    })
    .execute();
}

/** Many claim tokens (an import's invitations), in a few statements. */
export async function insertClaimTokens(
  db: Executor,
  tokens: readonly Parameters<typeof insertClaimToken>[1][],
): Promise<void> {
  await insertMany(
    db,
    'claim_tokens',
    tokens.map((token) => ({
      token_hash: token.tokenHash,
      community_id: token.communityId,
      person_id: token.personId,
      generation: token.generation,
      created_at: token.createdAt,
      expires_at: token.expiresAt,
      used_at: null,
    })),
  );
}

/**
 * Marks a person invited under a new invitation generation, killing every earlier link (R8).
 * The increment happens in the database, so parallel invitations get distinct generations.
 */
export async function startInvitationGeneration(
  db: Executor,
  person: Pick<Person, 'id' | 'invitedAt'>,
  { now, restartReminders }: { now: string; restartReminders: boolean },
): Promise<Person> {
  const row = await db
    .updateTable('people')
    .set((eb) => ({
      invitation_generation: eb('invitation_generation', '+', 1),
      version: eb('version', '+', 1),
      invited: 1,
      invited_at: person.invitedAt ?? now,
      updated_at: now,
      // A new invitation restarts the automatic reminder schedule; reminders themselves do not.
      ...(restartReminders ? { invitation_sent_at: now, reminders_sent: 0 } : {}),
    }))
    .where('id', '=', person.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPerson(row);
}

/** One page of a community's unclaimed, active, invited accounts, by id: whom Remind all reminds. */
export async function listUnclaimedInvitedIds(
  db: Executor,
  communityId: string,
  afterId: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('people')
    .select('id')
    .where('community_id', '=', communityId)
    .where('login_kind', 'in', ['phone', 'email'])
    .where('active', '=', 1)
    .where('invited', '=', 1)
    .where('claimed', '=', 0)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

export interface DueReminder {
  personId: string;
  communityId: string;
  invitationSentAt: string | null;
  remindersSent: number;
}

/** Unclaimed phone and email accounts whose `remindersSent`-th reminder fell due (invited before `sentBefore`). */
export async function listDueReminders(
  db: Executor,
  communityId: string,
  { remindersSent, sentBefore, limit }: { remindersSent: number; sentBefore: string; limit: number },
): Promise<DueReminder[]> {
  const rows = await db
    .selectFrom('people')
    .select(['id', 'community_id', 'invitation_sent_at', 'reminders_sent'])
    .where('community_id', '=', communityId)
    .where('login_kind', 'in', ['phone', 'email'])
    .where('active', '=', 1)
    .where('invited', '=', 1)
    .where('claimed', '=', 0)
    .where('reminders_sent', '=', remindersSent)
    .where('invitation_sent_at', '<=', sentBefore)
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    personId: row.id,
    communityId: row.community_id,
    invitationSentAt: row.invitation_sent_at,
    remindersSent: row.reminders_sent,
  }));
}

/**
 * Takes a due reminder: of several processes, only the one whose update matches goes on. A new
 * invitation since it was read restarts the schedule, so then nobody takes it.
 */
export async function takeReminder(db: Executor, due: DueReminder): Promise<Person | null> {
  const row = await db
    .updateTable('people')
    .set({ reminders_sent: due.remindersSent + 1 })
    .where('id', '=', due.personId)
    .where('reminders_sent', '=', due.remindersSent)
    .where('invitation_sent_at', '=', due.invitationSentAt)
    .where('active', '=', 1)
    .where('claimed', '=', 0)
    .returningAll()
    .executeTakeFirst();
  return row ? toPerson(row) : null;
}
