import type { OutgoingMessage, Sender, SendResult } from '../../outbox/sender.js';

export type { SendResult } from '../../outbox/sender.js';

/** What every SMS provider adapter does: one attempt to hand one text over. */
export type OutgoingSms = Omit<OutgoingMessage, 'subject'>;

export interface SmsProvider extends Sender {
  send(sms: OutgoingSms): Promise<SendResult>;
}

const SEND_TIMEOUT_MS = 10_000;

/** Network failures and time-outs are worth retrying; the message itself was fine. */
function transportFailure(error: unknown): SendResult {
  const e = error as { name?: string; message?: string; cause?: { code?: string } };
  const timedOut = e?.name === 'TimeoutError' || e?.name === 'AbortError';
  return {
    ok: false,
    permanent: false,
    code: timedOut ? 'timeout' : (e?.cause?.code ?? 'network_error'),
    message: timedOut
      ? 'The provider did not answer in time.'
      : (e?.message ?? 'The provider could not be reached.'),
  };
}

/**
 * One POST to a provider with the send time-out. A network failure or time-out comes back as a
 * transient SendResult; an answer comes back with its JSON body (empty when it has none).
 */
export async function postToProvider<Body>(
  url: string,
  init: { headers: Record<string, string>; body: string | URLSearchParams },
): Promise<{ response: Response; body: Partial<Body> } | SendResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      ...init,
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    const body = (await response.json().catch(() => ({}))) as Partial<Body>;
    return { response, body };
  } catch (error) {
    return transportFailure(error);
  }
}
