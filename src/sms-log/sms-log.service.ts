import type { ActingContext } from '../context.js';
import { toPage } from '../cursor.js';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { invitePerson } from '../invitations/invite.js';
import { findMessage, listMessageAttempts, listMessages, type MessageFilter } from '../outbox/log.store.js';
import { toSmsView } from './sms-log.view.js';

export async function listSms({
  deps,
  communityId,
  filter,
}: {
  deps: Deps;
  communityId: string;
  filter: MessageFilter & { limit: number };
}) {
  const messages = await listMessages(deps.db, communityId, filter, filter.limit + 1);
  return toPage(messages, filter.limit, toSmsView);
}

export async function getSms({ deps, communityId, id }: { deps: Deps; communityId: string; id: string }) {
  const message = await findMessage(deps.db, communityId, id);
  if (!message) throw notFound('The text message');
  const attempts = await listMessageAttempts(deps.db, id);
  return {
    ...toSmsView(message),
    attemptLog: attempts.map(({ errorCode, errorMessage, ...attempt }) => ({
      ...attempt,
      error: errorCode ? { code: errorCode, message: errorMessage } : null,
    })),
  };
}

/**
 * Resend a text that failed or expired. A claim text is resent as a new invitation (a fresh link,
 * counted against R5); a recovery code was never kept in clear, so the worker makes a new one.
 */
export async function resendSms({ deps, ctx, id }: { deps: Deps; ctx: ActingContext; id: string }) {
  const message = await findMessage(deps.db, ctx.communityId, id);
  if (!message) throw notFound('The text message');
  if (message.status !== 'failed' && message.status !== 'expired') {
    throw new AppError(
      'sms_not_resendable',
      `This text is ${message.status}; only failed or expired texts can be resent.`,
    );
  }
  if (!message.personId)
    throw new AppError('sms_not_resendable', 'The person this text was for has been deleted.');
  if (message.kind === 'recovery_code' || message.kind === 'recovery_code_changed') {
    throw new AppError(
      'sms_not_resendable',
      'Recovery codes are never stored readable, so this text cannot be sent again. The worker can make a new code after signing in, or you can reset their account to unclaimed.',
    );
  }
  return invitePerson({ deps, ctx, id: message.personId, channel: 'resend', resentMessageId: id });
}
