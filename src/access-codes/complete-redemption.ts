import { AuditType, recordAudit } from '../audit/audit.js';
import { rememberDevice } from '../auth/device-cookie.js';
import type { SignedIn } from '../auth/login.js';
import type { Community } from '../communities/community.js';
import type { ActingContext, RequestMeta } from '../context.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { recordSignedOutEverywhere } from '../people/account-events.store.js';
import type { Person } from '../people/person.js';
import { issueSession } from '../sessions/issue-session.js';
import { lifetimesFor } from '../sessions/lifetimes.js';
import { revokeAllSessions } from '../sessions/sessions.store.js';
import { uniqueViolation } from '../storage/db.js';
import { accountKeysOf } from '../throttle/account-keys.js';
import { consumeAccessCode } from './access-codes.store.js';
import { ACCESS_CODE } from './second-factor.js';

export type Redeemed = SignedIn & { outcome: 'claimed' | 'recovered'; otherSessionsEnded: number };

export function usernameTaken(username: string): AppError {
  return new AppError(
    'user_name_taken',
    `Someone in this community already uses the username "${username}". Choose another; your access code still works.`,
    { errors: [{ path: 'username', message: 'already taken' }] },
  );
}

/**
 * Spends the code and makes the change in one transaction: the password (and, for a claim, the
 * username and the claimed state) is set by the very update that uses the code up. Then every
 * other session ends, any sign-in lockout is lifted (an admin vouched for the worker by handing
 * them the code), and the worker is signed in. Null if the code was spent or cancelled meanwhile.
 */
export async function completeRedemption({
  deps,
  person,
  community,
  hash,
  username,
  passwordHash,
  deviceToken,
  meta,
  clientKey,
}: {
  deps: Deps;
  person: Person;
  community: Community;
  hash: string;
  /** The username picked now; null when the account keeps the one it has. */
  username: string | null;
  passwordHash: string;
  deviceToken: string | null;
  meta: RequestMeta;
  clientKey: string;
}): Promise<Redeemed | null> {
  const claiming = !person.claimed;
  return deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now().toISOString();
    const changes: Partial<Person> = {
      passwordHash,
      updatedAt: now,
      ...(claiming
        ? { claimed: true, claimedAt: now, invited: true, invitedAt: person.invitedAt ?? now }
        : {}),
      ...(username ? { username, userName: username } : {}),
    };
    const updated = await consumeAccessCode(tx, { hash, now, claimed: person.claimed, changes }).catch(
      (error: unknown) => {
        const column = uniqueViolation(error);
        if (username && (column === 'username' || column === 'user_name')) throw usernameTaken(username);
        throw error;
      },
    );
    if (!updated) return null;
    await deps.throttle.succeeded({ refund: [clientKey], forget: [ACCESS_CODE.guessesKey(updated)] }, tx);
    const otherSessionsEnded = await revokeAllSessions(tx, updated.id, now);
    if (!claiming)
      await recordSignedOutEverywhere(tx, { communityId: community.id, personId: updated.id, at: now });
    await deps.throttle.lift(accountKeysOf(updated), tx);
    const session = await issueSession(
      tx,
      deps.clock,
      updated,
      lifetimesFor(updated.role, community.settings),
      meta,
    );
    const remembered = await rememberDevice(tx, deviceToken, updated, now);
    const ctx: ActingContext = {
      communityId: community.id,
      actor: { id: updated.id, label: updated.displayName, role: updated.role },
      meta,
    };
    const target = { id: updated.id, label: updated.displayName };
    await recordAudit(
      tx,
      deps.clock,
      ctx,
      claiming
        ? {
            type: AuditType.accountClaimed,
            target,
            details: { method: 'access_code', username: updated.username, sessionId: session.id },
          }
        : {
            type: AuditType.passwordResetSucceeded,
            target,
            details: { method: 'access_code', otherSessionsEnded, sessionId: session.id },
          },
    );
    return {
      session,
      person: updated,
      community,
      deviceToken: remembered,
      outcome: claiming ? 'claimed' : 'recovered',
      otherSessionsEnded,
    };
  });
}
