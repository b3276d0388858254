import { AuditType, recordAudit } from '../audit/audit.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { lockTarget } from '../people/guards.js';
import { markAccessCodeRevoked } from './access-codes.store.js';
import { assertAccessCodeAccount, assertMayHandOutCodeFor } from './rules.js';

/**
 * Cancels a person's access code at once (a sheet went missing, a code was handed to the wrong
 * person). Allowed even while access codes are turned off, so an admin can always stop a code.
 * Cancelling when there is no live code changes nothing and records nothing.
 */
export async function revokeAccessCode({
  deps,
  ctx,
  id,
}: {
  deps: Deps;
  ctx: ActingContext;
  id: string;
}): Promise<{ revoked: boolean }> {
  return deps.db.transaction().execute(async (tx) => {
    const person = await lockTarget(tx, ctx, id);
    assertAccessCodeAccount(person);
    assertMayHandOutCodeFor(ctx, person);
    const revoked = await markAccessCodeRevoked(tx, person.id, deps.clock.now().toISOString());
    if (revoked) {
      await recordAudit(tx, deps.clock, ctx, {
        type: AuditType.accessCodeRevoked,
        target: { id: person.id, label: person.displayName },
      });
    }
    return { revoked };
  });
}
