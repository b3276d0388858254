import { newId } from '../crypto/random.js';
import type { Executor } from '../storage/db.js';

export interface AccountEvent {
  id: string;
  communityId: string;
  personId: string;
  kind: 'deactivated' | 'reset' | 'deleted' | 'signed_out_everywhere';
}

/** Whether any account event waits: a cheap look before a transaction, every second. */
export async function hasPendingAccountEvents(db: Executor): Promise<boolean> {
  const row = await db
    .selectFrom('account_events')
    .select('id')
    .where('processed_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Account events no server has acted on yet, oldest first, locked (PostgreSQL: others skip them). */
export async function lockPendingAccountEvents(db: Executor, limit: number): Promise<AccountEvent[]> {
  const rows = await db
    .selectFrom('account_events')
    .select(['id', 'community_id', 'person_id', 'kind'])
    .where('processed_at', 'is', null)
    .orderBy('created_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map((row) => ({
    id: row.id,
    communityId: row.community_id,
    personId: row.person_id,
    kind: row.kind,
  }));
}

/**
 * Whether something ended the person's sign-ins at or after `since` and has not been acted on yet:
 * a token made before it is refused in the moment before its records are deleted.
 */
export async function hasPendingAccountEventSince(
  db: Executor,
  personId: string,
  since: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('account_events')
    .select('id')
    .where('processed_at', 'is', null)
    .where('person_id', '=', personId)
    .where('created_at', '>=', since)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function markAccountEventProcessed(db: Executor, id: string, now: string): Promise<void> {
  await db.updateTable('account_events').set({ processed_at: now }).where('id', '=', id).execute();
}

/** Housekeeping: events acted on long ago. */
export async function deleteAccountEventsProcessedBefore(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('account_events').where('processed_at', '<=', before).execute();
}

export async function insertLogoutDeliveries(
  db: Executor,
  deliveries: { communityId: string; clientId: string; personId: string; reason: string }[],
  now: string,
): Promise<void> {
  if (deliveries.length === 0) return;
  await db
    .insertInto('oidc_logout_deliveries')
    .values(
      deliveries.map((d) => ({
        id: newId(new Date(now)),
        community_id: d.communityId,
        client_id: d.clientId,
        person_id: d.personId,
        reason: d.reason,
        status: 'pending' as const,
        next_attempt_at: now,
        last_error: null,
        created_at: now,
        delivered_at: null,
      })),
    )
    .execute();
}

/** Whether any logout is due now: a cheap look before taking any, every second. */
export async function hasDueDeliveries(db: Executor, now: string): Promise<boolean> {
  const row = await db
    .selectFrom('oidc_logout_deliveries')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface DueDelivery {
  id: string;
  communityId: string;
  clientId: string;
  personId: string;
  reason: string;
  attempts: number;
}

/**
 * Takes the logouts due now: each is leased (its next attempt moved to `leaseUntil`) so that a
 * server that dies while sending leaves it to be tried again, and servers share the work.
 */
export async function claimDueDeliveries(
  db: Executor,
  claim: { now: string; leaseUntil: string; limit: number },
): Promise<DueDelivery[]> {
  const due = db
    .selectFrom('oidc_logout_deliveries')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', claim.now)
    .orderBy('next_attempt_at')
    .limit(claim.limit)
    .forUpdate()
    .skipLocked();
  const rows = await db
    .updateTable('oidc_logout_deliveries')
    .set((eb) => ({ next_attempt_at: claim.leaseUntil, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', due)
    .returning(['id', 'community_id', 'client_id', 'person_id', 'reason', 'attempts'])
    .execute();
  return rows.map((row) => ({
    id: row.id,
    communityId: row.community_id,
    clientId: row.client_id,
    personId: row.person_id,
    reason: row.reason,
    attempts: row.attempts,
  }));
}

export async function recordDeliveryOutcome(
  db: Executor,
  id: string,
  outcome:
    | { status: 'delivered'; at: string }
    | { status: 'pending'; nextAttemptAt: string; error: string }
    | { status: 'failed'; error: string },
): Promise<void> {
  await db
    .updateTable('oidc_logout_deliveries')
    .set(
      outcome.status === 'delivered'
        ? { status: 'delivered', delivered_at: outcome.at, last_error: null }
        : outcome.status === 'pending'
          ? { next_attempt_at: outcome.nextAttemptAt, last_error: outcome.error }
          : { status: 'failed', last_error: outcome.error },
    )
    .where('id', '=', id)
    .execute();
}

/** Housekeeping: deliveries settled long ago. */
export async function deleteDeliveriesSettledBefore(db: Executor, before: string): Promise<void> {
  await db
    .deleteFrom('oidc_logout_deliveries')
    .where('status', '!=', 'pending')
    .where('created_at', '<=', before)
    .execute();
}
