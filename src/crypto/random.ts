import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The one source of randomness for secrets and ids. Everything secret (session tokens, setup
 * tokens, later claim tokens and codes) is drawn here from the operating system's CSPRNG.
 */

/** A URL-safe secret carrying `bytes * 8` random bits (default 256). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * A UUIDv7: time-ordered so ids sort by creation, which lets cursors page on the id alone,
 * with 74 random bits so ids cannot be guessed.
 */
export function newId(now: Date): string {
  const bytes = randomBytes(16);
  const ms = BigInt(now.getTime());
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * High-entropy tokens are stored as SHA-256: a stolen database yields no usable token, and the
 * token's 256 bits make a slow hash unnecessary (low-entropy codes use argon2 instead).
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares secrets without leaking through timing where they first differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a, 'utf8').digest();
  const right = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(left, right) && a.length === b.length;
}
