import { decodeCursor } from '../cursor.js';
import type { Executor } from '../storage/db.js';
import type { SmsStatus } from '../storage/schema.js';
import { type SmsMessage, toSmsMessage } from './outbox.store.js';

export interface SmsFilter {
  personId?: string | undefined;
  status?: SmsStatus | undefined;
  cursor?: string | undefined;
}

/** A community's texts, newest first; `limit + 1` rows tell whether more follow. */
export async function listSms(
  db: Executor,
  communityId: string,
  filter: SmsFilter,
  limit: number,
): Promise<SmsMessage[]> {
  let query = db.selectFrom('sms_messages').selectAll().where('community_id', '=', communityId);
  if (filter.personId) query = query.where('person_id', '=', filter.personId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.cursor) query = query.where('id', '<', decodeCursor(filter.cursor));
  const rows = await query.orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toSmsMessage);
}

export async function findSms(db: Executor, communityId: string, id: string): Promise<SmsMessage | null> {
  const row = await db
    .selectFrom('sms_messages')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toSmsMessage(row) : null;
}

export async function listSmsAttempts(db: Executor, messageId: string) {
  const rows = await db
    .selectFrom('sms_attempts')
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
