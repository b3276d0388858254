import type { AdapterPayload } from 'oidc-provider';
import type { Secrets } from '../crypto/secrets.js';
import type { Db } from '../storage/db.js';
import { findClientAnywhere, type OidcClient } from './clients.store.js';

/** Muster's own facts about a client, carried on the library's client as extra metadata. */
export const COMMUNITY_PROPERTY = 'muster_community_id';
export const FIRST_PARTY_PROPERTY = 'muster_first_party';

/**
 * A client app as the provider library registers it (OpenID Connect Dynamic Client Registration
 * metadata). Apps sign in with the authorization code flow only; every app may refresh; the
 * secret is opened from its seal, as the library compares it itself.
 */
export function toClientMetadata(client: OidcClient, secrets: Pick<Secrets, 'open'>): AdapterPayload {
  return {
    client_id: client.id,
    client_name: client.name,
    redirect_uris: client.redirectUris,
    post_logout_redirect_uris: client.postLogoutRedirectUris,
    response_types: ['code'],
    grant_types: ['authorization_code', 'refresh_token'],
    token_endpoint_auth_method: client.authMethod,
    ...(client.secretSealed ? { client_secret: secrets.open(client.secretSealed) } : {}),
    ...(client.jwks ? { jwks: client.jwks } : {}),
    ...(client.backchannelLogoutUri
      ? { backchannel_logout_uri: client.backchannelLogoutUri, backchannel_logout_session_required: false }
      : {}),
    [COMMUNITY_PROPERTY]: client.communityId,
    [FIRST_PARTY_PROPERTY]: client.firstParty,
  };
}

export async function findClientMetadata(
  deps: { db: Db; secrets: Pick<Secrets, 'open'> },
  id: string,
): Promise<AdapterPayload | null> {
  const client = await findClientAnywhere(deps.db, id);
  return client ? toClientMetadata(client, deps.secrets) : null;
}

/** The community a client of the library belongs to (extra metadata keeps its own name). */
export function communityOfClient(client: { [property: string]: unknown }): string | null {
  const value = client[COMMUNITY_PROPERTY];
  return typeof value === 'string' ? value : null;
}

export const isFirstParty = (client: { [property: string]: unknown }) =>
  client[FIRST_PARTY_PROPERTY] === true;
