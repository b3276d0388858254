import { AppError } from '../errors.js';
import { isCommonPassword } from './common.js';

/** Long passphrases must fit; anything longer is a mistake or an attempt to make hashing slow. */
const PASSWORD_MAX_LENGTH = 128;

/** What a guesser knows about the person: names, number, email, community. */
export interface PasswordContext {
  words: readonly (string | null | undefined)[];
  phone?: string | null | undefined;
}

const compact = (value: string) =>
  value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/**
 * R30 as NIST SP 800-63B puts it: a minimum length in code points after NFKC, a generous
 * maximum, no composition rules or expiry (they only push people to weaker patterns), and no
 * password that is on the common list or made of the person's own details.
 */
export function checkPassword(
  password: string,
  minLength: number,
  context: PasswordContext = { words: [] },
): void {
  const normalised = password.normalize('NFKC');
  const length = [...normalised].length;
  if (length < minLength) {
    throw new AppError(
      'password_too_short',
      `Choose a password of at least ${minLength} characters. A few words you will remember work well.`,
      // The number goes beside the words too, for pages that say them in another language.
      { minLength, errors: [{ path: 'password', message: `at least ${minLength} characters` }] },
    );
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw new AppError(
      'password_too_long',
      `Choose a password of at most ${PASSWORD_MAX_LENGTH} characters.`,
      {
        maxLength: PASSWORD_MAX_LENGTH,
        errors: [{ path: 'password', message: `at most ${PASSWORD_MAX_LENGTH} characters` }],
      },
    );
  }
  if (isCommonPassword(normalised)) {
    throw new AppError(
      'password_too_common',
      'That password is one of the most common ones, so it is the first an attacker tries. Choose another: a few unrelated words work well.',
      { errors: [{ path: 'password', message: 'too common' }] },
    );
  }
  if (isPersonal(normalised, context)) {
    throw new AppError(
      'password_too_personal',
      'That password is made of your name, number or company, which others can guess. Choose something else.',
      { errors: [{ path: 'password', message: 'made of your own details' }] },
    );
  }
}

/**
 * True when little is left of the password once the person's own words and digits are taken
 * out ("acme2024", "Sam Okafor!"), or when it holds their phone number. A passphrase that merely
 * contains a name ("anne walks the dog") is fine.
 */
function isPersonal(password: string, context: PasswordContext): boolean {
  let rest = compact(password);
  const phoneDigits = context.phone?.replace(/\D/g, '') ?? '';
  if (phoneDigits.length >= 7 && rest.includes(phoneDigits.slice(-7))) return true;
  const words = context.words
    .flatMap((word) => (word ?? '').split(/[\s@._-]+/))
    .map(compact)
    .filter((word) => word.length >= 3)
    .sort((a, b) => b.length - a.length);
  const whole = rest;
  for (const word of words) rest = rest.replaceAll(word, '');
  // Nothing of theirs in it: however short what is left, it is not made of their details.
  if (rest === whole) return false;
  return rest.replace(/\p{N}/gu, '').length < 4;
}

/** The context of a person in a community, for checkPassword. */
export function personContext(
  person: {
    displayName: string;
    givenName: string | null;
    familyName: string | null;
    email: string | null;
    phone: string | null;
  },
  community: { name: string; slug: string },
): PasswordContext {
  return {
    words: [
      person.displayName,
      person.givenName,
      person.familyName,
      person.email,
      community.name,
      community.slug,
      'muster',
    ],
    phone: person.phone,
  };
}
