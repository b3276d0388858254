import { AuditType, recordAudit } from '../audit/audit.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { revokeAllSessions } from '../sessions/sessions.store.js';
import type { Role } from '../storage/schema.js';
import { recordSignedOutEverywhere } from './account-events.store.js';
import { assertNotSelf, assertSystemAdminRemains, lockAdminChanges, lockTarget } from './guards.js';
import { updatePerson } from './people.store.js';
import { toPersonView } from './person.view.js';

/** Roles change only here, never by mass assignment (R35); a community always keeps a system admin. */
export async function setRole({
  deps,
  ctx,
  id,
  role,
}: {
  deps: Deps;
  ctx: ActingContext;
  id: string;
  role: Role;
}) {
  assertNotSelf(ctx, id, 'change the role of');
  return deps.db.transaction().execute(async (tx) => {
    await lockAdminChanges(tx, ctx.communityId);
    const current = await lockTarget(tx, ctx, id);
    if (current.role === role) return toPersonView(current);
    if (role === 'system_admin' && current.loginKind === 'username') {
      throw new AppError(
        'forbidden',
        'A system admin must sign in with an email address or a mobile number.',
      );
    }
    const updated = await updatePerson(
      tx,
      id,
      { role, updatedAt: deps.clock.now().toISOString() },
      { version: current.version },
    );
    if (!updated) throw new AppError('internal_error', 'The person changed while saving. Try again.');
    await assertSystemAdminRemains(tx, ctx.communityId);
    // R41: a new role means new sessions, with the new role's lifetime and second-factor rule.
    const sessionsEnded = await revokeAllSessions(tx, id, deps.clock.now().toISOString());
    await recordSignedOutEverywhere(tx, {
      communityId: ctx.communityId,
      personId: id,
      at: deps.clock.now().toISOString(),
    });
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.roleChanged,
      target: { id, label: current.displayName },
      details: { from: current.role, to: role, sessionsEnded },
    });
    return toPersonView(updated);
  });
}
