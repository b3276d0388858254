import { AuditType, recordAudit } from '../audit/audit.js';
import { rememberDevice } from '../auth/device-cookie.js';
import type { SignedIn } from '../auth/login.js';
import type { Community } from '../communities/community.js';
import type { ActingContext, RequestMeta } from '../context.js';
import type { Deps } from '../deps.js';
import { recordSignedOutEverywhere } from '../people/account-events.store.js';
import { notifyPasswordChanged } from '../people/notify-password-changed.js';
import { updatePerson } from '../people/people.store.js';
import type { Person } from '../people/person.js';
import { issueSession } from '../sessions/issue-session.js';
import { lifetimesFor } from '../sessions/lifetimes.js';
import { revokeAllSessions } from '../sessions/sessions.store.js';

/**
 * Sets the new password and uses up the recovery code in one transaction. The code is single use
 * (R9): it is cleared by an update conditional on the very hash that was verified, so of several
 * parallel uses exactly one succeeds (null for the others). The worker is signed in, and a text
 * tells them their password was reset (R41).
 */
export async function resetPasswordWithCode({
  deps,
  ctx,
  person,
  community,
  storedHash,
  passwordHash,
  logoutOtherDevices,
  deviceToken,
  meta,
  succeeded,
}: {
  deps: Deps;
  ctx: ActingContext;
  person: Person;
  community: Community;
  storedHash: string;
  passwordHash: string;
  logoutOtherDevices: boolean;
  deviceToken: string | null;
  meta: RequestMeta;
  succeeded: { forget: string[]; refund: string[] };
}): Promise<(SignedIn & { otherSessionsEnded: number }) | null> {
  return deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now().toISOString();
    const updated = await updatePerson(
      tx,
      person.id,
      { passwordHash, recoveryCodeHash: null, recoveryCodeCreatedAt: null, updatedAt: now },
      { recoveryCodeHash: storedHash, active: true },
    );
    if (!updated) return null;
    await deps.throttle.succeeded(succeeded, tx);
    const otherSessionsEnded = logoutOtherDevices ? await revokeAllSessions(tx, person.id, now) : 0;
    if (logoutOtherDevices)
      await recordSignedOutEverywhere(tx, { communityId: community.id, personId: person.id, at: now });
    const session = await issueSession(
      tx,
      deps.clock,
      updated,
      lifetimesFor(updated.role, community.settings),
      meta,
    );
    const remembered = await rememberDevice(tx, deviceToken, updated, now);
    const noticeSent = await notifyPasswordChanged(tx, deps, updated, community);
    await recordAudit(
      tx,
      deps.clock,
      { ...ctx, actor: { id: person.id, label: person.displayName, role: person.role } },
      {
        type: AuditType.passwordResetSucceeded,
        target: { id: person.id, label: person.displayName },
        details: { method: 'recovery_code', otherSessionsEnded, sessionId: session.id, noticeSent },
      },
    );
    return { session, person: updated, community, otherSessionsEnded, deviceToken: remembered };
  });
}
