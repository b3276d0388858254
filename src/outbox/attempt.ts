import type { Clock } from '../clock.js';
import { newId, randomFraction } from '../crypto/random.js';
import type { ClaimedMessage, MessageAttempt, MessageUpdate } from './outbox.store.js';
import type { Sender, SendResult } from './sender.js';

/** One attempt to hand a message to its sender, and what came of it. */
export interface Outcome {
  message: ClaimedMessage;
  startedAt: string;
  result: SendResult | 'expired';
}

const BACKOFF_BASE_MS = 2_000;
const BACKOFF_CAP_MS = 5 * 60_000;

/** Capped exponential backoff with jitter, so retries from many messages do not stampede. */
export function backoffMs(attempt: number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * randomFraction());
}

/** Sends one message, unless too little of its life is left (R50: no stale code is delivered). */
export async function attemptSend(clock: Clock, sender: Sender, message: ClaimedMessage): Promise<Outcome> {
  const startedAt = clock.now().toISOString();
  const validForMs = Date.parse(message.expiresAt) - clock.now().getTime();
  // Under a second left is too little for any provider to honour: treat it as expired.
  if (validForMs < 1000 || message.body === null) return { message, startedAt, result: 'expired' };
  let result: SendResult;
  try {
    result = await sender.send({
      id: message.id,
      to: message.to,
      subject: message.subject,
      locale: message.locale ?? undefined,
      body: message.body,
      validForSeconds: validForMs / 1000,
    });
  } catch (error) {
    result = { ok: false, permanent: false, code: 'provider_crashed', message: String(error) };
  }
  return { message, startedAt, result };
}

/**
 * What an attempt's outcome makes of its message, and the attempt's own record. A sent message has no
 * update (sent messages are recorded together); a transient failure is retried with backoff
 * unless the retry would come after the message expires; a permanent one fails at once.
 */
export function decideOutcome(
  { message, startedAt, result }: Outcome,
  now: Date,
): { attempt: MessageAttempt; update: MessageUpdate | null } {
  const nowIso = now.toISOString();
  const attempt: MessageAttempt = {
    id: newId(now),
    message_id: message.id,
    attempt: message.attempts,
    started_at: startedAt,
    finished_at: nowIso,
    outcome: 'expired',
    provider_message_id: null,
    error_code: null,
    error_message: null,
  };
  if (result === 'expired') return { attempt, update: { status: 'expired', body: null } };
  if (result.ok) {
    attempt.outcome = 'sent';
    attempt.provider_message_id = result.providerMessageId;
    return { attempt, update: null };
  }
  const errorCode = result.code;
  const errorMessage = result.message.slice(0, 500);
  attempt.error_code = errorCode;
  attempt.error_message = errorMessage;
  attempt.outcome = result.permanent ? 'permanent_error' : 'transient_error';
  if (result.permanent) return { attempt, update: { status: 'failed', body: null, errorCode, errorMessage } };
  const retryAt = new Date(now.getTime() + backoffMs(message.attempts)).toISOString();
  if (retryAt >= message.expiresAt) {
    return { attempt, update: { status: 'expired', body: null, errorCode, errorMessage } };
  }
  return { attempt, update: { status: 'queued', nextAttemptAt: retryAt, errorCode, errorMessage } };
}
