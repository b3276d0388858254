import type { ActingContext, Deps } from '../context.js';
import { decodeCursor, toPage } from '../cursor.js';
import { AppError, notFound } from '../errors.js';
import { invitePerson } from '../invitations/invitations.service.js';
import { maskPhone } from '../people/phone.js';
import type { SmsMessagesTable, SmsStatus } from '../storage/schema.js';

/** What admins see of a text: the number masked and the secrets hidden (R32). */
export function toSmsView(row: SmsMessagesTable) {
  return {
    id: row.id,
    personId: row.person_id,
    to: maskPhone(row.to_phone),
    kind: row.kind,
    channel: row.channel,
    status: row.status,
    text: row.preview,
    attempts: row.attempts,
    provider: row.provider,
    providerMessageId: row.provider_message_id,
    error: row.error_code ? { code: row.error_code, message: row.error_message } : null,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    deliveredAt: row.delivered_at,
    expiresAt: row.expires_at,
    resendable:
      (row.status === 'failed' || row.status === 'expired') &&
      (row.kind === 'claim_invitation' || row.kind === 'claim_reminder'),
  };
}

export async function listSms({
  deps,
  communityId,
  filter,
}: {
  deps: Deps;
  communityId: string;
  filter: {
    personId?: string | undefined;
    status?: SmsStatus | undefined;
    limit: number;
    cursor?: string | undefined;
  };
}) {
  let query = deps.db.selectFrom('sms_messages').selectAll().where('community_id', '=', communityId);
  if (filter.personId) query = query.where('person_id', '=', filter.personId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.cursor) query = query.where('id', '<', decodeCursor(filter.cursor));
  const rows = await query
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  return toPage(rows, filter.limit, toSmsView);
}

export async function getSms({ deps, communityId, id }: { deps: Deps; communityId: string; id: string }) {
  const row = await deps.db
    .selectFrom('sms_messages')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('The text message');
  const attempts = await deps.db
    .selectFrom('sms_attempts')
    .selectAll()
    .where('message_id', '=', id)
    .orderBy('attempt')
    .execute();
  return {
    ...toSmsView(row),
    attemptLog: attempts.map((a) => ({
      attempt: a.attempt,
      startedAt: a.started_at,
      finishedAt: a.finished_at,
      outcome: a.outcome,
      providerMessageId: a.provider_message_id,
      error: a.error_code ? { code: a.error_code, message: a.error_message } : null,
    })),
  };
}

/**
 * Resend a text that failed or expired. A claim text is resent as a new invitation (a fresh link,
 * counted against R5); a recovery code was never kept in clear, so the worker makes a new one.
 */
export async function resendSms({ deps, ctx, id }: { deps: Deps; ctx: ActingContext; id: string }) {
  const row = await deps.db
    .selectFrom('sms_messages')
    .selectAll()
    .where('community_id', '=', ctx.communityId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('The text message');
  if (row.status !== 'failed' && row.status !== 'expired') {
    throw new AppError(
      'sms_not_resendable',
      `This text is ${row.status}; only failed or expired texts can be resent.`,
    );
  }
  if (!row.person_id)
    throw new AppError('sms_not_resendable', 'The person this text was for has been deleted.');
  if (row.kind === 'recovery_code' || row.kind === 'recovery_code_changed') {
    throw new AppError(
      'sms_not_resendable',
      'Recovery codes are never stored readable, so this text cannot be sent again. The worker can make a new code after signing in, or you can reset their account to unclaimed.',
    );
  }
  return invitePerson({ deps, ctx, id: row.person_id, channel: 'resend', resentMessageId: id });
}
