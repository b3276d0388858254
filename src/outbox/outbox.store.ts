import { type Insertable, sql } from 'kysely';
import type { Executor } from '../storage/db.js';
import { insertMany } from '../storage/many-rows.js';
import type {
  Medium,
  MessageAttemptsTable,
  MessageKind,
  MessageStatus,
  MessagesTable,
} from '../storage/schema.js';

/** A text or an email in the outbox. The body holds its secrets until the message is final, then it is gone (R32). */
export interface Message {
  id: string;
  communityId: string;
  personId: string | null;
  medium: Medium;
  to: string;
  kind: MessageKind;
  channel: string;
  subject: string | null;
  locale: string | null;
  body: string | null;
  /** The text with its secrets masked: what admins see. */
  preview: string;
  status: MessageStatus;
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

export type MessageAttempt = Insertable<MessageAttemptsTable>;

/** A message claimed by a dispatcher for one attempt. */
export type ClaimedMessage = Pick<
  Message,
  | 'id'
  | 'communityId'
  | 'personId'
  | 'medium'
  | 'kind'
  | 'to'
  | 'subject'
  | 'locale'
  | 'body'
  | 'attempts'
  | 'expiresAt'
  | 'status'
>;

/** What one attempt makes of a text that was not simply sent. */
export type MessageUpdate =
  | { status: 'expired' | 'failed'; body: null; errorCode?: string; errorMessage?: string }
  | { status: 'queued'; nextAttemptAt: string; errorCode: string; errorMessage: string };

export function toMessage(row: MessagesTable): Message {
  return {
    id: row.id,
    communityId: row.community_id,
    personId: row.person_id,
    medium: row.medium,
    to: row.recipient,
    kind: row.kind,
    channel: row.channel,
    subject: row.subject,
    locale: row.locale,
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

type NewMessageRow = Pick<
  Message,
  | 'id'
  | 'communityId'
  | 'personId'
  | 'medium'
  | 'to'
  | 'kind'
  | 'channel'
  | 'subject'
  | 'locale'
  | 'body'
  | 'preview'
> & { now: string; expiresAt: string };

function messageRow(message: NewMessageRow): Insertable<MessagesTable> {
  return {
    id: message.id,
    community_id: message.communityId,
    person_id: message.personId,
    medium: message.medium,
    recipient: message.to,
    kind: message.kind,
    channel: message.channel,
    subject: message.subject,
    locale: message.locale,
    body: message.body,
    preview: message.preview,
    status: 'queued',
    attempts: 0,
    next_attempt_at: message.now,
    lease_expires_at: null,
    expires_at: message.expiresAt,
    provider: null,
    provider_message_id: null,
    error_code: null,
    error_message: null,
    created_at: message.now,
    updated_at: message.now,
    sent_at: null,
    delivered_at: null,
  };
}

/** Queues many messages (an import's invitations), in a few statements. */
export async function insertMessages(db: Executor, messages: readonly NewMessageRow[]): Promise<void> {
  await insertMany(db, 'messages', messages.map(messageRow));
}

export async function insertMessage(db: Executor, message: NewMessageRow): Promise<void> {
  await db.insertInto('messages').values(messageRow(message)).execute();
}

/**
 * Claims up to `limit` due messages with a lease: queued ones whose time has come, and ones a
 * crashed dispatcher left sending past their lease. Several dispatchers on PostgreSQL take
 * disjoint batches (SKIP LOCKED, R53). Each claimed message records the sender of its medium.
 */
export async function claimDueMessages(
  db: Executor,
  claim: { now: string; leaseUntil: string; providers: Readonly<Record<Medium, string>>; limit: number },
): Promise<ClaimedMessage[]> {
  // A materialized CTE picks the messages once. As `id IN (SELECT … LIMIT n FOR UPDATE SKIP
  // LOCKED)`, PostgreSQL may run the subquery again for each row it updates, each run skipping
  // the rows this statement already took, and lease more than `limit`.
  const rows = await db
    .with(
      (cte) => cte('due').materialized(),
      (qb) =>
        qb
          .selectFrom('messages')
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
          .skipLocked(),
    )
    .updateTable('messages')
    .set((eb) => ({
      status: 'sending',
      lease_expires_at: claim.leaseUntil,
      attempts: eb('attempts', '+', 1),
      provider: eb
        .case()
        .when('medium', '=', 'email')
        .then(claim.providers.email)
        .else(claim.providers.sms)
        .end(),
      updated_at: claim.now,
    }))
    .where('id', 'in', (eb) => eb.selectFrom('due').select('due.id'))
    .returning([
      'id',
      'community_id',
      'person_id',
      'medium',
      'kind',
      'recipient',
      'subject',
      'locale',
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
    medium: row.medium,
    kind: row.kind,
    to: row.recipient,
    subject: row.subject,
    locale: row.locale,
    body: row.body,
    attempts: row.attempts,
    expiresAt: row.expires_at,
    status: row.status,
  }));
}

/** Rows per statement when recording: well inside both databases' limits on bound values. */
const WRITE_CHUNK = 200;

/**
 * Records messages their sender accepted, one statement per chunk rather than one per message:
 * the write, not the provider, would otherwise bound how fast the outbox drains.
 */
export async function markMessagesSent(
  db: Executor,
  sent: readonly { id: string; providerMessageId: string; delivered: boolean }[],
  now: string,
): Promise<void> {
  for (let i = 0; i < sent.length; i += WRITE_CHUNK) {
    const chunk = sent.slice(i, i + WRITE_CHUNK);
    await db
      .updateTable('messages')
      .set(() => {
        // One CASE per column: each message gets its own provider id in a single statement.
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

/** Applies the outcome of an attempt that did not simply send; only while the message is ours. */
export async function updateMessageAfterAttempt(
  db: Executor,
  id: string,
  update: MessageUpdate,
  now: string,
): Promise<void> {
  await db
    .updateTable('messages')
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

export async function insertMessageAttempts(
  db: Executor,
  attempts: readonly MessageAttempt[],
): Promise<void> {
  for (let i = 0; i < attempts.length; i += WRITE_CHUNK) {
    await db
      .insertInto('message_attempts')
      .values(attempts.slice(i, i + WRITE_CHUNK))
      .execute();
  }
}
