import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The one source of randomness for secrets and ids. Everything secret (session tokens, setup
 * tokens, later claim tokens and codes) is drawn here from the operating system's CSPRNG.
 */

/** A URL-safe secret carrying `bytes * 8` random bits (default 256). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

let lastMs = 0;
let sequence = 0;

/**
 * Ids draw their random bits from a buffer refilled 4 KiB at a time, as crypto.randomUUID does:
 * one call into the operating system per 256 ids instead of one per id, which an import of a
 * hundred thousand people (four ids each) notices. Ids are unguessable, not secret.
 */
const ID_POOL_BYTES = 4096;
let idPool = Buffer.alloc(0);
let idPoolOffset = 0;

/** `count` random bytes for an id, copied out of the pool. */
function idRandomBytes(count: number): Buffer {
  if (idPoolOffset + count > idPool.length) {
    idPool = randomBytes(ID_POOL_BYTES);
    idPoolOffset = 0;
  }
  const bytes = Buffer.allocUnsafe(count);
  idPool.copy(bytes, 0, idPoolOffset, idPoolOffset + count);
  idPoolOffset += count;
  return bytes;
}

/**
 * A UUIDv7: time-ordered so ids sort by creation, which lets cursors page on the id alone.
 * Within one millisecond a 12-bit counter (RFC 9562, method 1) keeps this process's ids in
 * creation order; 62 random bits keep them unguessable.
 */
export function newId(now: Date): string {
  let ms = Math.max(now.getTime(), lastMs);
  if (ms === lastMs) {
    sequence += 1;
    if (sequence > 0xfff) {
      ms += 1;
      sequence = 0;
    }
  } else {
    // Start low in the range so a burst within one millisecond rarely overflows it.
    sequence = idRandomBytes(1)[0] ?? 0;
  }
  lastMs = ms;
  const bytes = idRandomBytes(16);
  const time = BigInt(ms);
  for (let i = 0; i < 6; i++) bytes[i] = Number((time >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
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

/** A uniform fraction in [0, 1) from the CSPRNG, for jitter. */
export function randomFraction(): number {
  return randomBytes(6).readUIntBE(0, 6) / 2 ** 48;
}
