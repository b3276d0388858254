import { randomBytes } from 'node:crypto';

/**
 * Access codes (R21): 16 letters for a worker with neither email nor phone, printed on a sheet
 * and typed on a cheap phone. Letters only, upper case, without I, L, O and U, so nothing is
 * misread as a digit or another letter when copied by hand (22 letters: 71 random bits, far
 * beyond what throttled online guessing can reach). Shown as ABCD-EFGH-JKMN-PQRS; spaces,
 * dashes and lower case are forgiven when typed.
 */
export const ACCESS_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ';
const ACCESS_CODE_LENGTH = 16;

/** Bytes at or above this would make some letters likelier than others (256 = 11 × 22 + 14). */
const UNBIASED_BELOW = 256 - (256 % ACCESS_CODE_ALPHABET.length);

export function generateAccessCode(): string {
  let code = '';
  while (code.length < ACCESS_CODE_LENGTH) {
    for (const byte of randomBytes(ACCESS_CODE_LENGTH * 2)) {
      if (byte >= UNBIASED_BELOW || code.length === ACCESS_CODE_LENGTH) continue;
      code += ACCESS_CODE_ALPHABET[byte % ACCESS_CODE_ALPHABET.length];
    }
  }
  return code;
}

/** ABCD-EFGH-JKMN-PQRS: groups of four are easier to read out and to copy from paper. */
export function formatAccessCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** The canonical 16 letters of what a person typed, or null if it cannot be an access code. */
export function normaliseAccessCode(input: string): string | null {
  // Only ASCII letters are upper-cased: toUpperCase() would turn ß into SS and ı into I. Phone
  // keyboards turn a typed dash into a Unicode one (‐ – —): those are separators too.
  const compact = input.replace(/[a-z]/g, (c) => c.toUpperCase()).replace(/[\s\-\u2010-\u2015]/g, '');
  if (compact.length !== ACCESS_CODE_LENGTH) return null;
  for (const char of compact) if (!ACCESS_CODE_ALPHABET.includes(char)) return null;
  return compact;
}
