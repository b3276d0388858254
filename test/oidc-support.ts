import { createPublicKey, verify } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as rp from 'openid-client';

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
      .filter(
        (c) =>
          path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`) || c.path === '/',
      )
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
        attributes.some(
          (a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now()),
        );
      this.cookies = this.cookies.filter((c) => !(c.name === name && c.path === path));
      if (!gone) this.cookies.push({ name, value, path });
    }
  }

  /** A cookie's value, to hand a session to a real browser. */
  cookie(name: string): string | undefined {
    return this.cookies.find((c) => c.name === name)?.value;
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
  const valid = verify(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    key,
    Buffer.from(signature, 'base64url'),
  );
  if (!valid) throw new Error('the signature does not verify');
  return {
    header: head,
    claims: JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>,
  };
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

export const CALLBACK = 'http://127.0.0.1:9/callback';

export interface Login {
  identifier: string;
  password: string;
}

/** The relying party, configured from the discovery document alone (plain http on 127.0.0.1). */
export function discover(
  issuer: URL,
  clientId: string,
  auth: rp.ClientAuth = rp.None(),
  metadata: Partial<rp.ClientMetadata> = {},
) {
  return rp.discovery(issuer, clientId, metadata, auth, { execute: [rp.allowInsecureRequests] });
}

async function json<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/**
 * Goes where the provider sends the browser, doing what Muster's pages do with the API they use:
 * on /oidc-login/…, sign in (for the app's community) and go back to the provider; on
 * /oidc-consent/…, allow or refuse. Ends when the browser is sent back to the app (its callback).
 */
export async function signInThroughMuster(
  browser: Browser,
  start: string,
  login: Login,
  consent = true,
): Promise<{ callback: URL; pages: string[] }> {
  const pages: string[] = [];
  let hop = await browser.follow(start);
  for (let step = 0; step < 4 && hop.response; step++) {
    const page = new URL(hop.url);
    pages.push(page.pathname.split('/')[1] ?? '');
    const uid = decodeURIComponent(page.pathname.split('/')[2] ?? '');
    if (page.pathname.startsWith('/oidc-login/')) {
      const details = await json<{ community: { slug: string } }>(
        await browser.fetch(`/api/v1/oidc/interactions/${uid}`),
      );
      await json(
        await browser.fetch('/api/v1/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            identifier: login.identifier,
            password: login.password,
            community: details.community.slug,
          }),
        }),
      );
      hop = await browser.follow(`/oidc/interaction/${uid}`);
    } else if (page.pathname.startsWith('/oidc-consent/')) {
      const me = await json<{ csrfToken: string }>(await browser.fetch('/api/v1/me'));
      const decided = await json<{ redirectTo: string }>(
        await browser.fetch(`/api/v1/oidc/interactions/${uid}/consent`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({ allow: consent }),
        }),
      );
      hop = await browser.follow(decided.redirectTo);
    } else {
      throw new Error(`unexpected page ${hop.url}: ${hop.response.status} ${await hop.response.text()}`);
    }
  }
  if (hop.response) throw new Error(`sign-in did not come back to the app: ${hop.url}`);
  return { callback: new URL(hop.url), pages };
}

/** An authorization request with PKCE, state and nonce, and what checking its answer needs. */
export async function authorizationRequest(
  config: rp.Configuration,
  scope: string,
  extra: Record<string, string> = {},
) {
  const verifier = rp.randomPKCECodeVerifier();
  const state = rp.randomState();
  const nonce = rp.randomNonce();
  const url = rp.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope,
    code_challenge: await rp.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...extra,
  });
  return { url, checks: { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce } };
}

/** The whole code flow: authorize, Muster's sign-in (and consent), then the code for tokens. */
export async function codeFlow(
  config: rp.Configuration,
  browser: Browser,
  login: Login,
  options: { scope?: string; consent?: boolean } = {},
) {
  const request = await authorizationRequest(
    config,
    options.scope ?? 'openid profile phone muster offline_access',
  );
  const { callback, pages } = await signInThroughMuster(
    browser,
    request.url.toString(),
    login,
    options.consent,
  );
  const tokens = await rp.authorizationCodeGrant(config, callback, request.checks);
  return { tokens, pages };
}
