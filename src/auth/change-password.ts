import { AuditType, recordAudit } from '../audit/audit.js';
import type { Community } from '../communities/community.js';
import type { ActingContext } from '../context.js';
import { hashPassword } from '../crypto/passwords.js';
import type { Deps } from '../deps.js';
import { checkPassword, personContext } from '../passwords/policy.js';
import { recordSignedOutEverywhere } from '../people/account-events.store.js';
import { notifyPasswordChanged } from '../people/notify-password-changed.js';
import { updatePerson } from '../people/people.store.js';
import type { Person } from '../people/person.js';
import { revokeAllSessions } from '../sessions/sessions.store.js';
import { confirmPassword } from './reauth.js';

/** A signed-in person changes their password, after re-entering the current one (R30). */
export async function changePassword({
  deps,
  ctx,
  person,
  community,
  currentSessionId,
  currentPassword,
  newPassword,
  logoutOtherDevices,
}: {
  deps: Deps;
  ctx: ActingContext;
  person: Person;
  community: Community;
  currentSessionId: string;
  currentPassword: string;
  newPassword: string;
  logoutOtherDevices: boolean;
}): Promise<{ otherSessionsEnded: number }> {
  await confirmPassword({
    deps,
    ctx,
    person,
    password: currentPassword,
    field: 'currentPassword',
    failure: AuditType.passwordChangeFailed,
  });
  checkPassword(newPassword, community.settings.passwordMinLength, personContext(person, community));
  const hashed = await hashPassword(newPassword);
  return deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now().toISOString();
    await updatePerson(tx, person.id, { passwordHash: hashed, updatedAt: now });
    const otherSessionsEnded = logoutOtherDevices
      ? await revokeAllSessions(tx, person.id, now, currentSessionId)
      : 0;
    if (logoutOtherDevices)
      await recordSignedOutEverywhere(tx, { communityId: community.id, personId: person.id, at: now });
    // R41: a password changed by someone holding a stolen session does not go unnoticed.
    const noticeSent = await notifyPasswordChanged(tx, deps, person, community);
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.passwordChanged,
      target: { id: person.id, label: person.displayName },
      details: { otherSessionsEnded, noticeSent },
    });
    return { otherSessionsEnded };
  });
}
