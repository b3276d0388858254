import { AuditType, recordAudit } from '../audit/audit.js';
import type { Community } from '../communities/community.js';
import { resolveSignInCommunity } from '../communities/sign-in-community.js';
import type { ActingContext, RequestMeta } from '../context.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../crypto/passwords.js';
import { normaliseRecoveryCode } from '../crypto/recovery-code.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { checkPassword, personContext } from '../passwords/policy.js';
import { findPersonByLogin, updatePerson } from '../people/people.store.js';
import type { Person } from '../people/person.js';
import { parsePhone } from '../phone/phone.js';
import { type IssuedSession, issueSession } from '../sessions/issue-session.js';
import { revokeAllSessions } from '../sessions/sessions.store.js';
import { RECOVERY_RULES } from '../throttle/throttle.js';

/**
 * One answer for every way a reset can fail (R10): unknown number, unclaimed or deactivated
 * account, no code, wrong code. Telling them apart would let anyone probe who has an account.
 */
const RECOVERY_FAILED = () =>
  new AppError(
    'recovery_failed',
    'That mobile number and recovery code do not match. Check both and try again; if you have lost your code, ask your admin to reset your account.',
  );

/**
 * Forgot password (R10): checks the recovery code, sets the new password and signs the worker in.
 * The code is single use (R9): it is cleared by an update conditional on the very hash that was
 * verified, so of several parallel uses exactly one succeeds.
 */
export async function recoverPassword({
  deps,
  communitySlug,
  phone,
  recoveryCode,
  newPassword,
  logoutOtherDevices,
  meta,
}: {
  deps: Deps;
  communitySlug: string | undefined;
  phone: string;
  recoveryCode: string;
  newPassword: string;
  logoutOtherDevices: boolean;
  meta: RequestMeta;
}): Promise<{
  session: IssuedSession;
  person: Person;
  community: Community;
  otherSessionsEnded: number;
}> {
  const community = await resolveSignInCommunity(deps.db, communitySlug);
  const parsed = parsePhone(phone, community.defaultCountry);
  if (!parsed.ok)
    throw new AppError(parsed.code, parsed.message, { errors: [{ path: 'phone', message: parsed.message }] });
  const minLength = community.settings.passwordMinLength;
  // Only what the caller already knows goes in now; the person's own details are checked once
  // the code has proved who they are, so the answer reveals nothing about the account.
  checkPassword(newPassword, minLength, {
    words: [community.name, community.slug, 'muster'],
    phone: parsed.e164,
  });
  const ctx: ActingContext = { communityId: community.id, actor: null, meta };
  const accountKey = `recover:account:${community.id}:${parsed.e164}`;
  const throttle = deps.throttle;
  await throttle.attempt([
    { key: accountKey, rule: RECOVERY_RULES.account },
    { key: `recover:client:${meta.ip ?? 'unknown'}`, rule: RECOVERY_RULES.client },
  ]);

  const person = await findPersonByLogin(deps.db, community.id, 'phone', parsed.e164);
  const code = normaliseRecoveryCode(recoveryCode);
  const storedHash = person?.active && person.claimed ? person.recoveryCodeHash : null;
  const codeOk = storedHash && code ? await verifyPassword(storedHash, code) : false;
  // Exactly one slow check on every path, so timing tells nothing about the number (R10).
  if (!(storedHash && code)) await burnPasswordCheck(recoveryCode);
  const fail = async (reason: string) => {
    await recordAudit(deps.db, deps.clock, ctx, {
      type: AuditType.passwordResetFailed,
      outcome: 'failure',
      target: { id: person?.id ?? null, label: person?.displayName ?? null },
      details: { reason },
    });
    return RECOVERY_FAILED();
  };
  if (!person || !storedHash || !codeOk)
    throw await fail(!person ? 'unknown_number' : !storedHash ? 'no_usable_code' : 'wrong_code');

  checkPassword(newPassword, minLength, personContext(person, community));
  const passwordHash = await hashPassword(newPassword);
  const result = await deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now().toISOString();
    const updated = await updatePerson(
      tx,
      person.id,
      { passwordHash, recoveryCodeHash: null, recoveryCodeCreatedAt: null, updatedAt: now },
      { recoveryCodeHash: storedHash, active: true },
    );
    if (!updated) return null;
    const otherSessionsEnded = logoutOtherDevices ? await revokeAllSessions(tx, person.id, now) : 0;
    const session = await issueSession(tx, deps.clock, updated, community.settings, meta);
    await recordAudit(
      tx,
      deps.clock,
      { ...ctx, actor: { id: person.id, label: person.displayName, role: person.role } },
      {
        type: AuditType.passwordResetSucceeded,
        target: { id: person.id, label: person.displayName },
        details: { method: 'recovery_code', otherSessionsEnded, sessionId: session.id },
      },
    );
    return { session, person: updated, community, otherSessionsEnded };
  });
  if (!result) throw await fail('code_already_used');
  await throttle.clear(accountKey);
  return result;
}
