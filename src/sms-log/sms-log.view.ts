import { z } from 'zod';
import { maskPhone } from '../phone/phone.js';
import type { SmsMessage } from '../sms/outbox.store.js';

export const SMS_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'expired'] as const;

export const smsViewSchema = z.object({
  id: z.string(),
  personId: z.string().nullable(),
  to: z.string().describe('Masked: the country code and last four digits.'),
  kind: z.string(),
  channel: z.string(),
  status: z.enum(SMS_STATUSES),
  text: z.string().describe('The text with links and codes hidden.'),
  attempts: z.number(),
  provider: z.string().nullable(),
  providerMessageId: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  expiresAt: z.string(),
  resendable: z.boolean(),
});

export type SmsView = z.infer<typeof smsViewSchema>;

/** What admins see of a text: the number masked and the secrets hidden (R32). */
export function toSmsView(message: SmsMessage): SmsView {
  return {
    id: message.id,
    personId: message.personId,
    to: maskPhone(message.to),
    kind: message.kind,
    channel: message.channel,
    status: message.status,
    text: message.preview,
    attempts: message.attempts,
    provider: message.provider,
    providerMessageId: message.providerMessageId,
    error: message.errorCode ? { code: message.errorCode, message: message.errorMessage } : null,
    createdAt: message.createdAt,
    sentAt: message.sentAt,
    deliveredAt: message.deliveredAt,
    expiresAt: message.expiresAt,
    resendable:
      (message.status === 'failed' || message.status === 'expired') &&
      (message.kind === 'claim_invitation' || message.kind === 'claim_reminder'),
  };
}
