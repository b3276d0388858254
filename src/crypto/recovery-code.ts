import { randomBytes } from 'node:crypto';

/**
 * Recovery codes (R9): 10 characters of Crockford base32 (50 random bits), shown as ABCDE-FGHJK.
 * The alphabet has no I, L, O or U, so a code read aloud or copied from a cracked screen is
 * not misread; typing those letters anyway is forgiven the Crockford way (I, L → 1, O → 0).
 * 50 bits cannot survive an offline search of a fast hash, so codes are stored with argon2id,
 * and online guessing is throttled (R33).
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function generateRecoveryCode(): string {
  const bytes = randomBytes(10);
  let code = '';
  // 10 bytes give 10 values below 256; keep the low 5 bits of each: uniform over 32 symbols.
  for (const byte of bytes) code += ALPHABET[byte & 31];
  return code;
}

export function formatRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** The canonical 10 characters of what a person typed, or null if it cannot be a code. */
export function normaliseRecoveryCode(input: string): string | null {
  // Only ASCII letters are upper-cased: toUpperCase() would turn ß into SS and ı into I.
  const compact = input
    .replace(/[a-z]/g, (c) => c.toUpperCase())
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (compact.length !== 10) return null;
  for (const char of compact) if (!ALPHABET.includes(char)) return null;
  return compact;
}
