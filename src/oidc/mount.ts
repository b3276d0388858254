import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import type { Config } from '../config.js';
import { securityHeaders } from '../http/security-headers.js';
import { OIDC_PREFIX } from './provider.js';
import type { OidcRuntime } from './runtime.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;
const handlers = new WeakMap<Provider, Handler>();

/**
 * Hands a request under /oidc to the provider library, which answers it itself (it is a Koa app).
 * Fastify has already matched the route, checked for NUL characters and left the body unread; the
 * library reads it. The library is told the public URL's scheme and host, and Fastify's view of
 * the client address (which knows the trusted proxies), so the URLs it writes start with the
 * issuer whatever stands in front. Muster's own headers go on first (R37): the library's
 * answers are sent past Fastify's hooks.
 */
export function providerHandler(runtime: OidcRuntime, config: Pick<Config, 'publicUrl' | 'secureCookies'>) {
  const publicUrl = new URL(config.publicUrl);
  const headers = {
    ...securityHeaders(config),
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  };
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const provider = await runtime.provider();
    let handle = handlers.get(provider);
    if (!handle) {
      handle = provider.callback();
      handlers.set(provider, handle);
    }
    const req = request.raw as IncomingMessage & { originalUrl?: string };
    req.headers.host = publicUrl.host;
    req.headers['x-forwarded-host'] = publicUrl.host;
    req.headers['x-forwarded-proto'] = publicUrl.protocol.slice(0, -1);
    req.headers['x-forwarded-for'] = request.ip;
    req.headers['x-request-id'] = request.id;
    const url = req.url ?? '/';
    req.originalUrl = url;
    req.url = url.slice(OIDC_PREFIX.length) || '/';
    for (const [name, value] of Object.entries(headers)) reply.raw.setHeader(name, value);
    reply.hijack();
    await handle(req, reply.raw);
  };
}
