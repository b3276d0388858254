import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { Clock } from '../clock.js';
import type { Deps } from '../deps.js';
import { findAccount, SCOPE_CLAIMS } from './account.js';
import { createAdapterFactory } from './adapter.js';
import { COMMUNITY_PROPERTY, FIRST_PARTY_PROPERTY } from './client-metadata.js';
import { allowRegisteredPrivateAddresses } from './fetch.js';
import { lifetimesInRequest, remainingSeconds, TTL } from './lifetimes.js';
import { loadExistingGrant, musterInteractionPolicy } from './policy.js';
import { logoutPage, renderErrorPage, signedOutPage } from './provider-pages.js';
import type { SigningJwk } from './signing-keys.js';

export type OidcDeps = Deps;

/** Where the provider lives: discovery is at `${issuer}/.well-known/openid-configuration`. */
export const OIDC_PREFIX = '/oidc';
const issuerOf = (config: OidcDeps['config']) => `${config.publicUrl}${OIDC_PREFIX}`;
const interactionPath = (uid: string) => `${OIDC_PREFIX}/interaction/${uid}`;

/**
 * The provider's lifetimes (lifetimes.ts). An administrator's refresh tokens, provider sessions
 * and grants end when their Muster session would (R41): the refresh token's chain is counted from
 * the Muster sign-in it came from, and each one lasts no longer than the admin idle timeout.
 */
function lifetimes(clock: Clock) {
  type Ctx = KoaContextWithOIDC | undefined;
  return {
    ...TTL,
    RefreshToken: (ctx: Ctx, token: { authTime?: unknown; iiat?: unknown }) => {
      const admin = lifetimesInRequest(ctx);
      return admin ? remainingSeconds(admin, token.authTime ?? token.iiat, clock) : TTL.RefreshToken;
    },
    Session: (ctx: Ctx, session: { loginTs?: unknown }) => {
      const admin = lifetimesInRequest(ctx);
      return admin ? remainingSeconds(admin, session.loginTs, clock) : TTL.Session;
    },
    Grant: grantLifetime,
  };
}

/** A grant made inside the provider's request (a first-party app's); interaction.ts sets its own. */
function grantLifetime(ctx: KoaContextWithOIDC | undefined): number {
  return lifetimesInRequest(ctx)?.absolute ?? TTL.Grant;
}

/**
 * The provider (R60), built on oidc-provider, an OpenID Certified library: authorization code
 * flow with PKCE (required for public apps), discovery, JWKS, rotating refresh tokens,
 * client_secret_basic and private_key_jwt, RP-initiated and back-channel logout. Muster supplies
 * storage (its database), accounts (its people), keys (sealed), and the login (its own pages).
 */
export function createProvider(deps: OidcDeps, keys: SigningJwk[]): Provider {
  const configuration: Configuration = {
    adapter: createAdapterFactory(deps),
    jwks: { keys },
    findAccount: (ctx: KoaContextWithOIDC, sub: string, token?: { iat?: unknown }) =>
      findAccount(deps.db, ctx, sub, token),
    claims: {
      // Claims about the sign-in itself, in every ID token: how (password, and code), when.
      acr: null,
      amr: null,
      auth_time: null,
      sid: null,
      iss: null,
      ...Object.fromEntries(Object.entries(SCOPE_CLAIMS).map(([scope, claims]) => [scope, [...claims]])),
    },
    scopes: ['openid', 'offline_access', ...Object.keys(SCOPE_CLAIMS)],
    responseTypes: ['code'],
    clientAuthMethods: ['none', 'client_secret_basic', 'private_key_jwt'],
    extraClientMetadata: { properties: [COMMUNITY_PROPERTY, FIRST_PARTY_PROPERTY] },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource: logoutPage, postLogoutSuccessSource: signedOutPage },
      backchannelLogout: { enabled: true },
      revocation: { enabled: true },
    },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => interactionPath(interaction.uid),
      policy: musterInteractionPolicy(deps),
    },
    loadExistingGrant,
    rotateRefreshToken: true,
    ttl: lifetimes(deps.clock),
    // Signed with a key derived from the server key, so every server reads every other's.
    cookies: {
      keys: [deps.secrets.mac('oidc-provider-cookies')],
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    renderError: renderErrorPage,
    fetch: allowRegisteredPrivateAddresses,
  };
  const provider = new Provider(issuerOf(deps.config), configuration);
  // The mount (oidc.routes.ts) tells the library the public URL's scheme and host, whatever
  // proxies stand in front: every URL it writes then starts with the issuer.
  provider.proxy = true;
  return provider;
}
