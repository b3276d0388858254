import { AuditType, recordAudit } from '../audit/audit.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { revokeAllSessions } from '../sessions/sessions.store.js';
import type { Tx } from '../storage/db.js';
import { revokeTokensOf } from '../tokens/tokens.store.js';
import { recordAccountEnded } from './account-events.store.js';
import { assertNotSelf, assertSystemAdminRemains, lockAdminChanges, lockTarget } from './guards.js';
import { deletePersonAt, updatePerson } from './people.store.js';
import { stateOf } from './person.js';
import { toPersonView } from './person.view.js';

type LifecycleArgs = { deps: Deps; ctx: ActingContext; id: string };

/** R22: deactivation ends every session at once and kills every claim link. */
export function deactivatePerson(args: LifecycleArgs) {
  return args.deps.db.transaction().execute((tx) => deactivatePersonIn(tx, args));
}

/**
 * Deactivates inside the caller's transaction (SCIM changes a user's profile and state in one).
 * The person's API tokens are revoked for good: reactivation brings back the account, never a
 * credential that was live when it was shut (as with sessions and claim links).
 */
export async function deactivatePersonIn(tx: Tx, { deps, ctx, id }: LifecycleArgs) {
  assertNotSelf(ctx, id, 'deactivate');
  await lockAdminChanges(tx, ctx.communityId);
  const current = await lockTarget(tx, ctx, id);
  const now = deps.clock.now().toISOString();
  // Conditional on being active, so two parallel deactivations record one event.
  const updated = await updatePerson(
    tx,
    id,
    {
      active: false,
      deactivatedAt: now,
      invitationGeneration: current.invitationGeneration + 1,
      updatedAt: now,
    },
    { active: true },
  );
  if (!updated) throw new AppError('already_deactivated', 'This account is already deactivated.');
  await assertSystemAdminRemains(tx, ctx.communityId);
  const sessionsEnded = await revokeAllSessions(tx, id, now);
  const tokensRevoked = await revokeTokensOf(tx, id, now);
  await recordAccountEnded(tx, { communityId: ctx.communityId, personId: id, kind: 'deactivated', at: now });
  await recordAudit(tx, deps.clock, ctx, {
    type: AuditType.accountDeactivated,
    target: { id, label: updated.displayName },
    details: { sessionsEnded, ...(tokensRevoked > 0 ? { tokensRevoked } : {}) },
  });
  return toPersonView(updated);
}

/** R22: the account returns to the state it had; claimed and invited are untouched. */
export function reactivatePerson(args: LifecycleArgs) {
  return args.deps.db.transaction().execute((tx) => reactivatePersonIn(tx, args));
}

export async function reactivatePersonIn(tx: Tx, { deps, ctx, id }: LifecycleArgs) {
  await lockTarget(tx, ctx, id);
  const now = deps.clock.now().toISOString();
  const updated = await updatePerson(
    tx,
    id,
    { active: true, deactivatedAt: null, updatedAt: now },
    { active: false },
  );
  if (!updated) throw new AppError('not_deactivated', 'This account is not deactivated.');
  await recordAudit(tx, deps.clock, ctx, {
    type: AuditType.accountReactivated,
    target: { id, label: updated.displayName },
    details: { state: stateOf(updated) },
  });
  return toPersonView(updated);
}

/** R23: only never-claimed or deactivated accounts; the audit log keeps a tombstone. */
export function deletePerson(args: LifecycleArgs) {
  return args.deps.db.transaction().execute((tx) => deletePersonIn(tx, args));
}

export async function deletePersonIn(tx: Tx, { deps, ctx, id }: LifecycleArgs) {
  assertNotSelf(ctx, id, 'delete');
  await lockAdminChanges(tx, ctx.communityId);
  const current = await lockTarget(tx, ctx, id);
  // Ever claimed (even if reset to unclaimed since) and still active: the account has a
  // history, so R23 asks for deactivation first.
  if (current.active && current.claimedAt !== null) {
    throw new AppError(
      'person_not_deletable',
      'This person has claimed their account before. Deactivate it first, then delete it.',
    );
  }
  // Before the row goes: a token whose maker is gone would read as one made on the server.
  await revokeTokensOf(tx, id, deps.clock.now().toISOString());
  if (!(await deletePersonAt(tx, id, current.version))) throw notFound('The person');
  const deletedAt = deps.clock.now().toISOString();
  await recordAccountEnded(tx, {
    communityId: ctx.communityId,
    personId: id,
    kind: 'deleted',
    at: deletedAt,
  });
  await assertSystemAdminRemains(tx, ctx.communityId);
  await recordAudit(tx, deps.clock, ctx, {
    type: AuditType.accountDeleted,
    target: { id, label: current.displayName },
    details: { loginKind: current.loginKind, state: stateOf(current), externalId: current.externalId },
  });
}
