import type { Community } from '../communities/community.js';
import type { ActingContext } from '../context.js';
import type { Secrets } from '../crypto/secrets.js';
import { AppError } from '../errors.js';
import type { Person } from '../people/person.js';
import type { ThrottleRule } from '../throttle/throttle.js';
import type { StoredAccessCode } from './access-codes.store.js';

/** An access code lives 90 days (R21): long enough to hand a printed sheet round a site. */
export const ACCESS_CODE_LIFETIME_DAYS = 90;

export const ACCESS_CODE_RULES = {
  /**
   * Per client address, failures only: a code carries 71 bits, so this only stops a client
   * hammering the form. A whole shift redeeming codes from one shop Wi-Fi is never held back,
   * since every success takes its count back (R33).
   */
  client: { limit: 50, windowMinutes: 15, firstLockoutMinutes: 15, maxLockoutMinutes: 24 * 60 },
} satisfies Record<string, ThrottleRule>;

/**
 * The code's lookup key. The code is found without a username, so it needs a deterministic
 * hash; keyed with the server's secret, so a stolen database cannot be searched offline (R32).
 */
export function accessCodeHash(secrets: Pick<Secrets, 'mac'>, code: string): string {
  return secrets.mac(`access-code:${code}`);
}

/** Access codes are for people with neither email nor phone (R21). */
export function assertAccessCodeAccount(person: Person) {
  if (person.loginKind === 'username') return;
  throw new AppError(
    'not_an_access_code_account',
    person.loginKind === 'phone'
      ? 'This person signs in with a mobile number: they get in with the invitation text and reset their password with their recovery code. Access codes are for people with neither email nor phone.'
      : 'This person signs in with an email address: they get in with the invitation email and reset their password by email. Access codes are for people with neither email nor phone.',
  );
}

/**
 * A code is a way into the account it is for. Into an account that can act on other people's
 * (an account manager, an analyst), only a system admin may make or cancel one: an account
 * manager could otherwise take over a fellow account manager's account (R40).
 */
export function assertMayHandOutCodeFor(ctx: ActingContext, person: Person) {
  if (person.role === 'member' || ctx.actor?.role === 'system_admin') return;
  throw new AppError(
    'target_outranks_actor',
    'Only a system admin can make or cancel an access code for an account manager or an analyst. Ask a system admin.',
  );
}

export function assertAccessCodesEnabled(community: Pick<Community, 'settings'>) {
  if (community.settings.accessCodeProfilesEnabled) return;
  throw new AppError(
    'access_code_profiles_disabled',
    'Profile creation with access codes is turned off in this community. A system admin can turn it on in Settings.',
  );
}

const ASK_ADMIN = 'Ask your admin for a new access code.';

/** What the worker hears about a code that cannot be redeemed at all (unknown, or mistyped). */
export function invalidCode(): AppError {
  return new AppError(
    'access_code_invalid',
    `This access code is not valid. Check that you typed all 16 letters as printed; spaces and dashes do not matter. If it still does not work, ${ASK_ADMIN.toLowerCase()}`,
    { errors: [{ path: 'accessCode', message: 'not a valid access code' }] },
  );
}

export function usedCode(): AppError {
  return new AppError(
    'access_code_used',
    `This access code has already been used. If you chose a username and password with it, sign in with them. Otherwise ${ASK_ADMIN.toLowerCase()}`,
  );
}

/**
 * Why a code that was found cannot be used now, in words a worker understands, or null. A code
 * made before the account was deactivated counts as cancelled: reactivation does not revive it.
 */
export function accessCodeProblem(person: Person, code: StoredAccessCode, now: string): AppError | null {
  if (code.usedAt) return usedCode();
  if (code.revokedAt || !person.active || code.generation !== person.invitationGeneration) {
    return new AppError('access_code_revoked', `This access code was cancelled by your admin. ${ASK_ADMIN}`);
  }
  if (code.expiresAt <= now) {
    return new AppError(
      'access_code_expired',
      `This access code expired on ${code.expiresAt.slice(0, 10)}. ${ASK_ADMIN}`,
      { expiresAt: code.expiresAt },
    );
  }
  return null;
}
