import type { Person } from '../people/person.js';
import type { OneFactor } from '../second-factor/beside-one-factor.js';

/**
 * R40: an access code is one factor. Guesses at an authenticator code through it are counted per
 * account; an account not yet claimed claims with it, and sets its authenticator up at its first
 * sign-in.
 */
export const ACCESS_CODE = {
  name: 'an access code',
  guessesKey: (person: Pick<Person, 'id'>) => `access-code:totp:${person.id}`,
  unclaimedMayEnrol: true,
} satisfies OneFactor;
