import { createPublicKey, verify } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Free ports on 127.0.0.1, found before the apps that must know their own URL are built. */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Server>((resolve) => {
          const server = createServer();
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

interface Cookie {
  name: string;
  value: string;
  path: string;
}

/**
 * A browser as far as sign-in needs one: it keeps cookies (by name and path, as browsers match
 * them), sends them where their path applies, and lets the test follow each redirect by hand.
 */
export class Browser {
  private cookies: Cookie[] = [];

  constructor(private readonly origin: string) {}

  private cookieHeader(path: string): string {
    return this.cookies
      .filter((c) => path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`) || c.path === '/')
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  private keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const gone =
        value === '' ||
        attributes.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now()));
      this.cookies = this.cookies.filter((c) => !(c.name === name && c.path === path));
      if (!gone) this.cookies.push({ name, value, path });
    }
  }

  has(name: string): boolean {
    return this.cookies.some((c) => c.name === name);
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url, this.origin);
    const headers = new Headers(init.headers);
    const cookie = target.origin === this.origin ? this.cookieHeader(target.pathname) : '';
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    if (target.origin === this.origin) this.keep(response);
    return response;
  }

  /** Follows redirects on this server until one leaves it (to an app) or an answer is not a redirect. */
  async follow(url: string): Promise<{ url: string; response: Response | null }> {
    let next = new URL(url, this.origin).toString();
    for (let hops = 0; hops < 10; hops++) {
      if (new URL(next).origin !== this.origin) return { url: next, response: null };
      const response = await this.fetch(next);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { url: next, response };
      next = new URL(location, next).toString();
    }
    throw new Error(`too many redirects from ${url}`);
  }
}

/** A JWT's parts, decoded; its signature checked against a JWK set (RS256). */
export function verifyJwt(token: string, jwks: { keys: ({ kid?: string } & Record<string, unknown>)[] }) {
  const [header = '', payload = '', signature = ''] = token.split('.');
  const head = JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string; alg: string };
  const jwk = jwks.keys.find((key) => key.kid === head.kid);
  if (!jwk) throw new Error(`no key ${head.kid} in the JWKS`);
  if (head.alg !== 'RS256') throw new Error(`unexpected alg ${head.alg}`);
  const key = createPublicKey({ key: jwk as never, format: 'jwk' });
  const valid = verify('sha256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'));
  if (!valid) throw new Error('the signature does not verify');
  return { header: head, claims: JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown> };
}

/** An app's back-channel logout endpoint: a real server on 127.0.0.1 that keeps what it is sent. */
export async function logoutReceiver(status = 200) {
  const tokens: string[] = [];
  let answer = status;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const token = new URLSearchParams(body).get('logout_token');
      if (token) tokens.push(token);
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/backchannel-logout`,
    tokens,
    answerWith(code: number) {
      answer = code;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
