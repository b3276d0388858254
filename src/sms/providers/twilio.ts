import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../../crypto/random.js';
import { type OutgoingSms, postToProvider, type SendResult, type SmsProvider } from './provider.js';

export interface TwilioSettings {
  apiBase: string;
  accountSid: string;
  authToken: string;
  from: string | undefined;
  messagingServiceSid: string | undefined;
  /** Where Twilio reports delivery: {public URL}/api/v1/sms/twilio/status. */
  statusCallbackUrl: string;
}

/**
 * Twilio errors that say "not now" rather than "never": rate limits, Twilio's own faults, a full
 * queue (21611 for a number, 30001 for a Messaging Service), and credentials (an operator fixes those, and the queued texts should then go out).
 * Every other 4xx means this message can never be sent, so it fails at once (R50).
 */
const TRANSIENT_TWILIO_CODES = new Set([20003, 20429, 20500, 20503, 21611, 30001]);

export function createTwilioProvider(settings: TwilioSettings): SmsProvider {
  const url = `${settings.apiBase}/2010-04-01/Accounts/${settings.accountSid}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`;
  return {
    name: 'twilio',
    async send(sms: OutgoingSms): Promise<SendResult> {
      const form = new URLSearchParams({
        To: sms.to,
        Body: sms.body,
        StatusCallback: settings.statusCallbackUrl,
      });
      if (settings.messagingServiceSid) form.set('MessagingServiceSid', settings.messagingServiceSid);
      else if (settings.from) form.set('From', settings.from);
      // Twilio drops a text still queued after this, so even its own queue never delivers it late.
      form.set('ValidityPeriod', String(Math.max(1, Math.min(36_000, Math.floor(sms.validForSeconds)))));
      const answer = await postToProvider<{ sid: string; code: number; message: string }>(url, {
        headers: {
          authorization,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form,
      });
      if ('ok' in answer) return answer;
      const { response, body } = answer;
      if (response.ok && body.sid) return { ok: true, providerMessageId: body.sid };
      const code = body.code ?? response.status;
      const transient = response.status >= 500 || response.status === 429 || TRANSIENT_TWILIO_CODES.has(code);
      return {
        ok: false,
        permanent: !transient,
        code: `twilio_${code}`,
        message: body.message ?? `Twilio answered ${response.status}.`,
      };
    },
  };
}

/**
 * Twilio signs each callback: HMAC-SHA1 with the auth token over the full URL followed by every
 * form field, sorted by name, as name then value. A forged delivery report is refused.
 */
function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export function isValidTwilioSignature(
  authToken: string,
  url: string,
  params: Record<string, string>,
  presented: string | undefined,
): boolean {
  return presented !== undefined && constantTimeEqual(twilioSignature(authToken, url, params), presented);
}

/** Twilio's delivery-report statuses, mapped onto ours; the others are steps on the way. */
export function statusFromTwilio(status: string | undefined): 'delivered' | 'failed' | null {
  if (status === 'delivered') return 'delivered';
  if (status === 'undelivered' || status === 'failed') return 'failed';
  return null;
}
