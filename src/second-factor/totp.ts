import { HOTP, Secret } from 'otpauth';
import { constantTimeEqual } from '../crypto/random.js';

/**
 * TOTP (RFC 6238) as every authenticator app speaks it: HMAC-SHA1, 6 digits, 30-second steps.
 * A code is accepted for the current step and one step either side (clocks drift); the caller
 * records the step it was accepted for, so no code works twice (a code seen over a shoulder is
 * spent once its owner has used it).
 */
const TOTP_PERIOD_SECONDS = 30;
const TOTP_DIGITS = 6;
const DRIFT_STEPS = 1;

/** 160 random bits, base32: what authenticator apps store. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code for one step (digits and algorithm may vary only for the RFC's test vectors). */
export function totpCode(
  secretBase32: string,
  step: number,
  {
    digits = TOTP_DIGITS,
    algorithm = 'SHA1',
  }: { digits?: number; algorithm?: 'SHA1' | 'SHA256' | 'SHA512' } = {},
): string {
  return HOTP.generate({ secret: Secret.fromBase32(secretBase32), counter: step, digits, algorithm });
}

/** The step a typed code belongs to, within the drift allowed, or null. Spaces are forgiven. */
export function matchTotp(secretBase32: string, typed: string, at: Date): number | null {
  const code = typed.replace(/\s/g, '');
  if (!/^\d{6}$/.test(code)) return null;
  const now = totpStep(at);
  let matched: number | null = null;
  // Every candidate is computed and compared, whatever matches, so timing tells nothing.
  for (let step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
    if (constantTimeEqual(totpCode(secretBase32, step), code) && matched === null) matched = step;
  }
  return matched;
}

/** What the QR code carries: `otpauth://totp/Issuer:account?secret=…&issuer=…`. */
export function otpauthUrl({ secret, issuer, account }: { secret: string; issuer: string; account: string }) {
  return `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(account)}?${new URLSearchParams({
    secret,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_PERIOD_SECONDS),
  })}`;
}
