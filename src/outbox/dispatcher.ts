import type { Clock } from '../clock.js';
import { pollingLoop } from '../polling-loop.js';
import type { Db } from '../storage/db.js';
import { attemptSend, type Outcome } from './attempt.js';
import { type ClaimedMessage, claimDueMessages } from './outbox.store.js';
import type { OutboxSignal } from './outbox-signal.js';
import { recordRound } from './record-round.js';
import type { Senders } from './sender.js';

export interface DispatcherOptions {
  /** Messages claimed per round. */
  batchSize?: number;
  /** Provider calls in flight at once. */
  concurrency?: number;
  /** How long a claimed message is ours; after a crash it is retried once this lapses. */
  leaseSeconds?: number;
  pollMs?: number;
  /** Extra periodic work, such as reminders, run between rounds. */
  onIdle?: () => Promise<void>;
  onError?: (error: unknown) => void;
}

export type DispatcherDeps = { db: Db; clock: Clock; outbox: OutboxSignal };

/** Sends a batch with at most `concurrency` provider calls in flight. */
async function sendAll(
  clock: Clock,
  senders: Senders,
  batch: readonly ClaimedMessage[],
  concurrency: number,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, batch.length) }, async () => {
    while (next < batch.length) {
      const message = batch[next++];
      if (message) outcomes.push(await attemptSend(clock, senders[message.medium], message));
    }
  });
  await Promise.all(workers);
  return outcomes;
}

/**
 * Drains the outbox of texts and emails (R50) in rounds: claim due messages with a lease, send them, record each
 * attempt. If this process dies between sending and recording, the lease lapses and the message
 * is sent once more: at most one duplicate, nothing lost.
 */
export function createDispatcher(deps: DispatcherDeps, senders: Senders, options: DispatcherOptions = {}) {
  const batchSize = options.batchSize ?? 200;
  const concurrency = options.concurrency ?? 50;
  const leaseMs = (options.leaseSeconds ?? 60) * 1000;
  const pollMs = options.pollMs ?? 500;

  /** One round: claim, send, record. Returns how many were handled. */
  async function drainOnce(): Promise<number> {
    const now = deps.clock.now();
    const batch = await claimDueMessages(deps.db, {
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
      providers: { sms: senders.sms.name, email: senders.email.name },
      limit: batchSize,
    });
    if (batch.length === 0) return 0;
    await recordRound(deps.db, deps.clock, await sendAll(deps.clock, senders, batch, concurrency));
    return batch.length;
  }

  /** Drains until nothing is due now (messages waiting for a later retry stay). */
  async function drainAll(): Promise<number> {
    let total = 0;
    for (let handled = await drainOnce(); handled > 0; handled = await drainOnce()) total += handled;
    return total;
  }

  // Rounds until stopped; when nothing is due, idle work, then a nap a new message cuts short.
  const loop = pollingLoop({
    round: drainOnce,
    idle: async () => options.onIdle?.(),
    pollMs,
    subscribe: deps.outbox.subscribe,
    onError: options.onError,
  });

  return { drainOnce, drainAll, start: loop.start, stop: loop.stop };
}
