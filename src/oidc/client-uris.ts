import { AppError, type FieldProblem } from '../errors.js';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\]|localhost)$/;

/**
 * Why a URI cannot be where people are sent back (after sign-in or sign-out), or null when it can:
 * https anywhere; plain http only on this computer's loopback address, where an app on a laptop
 * listens (RFC 8252); never a fragment. Anything else could hand a code to whoever is on the wire.
 */
function redirectUriProblem(uri: string): string | null {
  const url = URL.parse(uri);
  if (!url) return 'is not a URL';
  if (url.hash || uri.includes('#')) return 'must not have a #fragment';
  if (url.username || url.password) return 'must not carry a user name or password';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK.test(url.hostname)) return null;
  if (url.protocol === 'http:')
    return 'must use https (plain http only on 127.0.0.1 or [::1], for apps on this computer)';
  return 'must be an https address';
}

/**
 * Back-channel logout URIs may be plain http and on a private network: intranet apps live there,
 * and a logout token is signed, useless to anyone who reads it.
 */
function backchannelUriProblem(uri: string): string | null {
  const url = URL.parse(uri);
  if (!url) return 'is not a URL';
  if (url.hash || uri.includes('#')) return 'must not have a #fragment';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http or https address';
  return null;
}

/** Public keys only: a JWK with a private part (d, p, q, k) would hand the app's secret to Muster. */
function jwkProblem(key: Record<string, unknown>): string | null {
  if (typeof key.kty !== 'string') return 'every key needs its kty';
  if (['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'].some((part) => part in key)) {
    return 'holds a private key: register only the public half';
  }
  return null;
}

export function assertClientUris(input: {
  redirectUris?: string[] | undefined;
  postLogoutRedirectUris?: string[] | undefined;
  backchannelLogoutUri?: string | null | undefined;
  jwks?: { keys: Record<string, unknown>[] } | null | undefined;
}) {
  const found: [string, string | null][] = [
    ...(input.redirectUris ?? []).map((uri, i): [string, string | null] => [
      `redirectUris.${i}`,
      redirectUriProblem(uri),
    ]),
    ...(input.postLogoutRedirectUris ?? []).map((uri, i): [string, string | null] => [
      `postLogoutRedirectUris.${i}`,
      redirectUriProblem(uri),
    ]),
    [
      'backchannelLogoutUri',
      input.backchannelLogoutUri ? backchannelUriProblem(input.backchannelLogoutUri) : null,
    ],
    ...(input.jwks?.keys ?? []).map((key, i): [string, string | null] => [`jwks.keys.${i}`, jwkProblem(key)]),
  ];
  const errors: FieldProblem[] = found.flatMap(([path, message]) => (message ? [{ path, message }] : []));
  if (errors.length > 0) {
    const first = errors[0];
    throw new AppError(
      'oidc_client_invalid',
      `The app's ${first?.path ?? 'settings'} ${first?.message ?? 'cannot be used'}. Correct it and save again.`,
      { errors },
    );
  }
}
