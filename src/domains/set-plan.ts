import { AuditType, recordAudit } from '../audit/audit.js';
import { findCommunityBySlug, lockCommunity, updateCommunity } from '../communities/communities.store.js';
import type { Community } from '../communities/community.js';
import { systemContext } from '../context.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Plan } from '../storage/schema.js';

/**
 * The operator moves a community to another plan (`npx muster community set-plan`), audited as
 * Plan Changed. On `core`, a verified domain raises the daily limit of new mobile-number accounts
 * (R6); the plan is the operator's to set, since it is what the community has paid for.
 */
export async function setCommunityPlan({
  deps,
  communitySlug,
  plan,
}: {
  deps: Deps;
  communitySlug: string;
  plan: Plan;
}): Promise<{ community: Community; previous: Plan }> {
  const found = await findCommunityBySlug(deps.db, communitySlug);
  if (!found) throw new AppError('community_not_found', `There is no community "${communitySlug}".`);
  return deps.db.transaction().execute(async (tx) => {
    const community = await lockCommunity(tx, found.id);
    if (community.plan === plan) return { community, previous: plan };
    const changed = { ...community, plan, updatedAt: deps.clock.now().toISOString() };
    await updateCommunity(tx, changed);
    await recordAudit(tx, deps.clock, systemContext(community.id, 'muster-cli'), {
      type: AuditType.planChanged,
      target: { id: community.id, label: community.name },
      details: { from: community.plan, to: plan },
    });
    return { community: changed, previous: community.plan };
  });
}
