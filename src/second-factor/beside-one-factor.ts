import type { Community } from '../communities/community.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Person } from '../people/person.js';
import { RECOVERY_RULES } from '../throttle/throttle.js';
import { secondFactorStatus } from './policy.js';
import { verifySecondFactor } from './verify.js';

/** What regains an account without its password: one factor, which names itself in refusals. */
export interface OneFactor {
  /** As a person reads it: "an access code", "an emailed link", "a text-message code". */
  name: string;
  /**
   * Where guesses at the authenticator code are counted per account, when the factor's own count
   * does not already cover them (a text-message code's attempt is counted before it is checked).
   */
  guessesKey?: ((person: Pick<Person, 'id'>) => string) | undefined;
  /** An account not yet claimed goes on without one: it sets one up at its first sign-in. */
  unclaimedMayEnrol?: boolean | undefined;
}

/**
 * R40: an access code, an emailed link or a text-message code is one factor. An account that must
 * have a second factor needs its authenticator code (or a backup code) beside it; a claimed
 * account that must have one and has none yet cannot be regained by that factor at all. `refuse`
 * records the refusal and throws the error it is given.
 */
export async function requireSecondFactor(
  { deps, totp }: { deps: Deps; totp?: string | undefined },
  factor: OneFactor,
  { person, community }: { person: Person; community: Community },
  refuse: (reason: string, error: AppError) => Promise<never>,
): Promise<void> {
  const status = secondFactorStatus(person, community);
  if (status === 'not_required') return;
  if (status === 'enrollment_required') {
    if (factor.unclaimedMayEnrol && !person.claimed) return;
    await refuse(
      'second_factor_missing',
      new AppError(
        'recovery_not_allowed',
        `This is an administrator account, and ${factor.name} alone cannot reset it. Ask another system admin to reset your account to unclaimed.`,
      ),
    );
  }
  if (totp === undefined || totp.trim() === '') {
    throw new AppError(
      'second_factor_required',
      'This is an administrator account: enter the 6-digit code from your authenticator app (or a backup code) too.',
      { errors: [{ path: 'totp', message: 'required for this account' }] },
    );
  }
  if (factor.guessesKey) {
    await deps.throttle.attempt([{ key: factor.guessesKey(person), rule: RECOVERY_RULES.account }]);
  }
  if (!(await verifySecondFactor(deps.db, deps, person, totp))) {
    await refuse(
      'wrong_second_factor',
      new AppError('totp_invalid', 'That authenticator code is not right, or was already used.', {
        errors: [{ path: 'totp', message: 'does not match' }],
      }),
    );
  }
}
