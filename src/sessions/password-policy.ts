import { AppError } from '../errors.js';

/** Long passphrases must fit; anything longer is a mistake or an attempt to make hashing slow. */
export const PASSWORD_MAX_LENGTH = 128;

/**
 * R30 as NIST SP 800-63B puts it: a minimum length in code points after NFKC, a generous
 * maximum, and no composition rules or expiry, which only push people to weaker patterns.
 */
export function checkPassword(password: string, minLength: number): void {
  const length = [...password.normalize('NFKC')].length;
  if (length < minLength) {
    throw new AppError(
      'password_too_short',
      `Choose a password of at least ${minLength} characters. A few words you will remember work well.`,
      { errors: [{ path: 'password', message: `at least ${minLength} characters` }] },
    );
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw new AppError(
      'password_too_long',
      `Choose a password of at most ${PASSWORD_MAX_LENGTH} characters.`,
      {
        errors: [{ path: 'password', message: `at most ${PASSWORD_MAX_LENGTH} characters` }],
      },
    );
  }
}
