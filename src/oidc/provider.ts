import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { Deps } from '../deps.js';
import { findAccount, SCOPE_CLAIMS } from './account.js';
import { createAdapterFactory } from './adapter.js';
import { COMMUNITY_PROPERTY, FIRST_PARTY_PROPERTY } from './client-metadata.js';
import { allowRegisteredPrivateAddresses } from './fetch.js';
import { loadExistingGrant, musterInteractionPolicy } from './policy.js';
import { logoutPage, renderErrorPage, signedOutPage } from './provider-pages.js';
import type { SigningJwk } from './signing-keys.js';

export type OidcDeps = Deps;

/** Where the provider lives: discovery is at `${issuer}/.well-known/openid-configuration`. */
export const OIDC_PREFIX = '/oidc';
const issuerOf = (config: OidcDeps['config']) => `${config.publicUrl}${OIDC_PREFIX}`;
const interactionPath = (uid: string) => `${OIDC_PREFIX}/interaction/${uid}`;

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Lifetimes. ID and access tokens are short, so a key retired an hour ago signs nothing still
 * valid (signing-keys.ts); a refresh token lasts a month and is replaced at every use; a grant
 * (what the person allowed an app) lasts a year, or until the person's account ends.
 */
const TTL = {
  AccessToken: HOUR,
  AuthorizationCode: MINUTE,
  IdToken: HOUR,
  RefreshToken: 30 * DAY,
  Interaction: HOUR,
  Session: 30 * DAY,
  Grant: 365 * DAY,
};

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
    findAccount: (ctx: KoaContextWithOIDC, sub: string) => findAccount(deps.db, ctx, sub),
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
    ttl: TTL,
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
