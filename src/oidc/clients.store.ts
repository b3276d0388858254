import type { Executor } from '../storage/db.js';
import type { OidcClientsTable } from '../storage/schema.js';

export type AuthMethod = OidcClientsTable['auth_method'];

/** A client app of a community (R60), as the domain sees it. */
export interface OidcClient {
  id: string;
  communityId: string;
  name: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  backchannelLogoutUri: string | null;
  firstParty: boolean;
  authMethod: AuthMethod;
  /** The client secret, sealed with the server key; null for public and private_key_jwt apps. */
  secretSealed: string | null;
  /** The app's public keys (a JWK set) for private_key_jwt. */
  jwks: { keys: Record<string, unknown>[] } | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  secretRotatedAt: string | null;
}

function toClient(row: OidcClientsTable): OidcClient {
  return {
    id: row.id,
    communityId: row.community_id,
    name: row.name,
    redirectUris: JSON.parse(row.redirect_uris) as string[],
    postLogoutRedirectUris: JSON.parse(row.post_logout_redirect_uris) as string[],
    backchannelLogoutUri: row.backchannel_logout_uri,
    firstParty: row.first_party === 1,
    authMethod: row.auth_method,
    secretSealed: row.secret_sealed,
    jwks: row.jwks ? (JSON.parse(row.jwks) as OidcClient['jwks']) : null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    secretRotatedAt: row.secret_rotated_at,
  };
}

function toRow(client: OidcClient): OidcClientsTable {
  return {
    id: client.id,
    community_id: client.communityId,
    name: client.name,
    redirect_uris: JSON.stringify(client.redirectUris),
    post_logout_redirect_uris: JSON.stringify(client.postLogoutRedirectUris),
    backchannel_logout_uri: client.backchannelLogoutUri,
    first_party: client.firstParty ? 1 : 0,
    auth_method: client.authMethod,
    secret_sealed: client.secretSealed,
    jwks: client.jwks ? JSON.stringify(client.jwks) : null,
    created_by: client.createdBy,
    created_at: client.createdAt,
    updated_at: client.updatedAt,
    secret_rotated_at: client.secretRotatedAt,
  };
}

export async function insertClient(db: Executor, client: OidcClient): Promise<void> {
  await db.insertInto('oidc_clients').values(toRow(client)).execute();
}

/** Saves every field of a client but its id, community, maker and creation time. */
export async function saveClient(db: Executor, client: OidcClient): Promise<void> {
  const { id: _id, community_id: _c, created_by: _b, created_at: _a, ...changes } = toRow(client);
  await db.updateTable('oidc_clients').set(changes).where('id', '=', client.id).execute();
}

/** Any community's client: the provider looks clients up by id alone. */
export async function findClientAnywhere(db: Executor, id: string): Promise<OidcClient | null> {
  const row = await db.selectFrom('oidc_clients').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toClient(row) : null;
}

export async function findClient(db: Executor, communityId: string, id: string): Promise<OidcClient | null> {
  const row = await db
    .selectFrom('oidc_clients')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toClient(row) : null;
}

/** The same, locked for a change (PostgreSQL; SQLite writes one at a time anyway). */
export async function lockClient(db: Executor, communityId: string, id: string): Promise<OidcClient | null> {
  const row = await db
    .selectFrom('oidc_clients')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ? toClient(row) : null;
}

export async function listClients(db: Executor, communityId: string): Promise<OidcClient[]> {
  const rows = await db
    .selectFrom('oidc_clients')
    .selectAll()
    .where('community_id', '=', communityId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toClient);
}

export async function countClients(db: Executor, communityId: string): Promise<number> {
  const row = await db
    .selectFrom('oidc_clients')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('community_id', '=', communityId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The apps of a community that want to hear of a logout (back-channel logout). */
export async function listBackchannelClients(db: Executor, communityId: string): Promise<OidcClient[]> {
  const rows = await db
    .selectFrom('oidc_clients')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('backchannel_logout_uri', 'is not', null)
    .execute();
  return rows.map(toClient);
}

export async function deleteClient(db: Executor, communityId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('oidc_clients')
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
