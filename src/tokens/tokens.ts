import { AuditType, recordAudit } from '../audit/audit.js';
import type { ActingContext } from '../context.js';
import { hashToken, newId, randomToken } from '../crypto/random.js';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import type { ApiToken, TokenScope } from './api-token.js';
import { insertApiToken, listApiTokens, revokeApiToken } from './tokens.store.js';

/** `mst_` and 256 random bits: the prefix lets secret scanners and people recognise a Muster token. */
const TOKEN_PREFIX = 'mst_';

/**
 * Makes an API token (R27): shown once, stored as its SHA-256 hash (256 random bits need no slow
 * hash), scoped to SCIM and/or the REST API, optionally expiring. `ctx.actor` is its owner (the
 * token acts with the owner's role, and dies with the owner's account); null for the operator.
 * A token cannot make tokens: one it made would go on working after it was revoked.
 */
export async function createApiToken({
  deps,
  ctx,
  name,
  scopes,
  expiresInDays,
}: {
  deps: Deps;
  ctx: ActingContext;
  name: string;
  scopes: readonly TokenScope[];
  expiresInDays?: number | undefined;
}): Promise<{ token: ApiToken; secret: string }> {
  if (ctx.actor?.token) {
    throw new AppError(
      'forbidden',
      'An API token cannot make API tokens. A system admin makes them while signed in, under Settings, API tokens.',
    );
  }
  const now = deps.clock.now();
  const secret = `${TOKEN_PREFIX}${randomToken(32)}`;
  const token: ApiToken = {
    id: newId(now),
    communityId: ctx.communityId,
    createdBy: ctx.actor?.id ?? null,
    name,
    scopes: [...new Set(scopes)],
    hint: secret.slice(-4),
    createdAt: now.toISOString(),
    expiresAt: expiresInDays ? new Date(now.getTime() + expiresInDays * 86_400_000).toISOString() : null,
    revokedAt: null,
    lastUsedAt: null,
    lastUsedIp: null,
  };
  await deps.db.transaction().execute(async (tx) => {
    await insertApiToken(tx, { ...token, tokenHash: hashToken(secret) });
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.apiTokenCreated,
      target: { id: token.id, label: name },
      details: { scopes: token.scopes, expiresAt: token.expiresAt },
    });
  });
  return { token, secret };
}

export function listTokens({ deps, communityId }: { deps: Deps; communityId: string }) {
  return listApiTokens(deps.db, communityId);
}

export async function revokeToken({ deps, ctx, id }: { deps: Deps; ctx: ActingContext; id: string }) {
  await deps.db.transaction().execute(async (tx) => {
    const revoked = await revokeApiToken(tx, ctx.communityId, id, deps.clock.now().toISOString());
    if (!revoked) throw notFound('The API token');
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.apiTokenRevoked,
      target: { id, label: revoked.name },
    });
  });
}
