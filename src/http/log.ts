import type { FastifyRequest } from 'fastify';

/**
 * Secrets travel in some URLs (the setup link's token; later claim links). Logs keep the
 * shape of the URL and lose the secret.
 */
export function redactUrl(url: string): string {
  return url
    .replace(/([?&](?:token|code|secret)=)[^&#]*/gi, '$1[redacted]')
    .replace(/(\/claim\/)[^/?#]+/g, '$1[redacted]');
}

export const logRedactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
];

export const logSerializers = {
  req(request: FastifyRequest) {
    return { method: request.method, url: redactUrl(request.url), remoteAddress: request.ip };
  },
};
