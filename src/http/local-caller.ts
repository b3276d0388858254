import type { FastifyRequest } from 'fastify';

/** Headers a reverse proxy adds to say who the real caller is. */
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'] as const;

/**
 * True when the caller is a program on this machine talking to Muster directly. The socket's
 * address, never `request.ip`: that one can come from X-Forwarded-For, which any client writes.
 * A reverse proxy on the same machine makes every remote caller's socket look local, so a request
 * that carries a proxy's headers is not direct, whatever its address.
 */
export function isDirectLocalCaller(request: FastifyRequest): boolean {
  if (PROXY_HEADERS.some((name) => request.headers[name] !== undefined)) return false;
  return isLoopback(request.socket.remoteAddress);
}

function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}
