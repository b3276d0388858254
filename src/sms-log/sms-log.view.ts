import { z } from 'zod';
import { maskEmail } from '../mail/mask.js';
import type { Message } from '../outbox/outbox.store.js';
import { maskPhone } from '../phone/phone.js';

export const SMS_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'expired'] as const;

export const smsViewSchema = z.object({
  id: z.string(),
  personId: z.string().nullable(),
  medium: z.enum(['sms', 'email']),
  to: z
    .string()
    .describe(
      'Masked: a number keeps its country code and last four digits, an address its first letter and domain.',
    ),
  subject: z.string().nullable().describe('Emails only.'),
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

/** What admins see of a text or an email: the recipient masked and the secrets hidden (R32). */
export function toSmsView(message: Message): SmsView {
  return {
    id: message.id,
    personId: message.personId,
    medium: message.medium,
    to: message.medium === 'email' ? maskEmail(message.to) : maskPhone(message.to),
    subject: message.subject,
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
