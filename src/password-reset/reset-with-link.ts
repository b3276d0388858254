import { AuditType, recordAudit } from '../audit/audit.js';
import { recordRefusal } from '../audit/refusals.js';
import { rememberDevice } from '../auth/device-cookie.js';
import type { SignedIn } from '../auth/login.js';
import type { ActingContext, RequestMeta } from '../context.js';
import { hashPassword } from '../crypto/passwords.js';
import { hashToken } from '../crypto/random.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { checkPassword, personContext } from '../passwords/policy.js';
import { recordSignedOutEverywhere } from '../people/account-events.store.js';
import { notifyPasswordChanged } from '../people/notify-password-changed.js';
import { updatePerson } from '../people/people.store.js';
import type { Person } from '../people/person.js';
import { type OneFactor, requireSecondFactor } from '../second-factor/beside-one-factor.js';
import { issueSession } from '../sessions/issue-session.js';
import { lifetimesFor } from '../sessions/lifetimes.js';
import { revokeAllSessions } from '../sessions/sessions.store.js';
import { loadResetLink, resetLinkProblem } from './reset-link.js';
import { consumeResetToken, spendResetTokensOf } from './reset-tokens.store.js';

export interface ResetWithLinkArgs {
  deps: Deps;
  token: string;
  password: string;
  logoutOtherDevices: boolean;
  /** For an account with an authenticator (an admin): its code or a backup code, too (R40). */
  totp?: string | undefined;
  deviceToken: string | null;
  meta: RequestMeta;
}

/**
 * Forgot password by email, second half (R20): the link from the email sets a new password and
 * signs the person in. The link is used up by one conditional update, so it works once; every
 * other link sent to the person is spent with it. Like the recovery code, an emailed link alone
 * never regains an administrator's account (R40).
 */
export async function resetPasswordWithLink(
  args: ResetWithLinkArgs,
): Promise<SignedIn & { otherSessionsEnded: number }> {
  const { deps, token, meta } = args;
  const link = await loadResetLink(deps.db, token);
  const problem = resetLinkProblem(link, deps.clock.now().toISOString());
  if (problem || !link.person || !link.community) throw problem;
  const { person, community } = link;
  const ctx: ActingContext = { communityId: community.id, actor: null, meta };
  checkPassword(args.password, community.settings.passwordMinLength, personContext(person, community));
  await requireSecondFactor(args, EMAILED_LINK, { person, community }, async (reason, error) => {
    await recordRefusal(deps.db, deps.clock, ctx, {
      type: AuditType.passwordResetFailed,
      target: { id: person.id, label: person.displayName },
      details: { reason },
    });
    throw error;
  });
  const passwordHash = await hashPassword(args.password);
  return deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now().toISOString();
    const consumed = await consumeResetToken(tx, hashToken(token), now);
    const updated =
      consumed &&
      (await updatePerson(tx, person.id, { passwordHash, updatedAt: now }, { active: true, claimed: true }));
    if (!updated) {
      throw new AppError('reset_link_used', 'This password reset link has already been used.');
    }
    await spendResetTokensOf(tx, person.id, now);
    await deps.throttle.succeeded({ forget: [EMAILED_LINK.guessesKey(person)] }, tx);
    const otherSessionsEnded = args.logoutOtherDevices ? await revokeAllSessions(tx, person.id, now) : 0;
    if (args.logoutOtherDevices)
      await recordSignedOutEverywhere(tx, { communityId: community.id, personId: person.id, at: now });
    const session = await issueSession(
      tx,
      deps.clock,
      updated,
      lifetimesFor(updated.role, community.settings),
      meta,
    );
    const remembered = await rememberDevice(tx, args.deviceToken, updated, now);
    const noticeSent = await notifyPasswordChanged(tx, deps, updated, community);
    await recordAudit(
      tx,
      deps.clock,
      { ...ctx, actor: { id: person.id, label: person.displayName, role: person.role } },
      {
        type: AuditType.passwordResetSucceeded,
        target: { id: person.id, label: person.displayName },
        details: { method: 'email_link', otherSessionsEnded, sessionId: session.id, noticeSent },
      },
    );
    return { session, person: updated, community, otherSessionsEnded, deviceToken: remembered };
  });
}

/** R40: an emailed link is one factor; guesses at an admin's authenticator code beside it are counted per account. */
const EMAILED_LINK = {
  name: 'an emailed link',
  guessesKey: (person: Pick<Person, 'id'>) => `reset:totp:${person.id}`,
} satisfies OneFactor;
