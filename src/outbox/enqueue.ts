import type { Clock } from '../clock.js';
import { newId } from '../crypto/random.js';
import type { Tx } from '../storage/db.js';
import type { Medium, MessageKind } from '../storage/schema.js';
import { insertMessage, insertMessages } from './outbox.store.js';
import type { OutboxSignal } from './outbox-signal.js';

export interface NewMessage {
  communityId: string;
  personId: string;
  medium: Medium;
  to: string;
  kind: MessageKind;
  channel: string;
  subject?: string | null;
  locale?: string | null;
  body: string;
  /** The message with its secrets masked: what admins see. */
  preview: string;
  /** How long it stays worth delivering (R50): a late code is worse than none. */
  ttlMinutes: number;
}

/**
 * Queues a message in the caller's transaction (R50): it exists if and only if the change that
 * caused it commits, and a crash after commit cannot lose it. A preview (a dry run) queues it
 * in a transaction that will roll back, so it wakes no dispatcher.
 */
export async function enqueueMessage(
  tx: Tx,
  deps: { clock: Clock; outbox: OutboxSignal },
  message: NewMessage,
  { preview = false }: { preview?: boolean } = {},
): Promise<string> {
  const now = deps.clock.now();
  const id = newId(now);
  const { ttlMinutes, subject = null, locale = null, ...rest } = message;
  await insertMessage(tx, {
    ...rest,
    subject,
    locale,
    id,
    now: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttlMinutes * 60_000).toISOString(),
  });
  if (!preview) deps.outbox.notify();
  return id;
}

/**
 * Queues many messages in the caller's transaction (an import's invitations), a chunk per
 * statement: as enqueueMessage, each exists if and only if the change that caused it commits.
 */
export async function enqueueMessages(
  tx: Tx,
  deps: { clock: Clock; outbox: OutboxSignal },
  messages: readonly NewMessage[],
  { preview = false }: { preview?: boolean } = {},
): Promise<string[]> {
  if (messages.length === 0) return [];
  const now = deps.clock.now();
  const at = now.toISOString();
  const rows = messages.map(({ ttlMinutes, subject = null, locale = null, ...rest }) => ({
    ...rest,
    subject,
    locale,
    id: newId(now),
    now: at,
    expiresAt: new Date(now.getTime() + ttlMinutes * 60_000).toISOString(),
  }));
  await insertMessages(tx, rows);
  if (!preview) deps.outbox.notify();
  return rows.map((row) => row.id);
}
