import type { Community } from '../communities/community.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Person } from '../people/person.js';
import { secondFactorStatus } from '../second-factor/policy.js';
import { verifySecondFactor } from '../second-factor/verify.js';
import { RECOVERY_RULES } from '../throttle/throttle.js';

/** Guesses at an authenticator code through an access code are counted per account. */
export const secondFactorKey = (person: Pick<Person, 'id'>) => `access-code:totp:${person.id}`;

/**
 * R40: an access code is one factor, like a recovery code or an emailed link. An account with an
 * authenticator needs its code (or a backup code) too, whether the code claims or recovers it; a
 * claimed account that must have one and has none yet cannot be recovered by a code at all. An
 * unclaimed one may be claimed, and sets it up at its first sign-in.
 */
export async function checkSecondFactor(
  { deps, totp }: { deps: Deps; totp?: string | undefined },
  person: Person,
  community: Community,
  refuse: (reason: string, error: AppError) => Promise<never>,
): Promise<void> {
  const status = secondFactorStatus(person, community);
  if (status === 'not_required') return;
  if (status === 'enrollment_required') {
    if (!person.claimed) return;
    await refuse(
      'second_factor_missing',
      new AppError(
        'recovery_not_allowed',
        'This is an administrator account, and an access code alone cannot reset it. Ask a system admin to reset your account to unclaimed.',
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
  await deps.throttle.attempt([{ key: secondFactorKey(person), rule: RECOVERY_RULES.account }]);
  if (!(await verifySecondFactor(deps.db, deps, person, totp))) {
    await refuse(
      'wrong_second_factor',
      new AppError('totp_invalid', 'That authenticator code is not right, or was already used.', {
        errors: [{ path: 'totp', message: 'does not match' }],
      }),
    );
  }
}
