import { AuditType, recordAudit } from '../audit/audit.js';
import { lockCommunity } from '../communities/communities.store.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { deleteDomain, syncCommunityDomainVerified } from './domains.store.js';

/**
 * Removes a domain from the community (R26). A verified one stops counting at once: if it was the
 * community's last, the daily limit of new mobile-number accounts falls back (R6).
 */
export async function removeDomain({ deps, ctx, id }: { deps: Deps; ctx: ActingContext; id: string }) {
  await deps.db.transaction().execute(async (tx) => {
    await lockCommunity(tx, ctx.communityId);
    const removed = await deleteDomain(tx, ctx.communityId, id);
    if (!removed) throw notFound('The domain');
    const stillVerified = await syncCommunityDomainVerified(tx, ctx.communityId);
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.domainRemoved,
      target: { id, label: removed.name },
      details: { wasVerified: removed.verifiedAt !== null, communityStillHasVerifiedDomain: stillVerified },
    });
  });
}
