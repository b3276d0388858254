import { type Insertable, sql } from 'kysely';
import type { Executor } from '../storage/db.js';
import type { SmsAttemptsTable, SmsKind, SmsMessagesTable, SmsStatus } from '../storage/schema.js';

/** A text in the outbox. The body holds its secrets until the text is final, then it is gone (R32). */
export interface SmsMessage {
  id: string;
  communityId: string;
  personId: string | null;
  to: string;
  kind: SmsKind;
  channel: string;
  body: string | null;
  /** The text with its secrets masked: what admins see. */
  preview: string;
  status: SmsStatus;
  attempts: number;
  provider: string | null;
  providerMessageId: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  expiresAt: string;
}

export type SmsAttempt = Insertable<SmsAttemptsTable>;

/** A text claimed by a dispatcher for one attempt. */
export type ClaimedSms = Pick<
  SmsMessage,
  'id' | 'communityId' | 'personId' | 'kind' | 'to' | 'body' | 'attempts' | 'expiresAt' | 'status'
>;

/** What one attempt makes of a text that was not simply sent. */
export type SmsUpdate =
  | { status: 'expired' | 'failed'; body: null; errorCode?: string; errorMessage?: string }
  | { status: 'queued'; nextAttemptAt: string; errorCode: string; errorMessage: string };

export function toSmsMessage(row: SmsMessagesTable): SmsMessage {
  return {
    id: row.id,
    communityId: row.community_id,
    personId: row.person_id,
    to: row.to_phone,
    kind: row.kind,
    channel: row.channel,
    body: row.body,
    preview: row.preview,
    status: row.status,
    attempts: row.attempts,
    provider: row.provider,
    providerMessageId: row.provider_message_id,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    deliveredAt: row.delivered_at,
    expiresAt: row.expires_at,
  };
}

export async function insertSms(
  db: Executor,
  sms: Pick<
    SmsMessage,
    'id' | 'communityId' | 'personId' | 'to' | 'kind' | 'channel' | 'body' | 'preview'
  > & {
    now: string;
    expiresAt: string;
  },
): Promise<void> {
  await db
    .insertInto('sms_messages')
    .values({
      id: sms.id,
      community_id: sms.communityId,
      person_id: sms.personId,
      to_phone: sms.to,
      kind: sms.kind,
      channel: sms.channel,
      body: sms.body,
      preview: sms.preview,
      status: 'queued',
      attempts: 0,
      next_attempt_at: sms.now,
      lease_expires_at: null,
      expires_at: sms.expiresAt,
      provider: null,
      provider_message_id: null,
      error_code: null,
      error_message: null,
      created_at: sms.now,
      updated_at: sms.now,
      sent_at: null,
      delivered_at: null,
    })
    .execute();
}

/**
 * Claims up to `limit` due texts with a lease: queued ones whose time has come, and ones a
 * crashed dispatcher left sending past their lease. Several dispatchers on PostgreSQL take
 * disjoint batches (SKIP LOCKED, R53).
 */
export async function claimDueSms(
  db: Executor,
  claim: { now: string; leaseUntil: string; provider: string; limit: number },
): Promise<ClaimedSms[]> {
  const due = db
    .selectFrom('sms_messages')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', claim.now)]),
        eb.and([eb('status', '=', 'sending'), eb('lease_expires_at', '<=', claim.now)]),
      ]),
    )
    .orderBy('next_attempt_at')
    .limit(claim.limit)
    .forUpdate()
    .skipLocked();
  const rows = await db
    .updateTable('sms_messages')
    .set((eb) => ({
      status: 'sending',
      lease_expires_at: claim.leaseUntil,
      attempts: eb('attempts', '+', 1),
      provider: claim.provider,
      updated_at: claim.now,
    }))
    .where('id', 'in', due)
    .returning([
      'id',
      'community_id',
      'person_id',
      'kind',
      'to_phone',
      'body',
      'attempts',
      'expires_at',
      'status',
    ])
    .execute();
  return rows.map((row) => ({
    id: row.id,
    communityId: row.community_id,
    personId: row.person_id,
    kind: row.kind,
    to: row.to_phone,
    body: row.body,
    attempts: row.attempts,
    expiresAt: row.expires_at,
    status: row.status,
  }));
}

/** Rows per statement when recording: well inside both databases' limits on bound values. */
const WRITE_CHUNK = 200;

/**
 * Records texts the provider accepted, one statement per chunk rather than one per text: the
 * write, not the provider, would otherwise bound how fast the outbox drains.
 */
export async function markSmsSent(
  db: Executor,
  sent: readonly { id: string; providerMessageId: string; delivered: boolean }[],
  now: string,
): Promise<void> {
  for (let i = 0; i < sent.length; i += WRITE_CHUNK) {
    const chunk = sent.slice(i, i + WRITE_CHUNK);
    await db
      .updateTable('sms_messages')
      .set(() => {
        // One CASE per column: each text gets its own provider id in a single statement.
        const byId = (pick: (s: (typeof chunk)[number]) => string | null) =>
          sql<string>`case ${sql.join(
            chunk.map((s) => sql`when id = ${s.id} then ${pick(s)}`),
            sql` `,
          )} end`;
        return {
          status: byId((s) => (s.delivered ? 'delivered' : 'sent')) as never,
          provider_message_id: byId((s) => s.providerMessageId),
          delivered_at: byId((s) => (s.delivered ? now : null)),
          body: null,
          sent_at: now,
          error_code: null,
          error_message: null,
          lease_expires_at: null,
          updated_at: now,
        };
      })
      .where(
        'id',
        'in',
        chunk.map((s) => s.id),
      )
      .where('status', '=', 'sending')
      .execute();
  }
}

/** Applies the outcome of an attempt that did not simply send; only while the text is ours. */
export async function updateSmsAfterAttempt(
  db: Executor,
  id: string,
  update: SmsUpdate,
  now: string,
): Promise<void> {
  await db
    .updateTable('sms_messages')
    .set({
      status: update.status,
      ...(update.status === 'queued' ? { next_attempt_at: update.nextAttemptAt } : { body: null }),
      ...(update.errorCode !== undefined
        ? { error_code: update.errorCode, error_message: update.errorMessage ?? null }
        : {}),
      lease_expires_at: null,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
}

export async function insertSmsAttempts(db: Executor, attempts: readonly SmsAttempt[]): Promise<void> {
  for (let i = 0; i < attempts.length; i += WRITE_CHUNK) {
    await db
      .insertInto('sms_attempts')
      .values(attempts.slice(i, i + WRITE_CHUNK))
      .execute();
  }
}
