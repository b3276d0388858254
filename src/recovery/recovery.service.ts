import { AuditType, recordAudit } from '../audit/audit.js';
import type { CommunityRow } from '../communities/communities.store.js';
import type { ActingContext, Deps, RequestMeta } from '../context.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../crypto/passwords.js';
import { formatRecoveryCode, generateRecoveryCode, normaliseRecoveryCode } from '../crypto/recovery-code.js';
import { AppError } from '../errors.js';
import { localDay } from '../limits/day.js';
import { incrementIfBelow } from '../limits/limits.store.js';
import { findPersonByLogin, type PersonRow } from '../people/people.store.js';
import { parsePhone } from '../people/phone.js';
import { resolveLoginCommunity } from '../sessions/auth.service.js';
import { checkPassword, personContext } from '../sessions/password-policy.js';
import { confirmPassword } from '../sessions/reauth.js';
import { createSession, type IssuedSession } from '../sessions/sessions.service.js';
import { revokeAllSessions } from '../sessions/sessions.store.js';
import { readSettings } from '../settings/settings.schemas.js';
import { catalogueFor } from '../sms/messages.js';
import { enqueueSms } from '../sms/outbox.js';
import { RECOVERY_RULES } from '../throttle/throttle.js';

const RECOVERY_CODES_PER_DAY = 5;

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
  person: PersonRow;
  community: CommunityRow;
  otherSessionsEnded: number;
}> {
  const community = await resolveLoginCommunity(deps, communitySlug);
  const parsed = parsePhone(phone, community.default_country);
  if (!parsed.ok)
    throw new AppError(parsed.code, parsed.message, { errors: [{ path: 'phone', message: parsed.message }] });
  const minLength = readSettings(community.settings).passwordMinLength;
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
  const storedHash = person?.active && person.claimed ? person.recovery_code_hash : null;
  const codeOk = storedHash && code ? await verifyPassword(storedHash, code) : false;
  // Exactly one slow check on every path, so timing tells nothing about the number (R10).
  if (!(storedHash && code)) await burnPasswordCheck(recoveryCode);
  const fail = async (reason: string) => {
    await recordAudit(deps.db, deps.clock, ctx, {
      type: AuditType.passwordResetFailed,
      outcome: 'failure',
      target: { id: person?.id ?? null, label: person?.display_name ?? null },
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
    const updated = await tx
      .updateTable('people')
      .set((eb) => ({
        password_hash: passwordHash,
        recovery_code_hash: null,
        recovery_code_created_at: null,
        version: eb('version', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', person.id)
      .where('recovery_code_hash', '=', storedHash)
      .where('active', '=', 1)
      .returningAll()
      .executeTakeFirst();
    if (!updated) return null;
    const otherSessionsEnded = logoutOtherDevices ? await revokeAllSessions(tx, person.id, now) : 0;
    const session = await createSession(tx, deps.clock, updated, readSettings(community.settings), meta);
    await recordAudit(
      tx,
      deps.clock,
      { ...ctx, actor: { id: person.id, label: person.display_name, role: person.role } },
      {
        type: AuditType.passwordResetSucceeded,
        target: { id: person.id, label: person.display_name },
        details: { method: 'recovery_code', otherSessionsEnded, sessionId: session.id },
      },
    );
    return { session, person: updated, community, otherSessionsEnded };
  });
  if (!result) throw await fail('code_already_used');
  await throttle.clear(accountKey);
  return result;
}

/**
 * Get your recovery code (R11): after the password is re-entered, a new code replaces the old,
 * is shown once, and a text tells the worker it happened (so a thief's new code is noticed).
 */
export async function regenerateRecoveryCode({
  deps,
  ctx,
  person,
  community,
  password,
}: {
  deps: Deps;
  ctx: ActingContext;
  person: PersonRow;
  community: CommunityRow;
  password: string;
}): Promise<{ recoveryCode: string }> {
  if (person.login_kind !== 'phone' || !person.phone) {
    throw new AppError(
      'not_a_phone_account',
      'Recovery codes are for accounts that sign in with a mobile number.',
    );
  }
  await confirmPassword({
    deps,
    ctx,
    person,
    password,
    field: 'password',
    failure: AuditType.recoveryCodeFailed,
  });
  const code = generateRecoveryCode();
  const codeHash = await hashPassword(code);
  const phone = person.phone;
  await deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now().toISOString();
    // Each new code texts a notice: a cap keeps a stolen session from sending texts without end.
    const made = await incrementIfBelow(
      tx,
      `recovery_codes:${person.id}`,
      localDay(deps.clock.now(), community.time_zone),
      RECOVERY_CODES_PER_DAY,
    );
    if (made === null) {
      throw new AppError(
        'rate_limited',
        `You have made ${RECOVERY_CODES_PER_DAY} recovery codes today, the most allowed. Keep the newest one; you can make another tomorrow.`,
      );
    }
    await tx
      .updateTable('people')
      .set({ recovery_code_hash: codeHash, recovery_code_created_at: now, updated_at: now })
      .where('id', '=', person.id)
      .execute();
    const text = catalogueFor(person.locale ?? community.default_locale).recoveryCodeChanged({
      community: community.name,
    });
    await enqueueSms(tx, deps, {
      communityId: community.id,
      personId: person.id,
      to: phone,
      kind: 'recovery_code_changed',
      channel: 'self_service',
      body: text,
      preview: text,
    });
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.recoveryCodeGenerated,
      target: { id: person.id, label: person.display_name },
    });
  });
  return { recoveryCode: formatRecoveryCode(code) };
}
