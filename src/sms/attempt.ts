import type { Clock } from '../clock.js';
import { newId, randomFraction } from '../crypto/random.js';
import type { ClaimedSms, SmsAttempt, SmsUpdate } from './outbox.store.js';
import type { SendResult, SmsProvider } from './providers/provider.js';

/** One attempt to hand a text to the provider, and what came of it. */
export interface Outcome {
  message: ClaimedSms;
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

/** Sends one text, unless too little of its life is left (R50: no stale code is delivered). */
export async function attemptSend(
  clock: Clock,
  provider: SmsProvider,
  message: ClaimedSms,
): Promise<Outcome> {
  const startedAt = clock.now().toISOString();
  const validForMs = Date.parse(message.expiresAt) - clock.now().getTime();
  // Under a second left is too little for any provider to honour: treat it as expired.
  if (validForMs < 1000 || message.body === null) return { message, startedAt, result: 'expired' };
  let result: SendResult;
  try {
    result = await provider.send({
      id: message.id,
      to: message.to,
      body: message.body,
      validForSeconds: validForMs / 1000,
    });
  } catch (error) {
    result = { ok: false, permanent: false, code: 'provider_crashed', message: String(error) };
  }
  return { message, startedAt, result };
}

/**
 * What an attempt's outcome makes of its text, and the attempt's own record. A sent text has no
 * update (sent texts are recorded together); a transient failure is retried with backoff
 * unless the retry would come after the text expires; a permanent one fails at once.
 */
export function decideOutcome(
  { message, startedAt, result }: Outcome,
  now: Date,
): { attempt: SmsAttempt; update: SmsUpdate | null } {
  const nowIso = now.toISOString();
  const attempt: SmsAttempt = {
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
