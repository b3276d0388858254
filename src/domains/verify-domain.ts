import { AuditType, recordAudit } from '../audit/audit.js';
import { recordRefusal } from '../audit/refusals.js';
import { lockCommunity } from '../communities/communities.store.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { type AppError, notFound } from '../errors.js';
import { uniqueViolation } from '../storage/db.js';
import { lookupVerificationRecord } from './dns-check.js';
import { type Domain, txtRecordOf } from './domain.js';
import { parentDomains } from './domain-name.js';
import {
  findDomain,
  findVerifiedElsewhere,
  markUnverified,
  markVerified,
  recordCheck,
  recordUnverifiedCheck,
  syncCommunityDomainVerified,
} from './domains.store.js';
import { RECHECK_EVERY_MS } from './recheck-domains.js';
import { dnsLookupFailed, recordNotFound, verifiedElsewhere } from './refusals.js';

/**
 * Checks a domain's TXT record now, at a system admin's request (R26). Found: the domain is
 * verified (or stays so), and the community's flag that raises R6 follows. Definitely not found
 * (no such name, no record, another token): refused with what was looked for and what was found,
 * and a domain that was verified stops being so. DNS gave no answer: refused, and nothing changes.
 * Every refusal is audited as Domain Verification Failed.
 */
export async function verifyDomain({
  deps,
  ctx,
  id,
}: {
  deps: Deps;
  ctx: ActingContext;
  id: string;
}): Promise<Domain> {
  const domain = await findDomain(deps.db, ctx.communityId, id);
  if (!domain) throw notFound('The domain');
  const expected = txtRecordOf(domain);
  const refuse = async (error: AppError, details: Record<string, unknown>) => {
    await recordRefusal(deps.db, deps.clock, ctx, {
      type: AuditType.domainVerificationFailed,
      target: { id: domain.id, label: domain.name },
      details: { code: error.code, record: expected, ...details },
    });
    return error;
  };
  const taken = await findVerifiedElsewhere(deps.db, ctx.communityId, [
    domain.name,
    ...parentDomains(domain.name),
  ]);
  if (taken) throw await refuse(verifiedElsewhere(domain.name, taken), { verifiedName: taken });

  const lookup = await lookupVerificationRecord(deps.config.dnsServers, domain.name, expected);
  const now = deps.clock.now().toISOString();
  if (lookup.outcome === 'verified') {
    try {
      return await confirm(deps, ctx, domain, now);
    } catch (error) {
      // Another community verified the name between our check and our write: the unique index
      // on verified names decided, and we lost.
      if (uniqueViolation(error) === null) throw error;
      throw await refuse(verifiedElsewhere(domain.name, domain.name), {
        verifiedName: domain.name,
        race: true,
      });
    }
  }
  if (lookup.outcome === 'dns_failure') {
    throw await refuse(dnsLookupFailed(domain.name, expected, lookup.code), { dnsError: lookup.code });
  }
  const refusal = recordNotFound(domain.name, expected, lookup);
  await deps.db.transaction().execute(async (tx) => {
    if (domain.verifiedAt === null) return recordUnverifiedCheck(tx, domain.id, now);
    await lockCommunity(tx, ctx.communityId);
    const ended = await markUnverified(tx, domain.id, now);
    if (!ended) return;
    await syncCommunityDomainVerified(tx, ctx.communityId);
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.domainUnverified,
      target: { id: domain.id, label: domain.name },
      details: { reason: lookup.outcome, found: 'found' in lookup ? lookup.found : [] },
    });
  });
  throw await refuse(refusal, { reason: lookup.outcome, found: 'found' in lookup ? lookup.found : [] });
}

/** Records a found record: verifies the domain, or notes the good check of one already verified. */
async function confirm(deps: Deps, ctx: ActingContext, domain: Domain, now: string): Promise<Domain> {
  const nextCheckAt = new Date(Date.parse(now) + RECHECK_EVERY_MS).toISOString();
  return deps.db.transaction().execute(async (tx) => {
    // The community row is locked first, so the flag written below reflects every domain change
    // that committed before ours (another admin removing a domain at the same moment).
    await lockCommunity(tx, ctx.communityId);
    const verified = await markVerified(tx, ctx.communityId, domain.id, { now, nextCheckAt });
    if (!verified) {
      const checked = await recordCheck(tx, domain.id, { at: now, nextCheckAt, failingSince: null });
      if (!checked) throw notFound('The domain');
      return checked;
    }
    await syncCommunityDomainVerified(tx, ctx.communityId);
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.domainVerified,
      target: { id: verified.id, label: verified.name },
      details: { txtRecord: txtRecordOf(verified) },
    });
    return verified;
  });
}
