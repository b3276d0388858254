import { type ClientRequest, Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
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
  const e = error as { name?: string; message?: string; code?: string; cause?: { code?: string } };
  const timedOut = e?.name === 'TimeoutError' || e?.name === 'AbortError';
  return {
    ok: false,
    permanent: false,
    code: timedOut ? 'timeout' : (e?.code ?? e?.cause?.code ?? 'network_error'),
    message: timedOut
      ? 'The provider did not answer in time.'
      : (e?.message ?? 'The provider could not be reached.'),
  };
}

/** What a provider answered: its status and its JSON body (empty when it has none). */
interface ProviderAnswer<Body> {
  response: { status: number; ok: boolean };
  body: Partial<Body>;
}

/**
 * Connections to providers are kept open between texts: a burst of invitations reuses them
 * instead of connecting (and shaking hands over TLS) for each one.
 */
const agents = { 'http:': new HttpAgent({ keepAlive: true }), 'https:': new HttpsAgent({ keepAlive: true }) };
/** A provider's answer is a short JSON document; anything longer is not read further. */
const MAX_ANSWER_BYTES = 1_000_000;

/**
 * One POST to a provider with the send time-out. A network failure or time-out comes back as a
 * transient SendResult; an answer comes back with its JSON body (empty when it has none). Node's
 * own HTTP client rather than fetch: fetch costs several times the CPU per request, and at
 * thousands of texts a second that CPU is the dispatcher's limit.
 */
export function postToProvider<Body>(
  url: string,
  init: { headers: Record<string, string>; body: string | URLSearchParams },
): Promise<ProviderAnswer<Body> | SendResult> {
  const payload = Buffer.from(init.body.toString(), 'utf8');
  return new Promise((resolve) => {
    let request: ClientRequest;
    try {
      const target = new URL(url);
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      request = send(target, {
        method: 'POST',
        agent: agents[target.protocol as keyof typeof agents],
        headers: { ...init.headers, 'content-length': String(payload.length) },
      });
    } catch (error) {
      resolve(transportFailure(error));
      return;
    }
    const timer = setTimeout(() => request.destroy(timeoutError()), SEND_TIMEOUT_MS);
    const finish = (result: ProviderAnswer<Body> | SendResult) => {
      clearTimeout(timer);
      resolve(result);
    };
    request.on('error', (error) => finish(transportFailure(error)));
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
      });
      response.on('error', (error) => finish(transportFailure(error)));
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        finish({
          response: { status, ok: status >= 200 && status < 300 },
          body: parseJson<Body>(Buffer.concat(chunks)),
        });
      });
    });
    request.end(payload);
  });
}

function timeoutError(): Error {
  const error = new Error('The provider did not answer in time.');
  error.name = 'TimeoutError';
  return error;
}

function parseJson<Body>(bytes: Buffer): Partial<Body> {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return value !== null && typeof value === 'object' ? (value as Partial<Body>) : {};
  } catch {
    return {};
  }
}
