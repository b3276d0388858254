import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { enqueueMessage, type NewMessage } from '../outbox/enqueue.js';
import type { OutboxSignal } from '../outbox/outbox-signal.js';
import type { Tx } from '../storage/db.js';
import type { MessageKind } from '../storage/schema.js';
import { takeEmailBudget } from './budget.js';
import type { Email } from './messages.js';

type EmailKind = Exclude<MessageKind, 'recovery_code' | 'recovery_code_changed'>;

/** How long each kind of email stays worth delivering (R50): a reset link lives an hour. */
const EMAIL_TTL_MINUTES: Record<EmailKind, number> = {
  claim_invitation: 24 * 60,
  claim_reminder: 12 * 60,
  password_reset: 60,
  password_changed: 24 * 60,
};

export interface NewEmail {
  communityId: string;
  personId: string;
  to: string;
  kind: EmailKind;
  channel: string;
  locale: string;
  content: Email;
  masked: Email;
}

/**
 * Queues an email in the caller's transaction (R20, R50), through the same outbox, retries,
 * TTL and audit as texts, counted against the server's email budget. `masked` is the same email with its secrets hidden: what admins see.
 */
export async function enqueueEmail(
  tx: Tx,
  deps: { clock: Clock; config: Pick<Config, 'limits'>; outbox: OutboxSignal },
  email: NewEmail,
  { preview = false }: { preview?: boolean } = {},
): Promise<string> {
  if (!preview) await takeEmailBudget(tx, deps);
  return enqueueMessage(tx, deps, emailMessage(email), { preview });
}

/** An email as the outbox queues it, with the time it stays worth delivering; its budget is the caller's. */
export function emailMessage(email: NewEmail): NewMessage {
  return {
    communityId: email.communityId,
    personId: email.personId,
    medium: 'email',
    to: email.to,
    kind: email.kind,
    channel: email.channel,
    locale: email.locale,
    subject: email.content.subject,
    body: email.content.text,
    preview: email.masked.text,
    ttlMinutes: EMAIL_TTL_MINUTES[email.kind],
  };
}
