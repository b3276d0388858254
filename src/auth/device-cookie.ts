import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { hashToken, randomToken } from '../crypto/random.js';
import type { Executor } from '../storage/db.js';
import { isTrustedDevice, trustDevice } from './trusted-devices.store.js';

/**
 * Device cookies, as OWASP recommends against account lockout abuse (R33): a browser that signed
 * in to an account once carries a random token, and the server remembers the pair. Guesses from
 * such a browser count against its own allowance, not the account's, so a stranger who knows a
 * worker's number and locks the account from elsewhere does not lock the worker's own phone out.
 * One token per browser; a shared phone is trusted for each account that signed in on it.
 */
const DEVICE_COOKIE_DAYS = 400;

function cookieName(secure: boolean) {
  return secure ? '__Host-muster_device' : 'muster_device';
}

export function readDeviceToken(
  request: FastifyRequest,
  config: Pick<Config, 'secureCookies'>,
): string | null {
  const token = request.cookies[cookieName(config.secureCookies)];
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

/** The throttle key of this browser for this person, if the browser signed in to them before. */
export async function trustedDeviceKey(
  db: Executor,
  token: string | null,
  personId: string | undefined,
): Promise<string | null> {
  if (!token || !personId) return null;
  const tokenHash = hashToken(token);
  return (await isTrustedDevice(db, tokenHash, personId)) ? `device:${tokenHash}:${personId}` : null;
}

/** Remembers this browser for this person after a success; returns the token for the cookie. */
export async function rememberDevice(
  db: Executor,
  token: string | null,
  person: { id: string; communityId: string },
  now: string,
): Promise<string> {
  const deviceToken = token ?? randomToken(32);
  await trustDevice(db, {
    tokenHash: hashToken(deviceToken),
    personId: person.id,
    communityId: person.communityId,
    now,
  });
  return deviceToken;
}

export function setDeviceCookie(reply: FastifyReply, config: Pick<Config, 'secureCookies'>, token: string) {
  reply.setCookie(cookieName(config.secureCookies), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    maxAge: DEVICE_COOKIE_DAYS * 86_400,
  });
}
