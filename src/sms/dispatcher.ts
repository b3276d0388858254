import { type Insertable, sql } from 'kysely';
import { AuditType, recordAudit } from '../audit/audit.js';
import type { ActingContext, Deps } from '../context.js';
import { newId, randomFraction } from '../crypto/random.js';
import { skipLocked } from '../storage/dialects/locking.js';
import type { SmsAttemptsTable, SmsMessagesTable } from '../storage/schema.js';
import { outboxSignal } from './outbox.js';
import type { SendResult, SmsProvider } from './providers/provider.js';
import { applyKeptReceipts } from './receipts.js';

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

const BACKOFF_BASE_MS = 2_000;
const BACKOFF_CAP_MS = 5 * 60_000;

/** Capped exponential backoff with jitter, so retries from many messages do not stampede. */
export function backoffMs(attempt: number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * randomFraction());
}

type Claimed = Pick<
  SmsMessagesTable,
  'id' | 'community_id' | 'person_id' | 'kind' | 'to_phone' | 'body' | 'attempts' | 'expires_at' | 'status'
>;
type Outcome = { message: Claimed; startedAt: string; result: SendResult | 'expired' };

/** Rows per statement when recording: well inside both databases' limits on bound values. */
const WRITE_CHUNK = 200;

const DISPATCHER_CONTEXT = (communityId: string): ActingContext => ({
  communityId,
  actor: null,
  meta: { ip: null, requestId: null, userAgent: 'muster-dispatcher' },
});

/**
 * Drains the SMS outbox (R50): claims due messages with a lease, sends them, and records each
 * attempt. A message is never sent past its TTL; a transient failure is retried with backoff;
 * a permanent one fails at once. If this process dies between sending and recording, the lease
 * lapses and the message is sent once more: at most one duplicate, nothing lost.
 */
export function createDispatcher(deps: Deps, provider: SmsProvider, options: DispatcherOptions = {}) {
  const batchSize = options.batchSize ?? 200;
  const concurrency = options.concurrency ?? 50;
  const leaseMs = (options.leaseSeconds ?? 60) * 1000;
  const pollMs = options.pollMs ?? 500;

  async function claimBatch(): Promise<Claimed[]> {
    const now = deps.clock.now().toISOString();
    const lease = new Date(deps.clock.now().getTime() + leaseMs).toISOString();
    const due = skipLocked(
      deps.dialect,
      deps.db
        .selectFrom('sms_messages')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]),
            eb.and([eb('status', '=', 'sending'), eb('lease_expires_at', '<=', now)]),
          ]),
        )
        .orderBy('next_attempt_at')
        .limit(batchSize),
    );
    return deps.db
      .updateTable('sms_messages')
      .set((eb) => ({
        status: 'sending',
        lease_expires_at: lease,
        attempts: eb('attempts', '+', 1),
        provider: provider.name,
        updated_at: now,
      }))
      .where('id', 'in', due)
      .returning([
        'id',
        'community_id',
        'person_id',
        'kind',
        'to_phone',
        'body',
        'attempts',
        'expires_at',
        'status',
      ])
      .execute();
  }

  async function sendOne(
    message: Claimed,
  ): Promise<{ message: Claimed; startedAt: string; result: SendResult | 'expired' }> {
    const startedAt = deps.clock.now().toISOString();
    const validForMs = Date.parse(message.expires_at) - deps.clock.now().getTime();
    // Under a second left is too little for any provider to honour: treat it as expired.
    if (validForMs < 1000 || message.body === null) return { message, startedAt, result: 'expired' };
    let result: SendResult;
    try {
      result = await provider.send({
        id: message.id,
        to: message.to_phone,
        body: message.body,
        validForSeconds: validForMs / 1000,
      });
    } catch (error) {
      result = { ok: false, permanent: false, code: 'provider_crashed', message: String(error) };
    }
    return { message, startedAt, result };
  }

  /** What one attempt's outcome makes of its message, and the attempt's own record. */
  function decide({ message, startedAt, result }: Outcome, now: Date) {
    const nowIso = now.toISOString();
    const attempt: Insertable<SmsAttemptsTable> = {
      id: newId(now),
      message_id: message.id,
      attempt: message.attempts,
      started_at: startedAt,
      finished_at: nowIso,
      outcome: 'expired',
      provider_message_id: null,
      error_code: null,
      error_message: null,
    };
    if (result === 'expired')
      return { attempt, update: { status: 'expired', body: null } as Partial<SmsMessagesTable> };
    if (result.ok) {
      attempt.outcome = 'sent';
      attempt.provider_message_id = result.providerMessageId;
      return { attempt, update: null };
    }
    attempt.error_code = result.code;
    attempt.error_message = result.message.slice(0, 500);
    const errorFields = { error_code: attempt.error_code, error_message: attempt.error_message };
    attempt.outcome = result.permanent ? 'permanent_error' : 'transient_error';
    const retryAt = new Date(now.getTime() + backoffMs(message.attempts)).toISOString();
    const update: Partial<SmsMessagesTable> = result.permanent
      ? { status: 'failed', body: null, ...errorFields }
      : retryAt >= message.expires_at
        ? { status: 'expired', body: null, ...errorFields }
        : { status: 'queued', next_attempt_at: retryAt, ...errorFields };
    return { attempt, update };
  }

  /**
   * Records a round in one transaction. Sent texts, nearly all of them, are written with one
   * statement per chunk rather than one per text: the write, not the provider, would otherwise
   * bound how fast the outbox drains.
   */
  async function record(outcomes: Outcome[]) {
    const now = deps.clock.now();
    const nowIso = now.toISOString();
    const decided = outcomes.map((outcome) => ({ outcome, ...decide(outcome, now) }));
    await deps.db.transaction().execute(async (tx) => {
      const sent = decided.flatMap(({ outcome: { message, result } }) =>
        result !== 'expired' && result.ok
          ? [{ id: message.id, providerId: result.providerMessageId, delivered: result.delivered === true }]
          : [],
      );
      for (let i = 0; i < sent.length; i += WRITE_CHUNK) {
        const chunk = sent.slice(i, i + WRITE_CHUNK);
        await tx
          .updateTable('sms_messages')
          .set(() => {
            // One CASE per column: each text gets its own provider id in a single statement.
            const byId = (pick: (s: (typeof chunk)[number]) => string | null) =>
              sql<string>`case ${sql.join(
                chunk.map((s) => sql`when id = ${s.id} then ${pick(s)}`),
                sql` `,
              )} end`;
            return {
              status: byId((s) => (s.delivered ? 'delivered' : 'sent')) as never,
              provider_message_id: byId((s) => s.providerId),
              delivered_at: byId((s) => (s.delivered ? nowIso : null)),
              body: null,
              sent_at: nowIso,
              error_code: null,
              error_message: null,
              lease_expires_at: null,
              updated_at: nowIso,
            };
          })
          .where(
            'id',
            'in',
            chunk.map((s) => s.id),
          )
          .where('status', '=', 'sending')
          .execute();
      }
      for (const { outcome, update, attempt } of decided) {
        if (!update) continue;
        await tx
          .updateTable('sms_messages')
          .set({ ...update, lease_expires_at: null, updated_at: nowIso })
          .where('id', '=', outcome.message.id)
          .where('status', '=', 'sending')
          .execute();
        // A text that will never arrive is an SMS decision admins must be able to find (R36).
        if (update.status === 'failed' || update.status === 'expired') {
          const { message } = outcome;
          await recordAudit(tx, deps.clock, DISPATCHER_CONTEXT(message.community_id), {
            type: update.status === 'failed' ? AuditType.smsFailed : AuditType.smsExpired,
            outcome: 'failure',
            target: { id: message.person_id, label: null },
            details: { messageId: message.id, kind: message.kind, errorCode: attempt.error_code ?? null },
          });
        }
      }
      const attempts = decided.map((d) => d.attempt);
      for (let i = 0; i < attempts.length; i += WRITE_CHUNK) {
        await tx
          .insertInto('sms_attempts')
          .values(attempts.slice(i, i + WRITE_CHUNK))
          .execute();
      }
      await applyKeptReceipts(
        tx,
        deps.clock,
        sent.map((s) => s.providerId),
      );
    });
  }

  /** One round: claim, send (bounded concurrency), record. Returns how many were handled. */
  async function drainOnce(): Promise<number> {
    const batch = await claimBatch();
    if (batch.length === 0) return 0;
    const outcomes: Outcome[] = [];
    let next = 0;
    const workers = Array.from({ length: Math.min(concurrency, batch.length) }, async () => {
      while (next < batch.length) {
        const message = batch[next++];
        if (message) outcomes.push(await sendOne(message));
      }
    });
    await Promise.all(workers);
    await record(outcomes);
    return batch.length;
  }

  /** Drains until nothing is due now (messages waiting for a later retry stay). */
  async function drainAll(): Promise<number> {
    let total = 0;
    for (let handled = await drainOnce(); handled > 0; handled = await drainOnce()) total += handled;
    return total;
  }

  let running = false;
  let wake: (() => void) | null = null;
  let loop: Promise<void> | null = null;
  const onQueued = () => wake?.();

  return {
    drainOnce,
    drainAll,
    start() {
      if (running) return;
      running = true;
      outboxSignal.on('queued', onQueued);
      loop = (async () => {
        while (running) {
          try {
            const handled = await drainOnce();
            if (handled > 0) continue;
            await options.onIdle?.();
          } catch (error) {
            options.onError?.(error);
          }
          if (!running) break;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, pollMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = null;
        }
      })();
    },
    async stop() {
      running = false;
      outboxSignal.off('queued', onQueued);
      wake?.();
      await loop;
    },
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
