import { decodeCursor } from '../cursor.js';
import type { Executor } from '../storage/db.js';
import type { Medium, MessageStatus } from '../storage/schema.js';
import { type Message, toMessage } from './outbox.store.js';

export interface MessageFilter {
  personId?: string | undefined;
  medium?: Medium | undefined;
  status?: MessageStatus | undefined;
  cursor?: string | undefined;
}

/** A community's texts and emails, newest first; `limit + 1` rows tell whether more follow. */
export async function listMessages(
  db: Executor,
  communityId: string,
  filter: MessageFilter,
  limit: number,
): Promise<Message[]> {
  let query = db.selectFrom('messages').selectAll().where('community_id', '=', communityId);
  if (filter.personId) query = query.where('person_id', '=', filter.personId);
  if (filter.medium) query = query.where('medium', '=', filter.medium);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.cursor) query = query.where('id', '<', decodeCursor(filter.cursor));
  const rows = await query.orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toMessage);
}

export async function findMessage(db: Executor, communityId: string, id: string): Promise<Message | null> {
  const row = await db
    .selectFrom('messages')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toMessage(row) : null;
}

export async function listMessageAttempts(db: Executor, messageId: string) {
  const rows = await db
    .selectFrom('message_attempts')
    .selectAll()
    .where('message_id', '=', messageId)
    .orderBy('attempt')
    .execute();
  return rows.map((a) => ({
    attempt: a.attempt,
    startedAt: a.started_at,
    finishedAt: a.finished_at,
    outcome: a.outcome,
    providerMessageId: a.provider_message_id,
    errorCode: a.error_code,
    errorMessage: a.error_message,
  }));
}
