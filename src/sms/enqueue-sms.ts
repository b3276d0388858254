import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { enqueueMessage, type NewMessage } from '../outbox/enqueue.js';
import type { OutboxSignal } from '../outbox/outbox-signal.js';
import type { Tx } from '../storage/db.js';
import type { MessageKind } from '../storage/schema.js';
import { takeSmsBudget } from './budget.js';

type SmsKind = Exclude<MessageKind, 'password_reset'>;

/** How long each kind of text stays worth delivering (R50): a late code is worse than none. */
const SMS_TTL_MINUTES: Record<SmsKind, number> = {
  claim_invitation: 24 * 60,
  claim_reminder: 12 * 60,
  recovery_code: 60,
  recovery_code_changed: 24 * 60,
  password_changed: 24 * 60,
};

export interface NewSms {
  communityId: string;
  personId: string;
  to: string;
  kind: SmsKind;
  channel: string;
  body: string;
  preview: string;
}

export type OutboxDeps = { clock: Clock; config: Pick<Config, 'limits'>; outbox: OutboxSignal };

/**
 * Queues a text in the caller's transaction (R50), counted against the server's SMS budget
 * (R34) so a refused text refuses the change. A preview (the dry run of Add multiple people) is
 * rolled back and sends nothing: it spends none of the budget and holds none of its shared rows.
 */
export async function enqueueSms(
  tx: Tx,
  deps: OutboxDeps,
  sms: NewSms,
  { preview = false }: { preview?: boolean } = {},
): Promise<string> {
  // A recovery code follows a claim whose invitation text was already counted.
  if (sms.kind !== 'recovery_code' && !preview) await takeSmsBudget(tx, deps, sms.to);
  return enqueueMessage(tx, deps, smsMessage(sms), { preview });
}

/** A text as the outbox queues it, with the time it stays worth delivering; its budget is the caller's. */
export function smsMessage(sms: NewSms): NewMessage {
  return { ...sms, medium: 'sms', ttlMinutes: SMS_TTL_MINUTES[sms.kind] };
}
