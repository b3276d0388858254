import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';

export function sessionCookieName(secure: boolean): string {
  // __Host- binds the cookie to this exact origin over https; browsers refuse it on http.
  return secure ? '__Host-muster_session' : 'muster_session';
}

export function readSessionCookie(request: FastifyRequest, config: Pick<Config, 'secureCookies'>) {
  return request.cookies[sessionCookieName(config.secureCookies)];
}

export function setSessionCookie(
  reply: FastifyReply,
  config: Pick<Config, 'secureCookies'>,
  token: string,
  expiresAt: string,
) {
  reply.setCookie(sessionCookieName(config.secureCookies), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Pick<Config, 'secureCookies'>) {
  reply.clearCookie(sessionCookieName(config.secureCookies), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
  });
}
