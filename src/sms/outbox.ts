import { EventEmitter } from 'node:events';
import type { Deps } from '../context.js';
import { newId } from '../crypto/random.js';
import type { Tx } from '../storage/db.js';
import type { SmsKind } from '../storage/schema.js';
import { takeSmsBudget } from './budget.js';

/** How long each kind of text stays worth delivering (R50): a late code is worse than none. */
export const SMS_TTL_MINUTES: Record<SmsKind, number> = {
  claim_invitation: 24 * 60,
  claim_reminder: 12 * 60,
  recovery_code: 60,
  recovery_code_changed: 24 * 60,
};

/** Tells this process's dispatcher that work arrived, so it need not wait for its next poll. */
export const outboxSignal = new EventEmitter();

export interface NewSms {
  communityId: string;
  personId: string;
  to: string;
  kind: SmsKind;
  channel: string;
  body: string;
  preview: string;
}

/**
 * Queues a text in the caller's transaction (R50): it exists if and only if the change that
 * caused it commits, and a crash after commit cannot lose it.
 */
export async function enqueueSms(tx: Tx, deps: Deps, sms: NewSms): Promise<string> {
  // A recovery code follows a claim whose invitation text was already counted.
  if (sms.kind !== 'recovery_code') await takeSmsBudget(tx, deps, sms.to);
  const now = deps.clock.now();
  const id = newId(now);
  await tx
    .insertInto('sms_messages')
    .values({
      id,
      community_id: sms.communityId,
      person_id: sms.personId,
      to_phone: sms.to,
      kind: sms.kind,
      channel: sms.channel,
      body: sms.body,
      preview: sms.preview,
      status: 'queued',
      attempts: 0,
      next_attempt_at: now.toISOString(),
      lease_expires_at: null,
      expires_at: new Date(now.getTime() + SMS_TTL_MINUTES[sms.kind] * 60_000).toISOString(),
      provider: null,
      provider_message_id: null,
      error_code: null,
      error_message: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      sent_at: null,
      delivered_at: null,
    })
    .execute();
  setImmediate(() => outboxSignal.emit('queued'));
  return id;
}
