import type Provider from 'oidc-provider';
import { AuditType, recordAudit } from '../audit/audit.js';
import { systemContext } from '../context.js';
import type { Secrets } from '../crypto/secrets.js';
import type { Deps } from '../deps.js';
import type { Executor } from '../storage/db.js';
import { listBackchannelClients } from './clients.store.js';
import {
  claimDueDeliveries,
  type DueDelivery,
  hasDueDeliveries,
  hasPendingAccountEvents,
  insertLogoutDeliveries,
  lockPendingAccountEvents,
  markAccountEventProcessed,
  recordDeliveryOutcome,
} from './logout.store.js';
import { deletePayloadsOfAccount, listSealedGrantsOfAccount } from './payloads.store.js';

const BATCH = 100;
/** How long a claimed delivery is this server's; after a crash another tries again then. */
const LEASE_MS = 60_000;
/** About a day of retries (30 s doubling, then hourly) before an app is given up on. */
const MAX_ATTEMPTS = 30;

const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** (attempts - 1), 3_600_000);

/**
 * Acts on account events (R60): a person whose account ended, or whose other sessions Muster
 * ended. Everything the provider holds for them (sessions, grants, refresh and access tokens) is
 * deleted, and one back-channel logout is queued for each app of their community they hold a
 * grant for, that is, each app they signed in to: an app they never used never hears of them (and
 * never learns their id), in one transaction per batch. The event was written with the change
 * that caused it, so a crash anywhere in between only delays this, never loses it.
 */
async function processAccountEvents(deps: Pick<Deps, 'db' | 'clock' | 'secrets'>): Promise<number> {
  if (!(await hasPendingAccountEvents(deps.db))) return 0;
  return deps.db.transaction().execute(async (tx) => {
    const events = await lockPendingAccountEvents(tx, BATCH);
    const now = deps.clock.now().toISOString();
    for (const event of events) {
      const signedInTo = await appsSignedInTo(tx, deps.secrets, event.personId);
      await deletePayloadsOfAccount(tx, event.personId);
      const clients = await listBackchannelClients(tx, event.communityId);
      await insertLogoutDeliveries(
        tx,
        clients
          .filter((client) => signedInTo.has(client.id))
          .map((client) => ({
            communityId: event.communityId,
            clientId: client.id,
            personId: event.personId,
            reason: event.kind,
          })),
        now,
      );
      await markAccountEventProcessed(tx, event.id, now);
    }
    return events.length;
  });
}

/** The apps a person holds a grant for, read from the sealed grants before they are deleted. */
async function appsSignedInTo(tx: Executor, secrets: Secrets, personId: string): Promise<Set<string>> {
  const sealed = await listSealedGrantsOfAccount(tx, personId);
  return new Set(
    sealed.flatMap((grant) => {
      const { clientId } = JSON.parse(secrets.open(grant)) as { clientId?: unknown };
      return typeof clientId === 'string' ? [clientId] : [];
    }),
  );
}

/**
 * What is kept of an app's answer: its status code, or that there was none. Never its body or its
 * words, so a back-channel URI pointed at some other service inside the network tells whoever
 * registered it as little as possible (docs/oidc.md).
 */
function outcomeOf(cause: unknown): string {
  const status = (cause as { response?: { status?: unknown } } | null)?.response?.status;
  return typeof status === 'number' ? `HTTP ${status}` : 'no answer';
}

/**
 * Sends the logouts due now: a logout token (signed with the provider's key, naming the person's
 * `sub`) posted to each app's back-channel logout URI. An app that does not answer 200 is tried
 * again with growing pauses; after about a day it is given up on, and the audit log says so.
 */
async function deliverDueLogouts(deps: Pick<Deps, 'db' | 'clock'>, provider: Provider): Promise<number> {
  const now = deps.clock.now();
  if (!(await hasDueDeliveries(deps.db, now.toISOString()))) return 0;
  const due = await claimDueDeliveries(deps.db, {
    now: now.toISOString(),
    leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString(),
    limit: BATCH,
  });
  await Promise.all(due.map((delivery) => deliver(deps, provider, delivery)));
  return due.length;
}

async function deliver(deps: Pick<Deps, 'db' | 'clock'>, provider: Provider, delivery: DueDelivery) {
  const client = await provider.Client.find(delivery.clientId);
  let error: string | null = null;
  if (!client?.backchannelLogoutUri) error = 'The app no longer has a back-channel logout URI.';
  else {
    try {
      await client.backchannelLogout(delivery.personId);
    } catch (cause) {
      error = outcomeOf(cause);
    }
  }
  const now = deps.clock.now();
  if (error === null) {
    await recordDeliveryOutcome(deps.db, delivery.id, { status: 'delivered', at: now.toISOString() });
    return;
  }
  if (delivery.attempts < MAX_ATTEMPTS && client?.backchannelLogoutUri) {
    const nextAttemptAt = new Date(now.getTime() + backoffMs(delivery.attempts)).toISOString();
    await recordDeliveryOutcome(deps.db, delivery.id, { status: 'pending', nextAttemptAt, error });
    return;
  }
  await deps.db.transaction().execute(async (tx) => {
    await recordDeliveryOutcome(tx, delivery.id, { status: 'failed', error: error ?? 'unknown' });
    await recordAudit(tx, deps.clock, systemContext(delivery.communityId, 'muster-oidc-logout'), {
      type: AuditType.appLogoutFailed,
      outcome: 'failure',
      target: { id: delivery.clientId, label: String(client?.clientName ?? delivery.clientId) },
      details: { personId: delivery.personId, reason: delivery.reason, attempts: delivery.attempts, error },
    });
  });
}

/** One round: act on account events, then send what is due. */
export async function runLogoutRound(deps: Pick<Deps, 'db' | 'clock' | 'secrets'>, provider: Provider) {
  const accounts = await processAccountEvents(deps);
  const sent = await deliverDueLogouts(deps, provider);
  return { accounts, sent };
}
