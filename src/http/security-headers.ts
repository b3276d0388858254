import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';

/** A year, and every subdomain: browsers then never try plain http for this host (R37). */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Headers every answer carries (R37), pages and JSON alike: no content-type sniffing (a JSON or
 * problem body can never be run as a script or page), and no window of another origin keeps a
 * handle on ours (Cross-Origin-Opener-Policy, against cross-window attacks). HSTS, so a browser
 * that has been here once never tries plain http again (no downgrade on a hostile network), only
 * when the public URL is https: a server people reach over http must not promise https.
 *
 * An onSend hook, so answers from the error handler, the not-found handler and early refusals
 * in onRequest hooks get them too.
 */
export function securityHeaders(config: Pick<Config, 'secureCookies'>): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
    ...(config.secureCookies ? { 'strict-transport-security': HSTS } : {}),
  };
}

export function registerSecurityHeaders(app: FastifyInstance, config: Pick<Config, 'secureCookies'>) {
  const headers = securityHeaders(config);
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(headers);
    return payload;
  });
}
