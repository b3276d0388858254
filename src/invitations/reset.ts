import { AuditType, recordAudit } from '../audit/audit.js';
import { findCommunityOrThrow } from '../communities/communities.store.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { recordAccountEnded } from '../people/account-events.store.js';
import { assertNotSelf, lockTarget } from '../people/guards.js';
import { updatePerson } from '../people/people.store.js';
import { toPersonView } from '../people/person.view.js';
import { replaceBackupCodes } from '../second-factor/second-factor.store.js';
import { revokeAllSessions } from '../sessions/sessions.store.js';
import type { Tx } from '../storage/db.js';
import { accountKeysOf } from '../throttle/account-keys.js';
import { revokeTokensOf } from '../tokens/tokens.store.js';
import { sendClaimMessage } from './claim-message.js';

/**
 * R12: the password, every session, the recovery code, the authenticator and the person's API
 * tokens go; earlier links die; the person gets a fresh claim link by text or email. If today's
 * claim messages are used up, nothing changes at all.
 */
export function resetToUnclaimed(args: { deps: Deps; ctx: ActingContext; id: string }) {
  return args.deps.db.transaction().execute((tx) => resetToUnclaimedIn(tx, args));
}

/** Resets inside the caller's transaction (SCIM changes a user's profile and state in one). */
export async function resetToUnclaimedIn(
  tx: Tx,
  { deps, ctx, id }: { deps: Deps; ctx: ActingContext; id: string },
) {
  assertNotSelf(ctx, id, 'reset');
  const person = await lockTarget(tx, ctx, id);
  if (!person.active) {
    throw new AppError('account_not_invitable', 'This account is deactivated. Reactivate it first.');
  }
  const community = await findCommunityOrThrow(tx, ctx.communityId);
  const now = deps.clock.now().toISOString();
  // claimedAt stays: the account was claimed once, which R23 remembers when deleting. Every
  // credential goes, the authenticator too: an admin reset for a lost phone enrols afresh after
  // claiming (R40), and nothing of the old account works for whoever had it.
  const cleared = await updatePerson(tx, id, {
    passwordHash: null,
    claimed: false,
    recoveryCodeHash: null,
    recoveryCodeCreatedAt: null,
    totpSecret: null,
    totpPendingSecret: null,
    totpConfirmedAt: null,
    totpLastStep: null,
  });
  if (!cleared) throw new AppError('internal_error', 'The person changed while saving. Try again.');
  const sent = await sendClaimMessage(tx, deps, {
    community,
    person: cleared,
    reason: 'reset',
    channel: 'reset',
  });
  const sessionsEnded = await revokeAllSessions(tx, id, now);
  await replaceBackupCodes(tx, id, [], now);
  const tokensRevoked = await revokeTokensOf(tx, id, now);
  await recordAccountEnded(tx, { communityId: ctx.communityId, personId: id, kind: 'reset', at: now });
  // A worker reset to unclaimed starts afresh: no lockout left by whoever guessed before.
  await deps.throttle.lift(accountKeysOf(person), tx);
  await recordAudit(tx, deps.clock, ctx, {
    type: AuditType.accountSetToUnclaimed,
    target: { id, label: person.displayName },
    details: {
      sessionsEnded,
      claimSmsLeftToday: sent.claimSmsLeftToday,
      wasClaimed: person.claimed,
      ...(tokensRevoked > 0 ? { tokensRevoked } : {}),
    },
  });
  return { person: toPersonView(sent.person), claimSmsLeftToday: sent.claimSmsLeftToday };
}
