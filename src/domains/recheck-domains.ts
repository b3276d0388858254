import { AuditType, recordAudit } from '../audit/audit.js';
import { lockCommunity } from '../communities/communities.store.js';
import { systemContext } from '../context.js';
import type { Deps } from '../deps.js';
import { lookupVerificationRecord, type TxtLookup } from './dns-check.js';
import { type Domain, txtRecordOf } from './domain.js';
import {
  claimRecheck,
  listDueRechecks,
  markUnverified,
  recordCheck,
  syncCommunityDomainVerified,
} from './domains.store.js';

const HOUR_MS = 3_600_000;
/** A verified domain is looked at again about once a day (R26). */
export const RECHECK_EVERY_MS = 24 * HOUR_MS;
/** After a DNS failure, the next try comes sooner than a day. */
const RETRY_AFTER_FAILURE_MS = HOUR_MS;
/**
 * How long DNS may fail without an answer before a verified domain stops being verified. A
 * SERVFAIL or a timeout says nothing about the record: the domain's DNS host, or the resolver
 * Muster asks, may be down for an afternoon, and one such failure must not cost a community its
 * raised limit. But a domain whose name servers have not answered for a week is broken or lapsed,
 * and no longer shows that anyone holds it.
 */
const FAILING_FOR_AT_MOST_MS = 7 * 24 * HOUR_MS;
/** A process that took a check and died gives it back after this long. */
const LEASE_MS = 10 * 60_000;
/**
 * Checks per housekeeping round, all in parallel, so a round costs at most one DNS timeout
 * (about 4.5 s) between dispatcher rounds; a deployment has few domains, and the next round comes
 * a minute later.
 */
const PER_ROUND = 20;

type Outcome = 'confirmed' | 'failing' | 'unverified' | 'skipped';
type RecheckDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

/**
 * Re-checks the verified domains that are due (R26): a record still there keeps the domain
 * verified for another day; a record definitely gone (no such name, no record, another token)
 * ends its verification, audited as Domain Unverified, and with it the raised R6 limit; a DNS
 * failure is retried hourly and only ends it once failures have lasted a week.
 */
export async function recheckDueDomains({ deps }: { deps: RecheckDeps }): Promise<Record<Outcome, number>> {
  const now = deps.clock.now();
  const due = await listDueRechecks(deps.db, now.toISOString(), PER_ROUND);
  const settled = await Promise.allSettled(due.map((domain) => recheckOne(deps, domain, now)));
  const counts: Record<Outcome, number> = { confirmed: 0, failing: 0, unverified: 0, skipped: 0 };
  for (const result of settled) {
    if (result.status === 'rejected') throw result.reason;
    counts[result.value] += 1;
  }
  return counts;
}

async function recheckOne(deps: RecheckDeps, domain: Domain, now: Date): Promise<Outcome> {
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
  if (!(await claimRecheck(deps.db, domain, at(LEASE_MS)))) return 'skipped';
  const lookup = await lookupVerificationRecord(deps.config.dnsServers, domain.name, txtRecordOf(domain));
  if (lookup.outcome === 'verified') {
    await recordCheck(deps.db, domain.id, {
      at: now.toISOString(),
      nextCheckAt: at(RECHECK_EVERY_MS),
      failingSince: null,
    });
    return 'confirmed';
  }
  if (lookup.outcome === 'dns_failure') {
    const failingSince = domain.failingSince ?? now.toISOString();
    if (now.getTime() - Date.parse(failingSince) < FAILING_FOR_AT_MOST_MS) {
      await recordCheck(deps.db, domain.id, {
        at: now.toISOString(),
        nextCheckAt: at(RETRY_AFTER_FAILURE_MS),
        failingSince,
      });
      return 'failing';
    }
  }
  await unverify(deps, domain, now, lookup);
  return 'unverified';
}

async function unverify(
  deps: RecheckDeps,
  domain: Domain,
  now: Date,
  lookup: Exclude<TxtLookup, { outcome: 'verified' }>,
) {
  await deps.db.transaction().execute(async (tx) => {
    await lockCommunity(tx, domain.communityId);
    const ended = await markUnverified(tx, domain.id, now.toISOString());
    if (!ended) return;
    await syncCommunityDomainVerified(tx, domain.communityId);
    await recordAudit(tx, deps.clock, systemContext(domain.communityId, 'muster-housekeeping'), {
      type: AuditType.domainUnverified,
      target: { id: domain.id, label: domain.name },
      details: {
        reason: lookup.outcome === 'dns_failure' ? 'dns_failing' : lookup.outcome,
        ...(lookup.outcome === 'dns_failure'
          ? { dnsError: lookup.code, failingSince: domain.failingSince }
          : { found: 'found' in lookup ? lookup.found : [] }),
        record: txtRecordOf(domain),
      },
    });
  });
}
