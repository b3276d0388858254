import { AuditType } from '../audit/audit.js';
import { recordRefusal } from '../audit/refusals.js';
import { trustedDeviceKey } from '../auth/device-cookie.js';
import type { SignedIn } from '../auth/login.js';
import { resolveSignInCommunity } from '../communities/sign-in-community.js';
import type { ActingContext, RequestMeta } from '../context.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../crypto/passwords.js';
import { normaliseRecoveryCode } from '../crypto/recovery-code.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { checkPassword, personContext } from '../passwords/policy.js';
import { findPersonByLogin } from '../people/people.store.js';
import { parsePhone } from '../phone/phone.js';
import { type OneFactor, requireSecondFactor } from '../second-factor/beside-one-factor.js';
import { accountThrottleKeys, RECOVERY_RULES, type ThrottleKey } from '../throttle/throttle.js';
import { resetPasswordWithCode } from './reset-with-code.js';

/**
 * One answer for every way a reset can fail (R10): unknown number, unclaimed or deactivated
 * account, no code, wrong code. Telling them apart would let anyone probe who has an account.
 */
const RECOVERY_FAILED = () =>
  new AppError(
    'recovery_failed',
    'That mobile number and recovery code do not match. Check both and try again; if you have lost your code, ask your admin to reset your account.',
  );

export interface RecoverArgs {
  deps: Deps;
  communitySlug: string | undefined;
  phone: string;
  recoveryCode: string;
  /** For an account with an authenticator (an admin): its code or a backup code, too (R40). */
  totp?: string | undefined;
  newPassword: string;
  logoutOtherDevices: boolean;
  deviceToken: string | null;
  meta: RequestMeta;
}

/**
 * Forgot password (R10): checks the recovery code, sets the new password and signs the worker in.
 * Guesses are counted per account (or per account and browser that signed in before) and per
 * client address, where a success takes its count back (R33). An admin's text-message code alone
 * never regains an admin account (R40).
 */
export async function recoverPassword(args: RecoverArgs): Promise<SignedIn & { otherSessionsEnded: number }> {
  const { deps, meta } = args;
  const community = await resolveSignInCommunity(deps.db, args.communitySlug);
  const parsed = parsePhone(args.phone, community.defaultCountry);
  if (!parsed.ok)
    throw new AppError(parsed.code, parsed.message, { errors: [{ path: 'phone', message: parsed.message }] });
  // Only what the caller already knows goes in now; the person's own details are checked once
  // the code has proved who they are, so the answer reveals nothing about the account.
  checkPassword(args.newPassword, community.settings.passwordMinLength, {
    words: [community.name, community.slug, 'muster'],
    phone: parsed.e164,
  });
  const ctx: ActingContext = { communityId: community.id, actor: null, meta };
  const person = await findPersonByLogin(deps.db, community.id, 'phone', parsed.e164);
  const deviceKey = await trustedDeviceKey(deps.db, args.deviceToken, person?.id);
  const account: ThrottleKey = deviceKey
    ? { key: `recover:${deviceKey}`, rule: RECOVERY_RULES.device }
    : { key: accountThrottleKeys.recovery(community.id, parsed.e164), rule: RECOVERY_RULES.account };
  const client: ThrottleKey = { key: `recover:client:${meta.ip ?? 'unknown'}`, rule: RECOVERY_RULES.client };
  const fail = (reason: string, error: AppError = RECOVERY_FAILED()): Promise<never> =>
    recordRefusal(deps.db, deps.clock, ctx, {
      type: AuditType.passwordResetFailed,
      target: { id: person?.id ?? null, label: person?.displayName ?? null },
      details: { reason },
    }).then(() => Promise.reject(error));
  try {
    await deps.throttle.attempt([account, client]);
  } catch (error) {
    if (error instanceof AppError) await fail('throttled', error);
    throw error;
  }
  const code = normaliseRecoveryCode(args.recoveryCode);
  const storedHash = person?.active && person.claimed ? person.recoveryCodeHash : null;
  const codeOk = storedHash && code ? await verifyPassword(storedHash, code) : false;
  // Exactly one slow check on every path, so timing tells nothing about the number (R10).
  if (!(storedHash && code)) await burnPasswordCheck(args.recoveryCode);
  if (!person || !storedHash || !codeOk) {
    return fail(!person ? 'unknown_number' : !storedHash ? 'no_usable_code' : 'wrong_code');
  }
  await requireSecondFactor(args, TEXTED_CODE, { person, community }, fail);
  checkPassword(args.newPassword, community.settings.passwordMinLength, personContext(person, community));
  const result = await resetPasswordWithCode({
    ...args,
    ctx,
    person,
    community,
    storedHash,
    passwordHash: await hashPassword(args.newPassword),
    succeeded: { forget: [account.key], refund: [client.key] },
  });
  if (!result) return fail('code_already_used');
  return result;
}

/**
 * R40: the code in a text message is one factor. Its attempt is counted before it is checked, so
 * guesses at the authenticator code beside it are counted with it.
 */
const TEXTED_CODE: OneFactor = { name: 'a text-message code' };
