import type { AdapterPayload } from 'oidc-provider';
import { AuditType, recordAudit } from '../audit/audit.js';
import { lockCommunity } from '../communities/communities.store.js';
import { type ActingContext, actingPersonId } from '../context.js';
import { randomToken } from '../crypto/random.js';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { toClientMetadata } from './client-metadata.js';
import { assertClientUris } from './client-uris.js';
import {
  countClients,
  deleteClient,
  findClient,
  insertClient,
  listClients,
  lockClient,
  type OidcClient,
  saveClient,
} from './clients.store.js';
import type { ClientChanges, ClientInput } from './oidc.schemas.js';

/**
 * Apps one community may register. Far more than a company runs, and a bound on what one system
 * admin can make Muster call: every app with a back-channel logout URI is one more address
 * Muster posts to (docs/oidc.md).
 */
const MAX_CLIENTS_PER_COMMUNITY = 50;

/** Checks an app's metadata as the provider library will read it (it refuses what it cannot serve). */
export type ValidateMetadata = (metadata: AdapterPayload) => Promise<void>;

type ClientArgs = { deps: Deps; ctx: ActingContext; validate: ValidateMetadata };

export function toClientView(client: OidcClient) {
  return {
    clientId: client.id,
    name: client.name,
    redirectUris: client.redirectUris,
    postLogoutRedirectUris: client.postLogoutRedirectUris,
    backchannelLogoutUri: client.backchannelLogoutUri,
    firstParty: client.firstParty,
    public: client.authMethod === 'none',
    tokenEndpointAuthMethod: client.authMethod,
    createdAt: client.createdAt,
    updatedAt: client.updatedAt,
    secretRotatedAt: client.secretRotatedAt,
  };
}

async function assertLibraryAccepts(client: OidcClient, secret: string | null, validate: ValidateMetadata) {
  try {
    await validate(toClientMetadata(client, { open: () => secret ?? '' }));
  } catch (error) {
    const reason = (error as { error_description?: string; message?: string }).error_description;
    throw new AppError(
      'oidc_client_invalid',
      `These settings cannot be used for an OpenID Connect app: ${reason ?? (error as Error).message}. Correct them and save again.`,
    );
  }
}

/**
 * Registers a client app of the caller's community (R60). A confidential app gets a secret
 * (client_secret_basic), shown once here and kept sealed, unless it registers public keys
 * (private_key_jwt); a public app (mobile, single-page) has neither and must use PKCE.
 */
export async function createClient({ deps, ctx, validate, input }: ClientArgs & { input: ClientInput }) {
  assertClientUris(input);
  if (input.public && input.jwks) {
    throw new AppError(
      'oidc_client_invalid',
      'A public app cannot sign in with keys. Leave out the keys, or make it a confidential app.',
    );
  }
  const now = deps.clock.now().toISOString();
  const authMethod = input.public ? 'none' : input.jwks ? 'private_key_jwt' : 'client_secret_basic';
  const secret = authMethod === 'client_secret_basic' ? randomToken(32) : null;
  const client: OidcClient = {
    id: randomToken(16),
    communityId: ctx.communityId,
    name: input.name,
    redirectUris: [...new Set(input.redirectUris)],
    postLogoutRedirectUris: [...new Set(input.postLogoutRedirectUris ?? [])],
    backchannelLogoutUri: input.backchannelLogoutUri ?? null,
    firstParty: input.firstParty,
    authMethod,
    secretSealed: secret ? deps.secrets.seal(secret) : null,
    jwks: input.jwks ? { keys: input.jwks.keys } : null,
    createdBy: actingPersonId(ctx.actor),
    createdAt: now,
    updatedAt: now,
    secretRotatedAt: null,
  };
  await assertLibraryAccepts(client, secret, validate);
  await deps.db.transaction().execute(async (tx) => {
    // Locked, so two registrations at once cannot both take the last place.
    await lockCommunity(tx, ctx.communityId);
    if ((await countClients(tx, ctx.communityId)) >= MAX_CLIENTS_PER_COMMUNITY) {
      throw new AppError(
        'oidc_client_limit',
        `A community can have at most ${MAX_CLIENTS_PER_COMMUNITY} apps. Remove an app you no longer use, then register this one.`,
        { limit: MAX_CLIENTS_PER_COMMUNITY },
      );
    }
    await insertClient(tx, client);
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.appRegistered,
      target: { id: client.id, label: client.name },
      details: { ...describe(client) },
    });
  });
  return { client, secret };
}

/** Facts about an app for the audit log: never its secret. */
function describe(client: OidcClient) {
  return {
    redirectUris: client.redirectUris,
    postLogoutRedirectUris: client.postLogoutRedirectUris,
    backchannelLogoutUri: client.backchannelLogoutUri,
    firstParty: client.firstParty,
    tokenEndpointAuthMethod: client.authMethod,
  };
}

export function listClientsOf({ deps, communityId }: { deps: Deps; communityId: string }) {
  return listClients(deps.db, communityId);
}

export async function findClientOrThrow({
  deps,
  communityId,
  id,
}: {
  deps: Deps;
  communityId: string;
  id: string;
}) {
  const client = await findClient(deps.db, communityId, id);
  if (!client) throw notFound('The app');
  return client;
}

/** Changes an app's settings; how it authenticates (public, secret or keys) stays as registered. */
export async function updateClient({
  deps,
  ctx,
  validate,
  id,
  changes,
}: ClientArgs & { id: string; changes: ClientChanges }) {
  assertClientUris(changes);
  return deps.db.transaction().execute(async (tx) => {
    const current = await lockClient(tx, ctx.communityId, id);
    if (!current) throw notFound('The app');
    if (changes.jwks !== undefined && current.authMethod !== 'private_key_jwt') {
      throw new AppError(
        'oidc_client_invalid',
        'Only an app registered with keys (private_key_jwt) has keys to change. Register a new app to switch.',
      );
    }
    const updated: OidcClient = {
      ...current,
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.redirectUris ? { redirectUris: [...new Set(changes.redirectUris)] } : {}),
      ...(changes.postLogoutRedirectUris
        ? { postLogoutRedirectUris: [...new Set(changes.postLogoutRedirectUris)] }
        : {}),
      ...(changes.backchannelLogoutUri !== undefined
        ? { backchannelLogoutUri: changes.backchannelLogoutUri }
        : {}),
      ...(changes.firstParty !== undefined ? { firstParty: changes.firstParty } : {}),
      ...(changes.jwks ? { jwks: { keys: changes.jwks.keys } } : {}),
      updatedAt: deps.clock.now().toISOString(),
    };
    await assertLibraryAccepts(
      updated,
      current.secretSealed ? deps.secrets.open(current.secretSealed) : null,
      validate,
    );
    await saveClient(tx, updated);
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.appChanged,
      target: { id, label: updated.name },
      details: { before: describe(current), after: describe(updated) },
    });
    return updated;
  });
}

/** A new secret, shown once; the old one stops working at once. */
export async function rotateClientSecret({ deps, ctx, id }: { deps: Deps; ctx: ActingContext; id: string }) {
  return deps.db.transaction().execute(async (tx) => {
    const current = await lockClient(tx, ctx.communityId, id);
    if (!current) throw notFound('The app');
    if (current.authMethod !== 'client_secret_basic') {
      throw new AppError(
        'oidc_client_secretless',
        current.authMethod === 'none'
          ? 'This is a public app: it has no secret to rotate.'
          : 'This app signs in with its own keys (private_key_jwt): change its keys instead.',
      );
    }
    const secret = randomToken(32);
    const now = deps.clock.now().toISOString();
    await saveClient(tx, {
      ...current,
      secretSealed: deps.secrets.seal(secret),
      secretRotatedAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.appSecretRotated,
      target: { id, label: current.name },
    });
    return { clientId: id, clientSecret: secret };
  });
}

/** Removes an app: its tokens stop working at once, as the provider finds no client for them. */
export async function removeClient({ deps, ctx, id }: { deps: Deps; ctx: ActingContext; id: string }) {
  await deps.db.transaction().execute(async (tx) => {
    const current = await lockClient(tx, ctx.communityId, id);
    if (!current || !(await deleteClient(tx, ctx.communityId, id))) throw notFound('The app');
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.appRemoved,
      target: { id, label: current.name },
      details: describe(current),
    });
  });
}
