import { createHmac } from 'node:crypto';
import { type OutgoingSms, postToProvider, type SendResult, type SmsProvider } from './provider.js';

/**
 * Generic provider: a JSON POST to the operator's gateway, signed so the gateway can tell the
 * request came from Muster and is fresh. Header: `Muster-Signature: t=<unix seconds>,v1=<hex>`
 * where v1 = HMAC-SHA256(secret, `${t}.${raw body}`).
 */
function webhookSignature(secret: string, timestamp: number, rawBody: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

export function createWebhookProvider(
  settings: { url: string; secret: string },
  now: () => Date,
): SmsProvider {
  return {
    name: 'webhook',
    async send(sms: OutgoingSms): Promise<SendResult> {
      const rawBody = JSON.stringify({
        id: sms.id,
        to: sms.to,
        body: sms.body,
        validForSeconds: sms.validForSeconds,
      });
      const answer = await postToProvider<{ id: string; error: string; message: string }>(settings.url, {
        headers: {
          'content-type': 'application/json',
          'muster-signature': webhookSignature(settings.secret, Math.floor(now().getTime() / 1000), rawBody),
          // The gateway can drop a retry of a text it already accepted.
          'idempotency-key': sms.id,
        },
        body: rawBody,
      });
      if ('ok' in answer) return answer;
      const { response, body } = answer;
      if (response.ok) return { ok: true, providerMessageId: body.id ?? sms.id };
      const transient = response.status >= 500 || response.status === 408 || response.status === 429;
      return {
        ok: false,
        permanent: !transient,
        code: `webhook_${body.error ?? response.status}`,
        message: body.message ?? `The SMS gateway answered ${response.status}.`,
      };
    },
  };
}
