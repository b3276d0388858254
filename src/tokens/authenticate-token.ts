import type { Clock } from '../clock.js';
import { hashToken } from '../crypto/random.js';
import { AppError } from '../errors.js';
import type { Principal } from '../http/access.js';
import type { Db } from '../storage/db.js';
import type { TokenScope } from './api-token.js';
import { findUsableToken, recordTokenUse } from './tokens.store.js';

/** Writing last use on every request would make each read a write; once a minute is enough. */
const LAST_USE_EVERY_MS = 60_000;
/** Requests one token may make per minute in one server process: a script gone wrong stops here. */
const REQUESTS_PER_MINUTE = 6_000;
/** Tokens tracked for the per-minute limit at once; a window is a minute, so few are ever live. */
const MAX_TRACKED = 10_000;

export interface TokenPrincipal extends Principal {
  tokenId: string;
}

/**
 * Finds the principal behind a bearer token for an area that needs `scope` (R27): a `scim` token
 * opens /scim/v2 only, a `rest` token /api/v1 only, each acting with its owner's current role
 * and no CSRF check (a browser never sends a bearer token by itself). Refuses an unknown,
 * revoked or expired token with 401, a token of the wrong scope with 403, and a token over its
 * per-minute allowance with 429.
 */
export function createTokenAuthenticator(deps: { db: Db; clock: Clock }) {
  const windows = new Map<string, { minute: number; count: number }>();
  const lastUse = new Map<string, number>();
  return async (bearer: string, scope: TokenScope, ip: string | null): Promise<TokenPrincipal> => {
    const now = deps.clock.now();
    const found = await findUsableToken(deps.db, hashToken(bearer), now.toISOString());
    if (!found) {
      throw new AppError(
        'unauthenticated',
        'This API token is not valid: it may have been revoked or expired, or its owner deactivated. Ask a system admin for a new one.',
      );
    }
    const { token, ownerRole, ownerLabel } = found;
    if (!token.scopes.includes(scope)) {
      throw new AppError(
        'forbidden',
        `This API token is for ${token.scopes.join(' and ')}, not for ${scope === 'scim' ? 'SCIM' : 'the REST API'}. Make a token with the ${scope} scope.`,
      );
    }
    const minute = Math.floor(now.getTime() / 60_000);
    const window = windows.get(token.id);
    if (window?.minute === minute) window.count += 1;
    else {
      if (windows.size >= MAX_TRACKED) windows.clear();
      windows.set(token.id, { minute, count: 1 });
    }
    if ((windows.get(token.id)?.count ?? 0) > REQUESTS_PER_MINUTE) {
      throw new AppError(
        'rate_limited',
        `This API token made more than ${REQUESTS_PER_MINUTE} requests this minute. Slow down and retry.`,
        {
          retryAfterSeconds: 60 - (Math.floor(now.getTime() / 1000) % 60),
        },
      );
    }
    if (now.getTime() - (lastUse.get(token.id) ?? 0) > LAST_USE_EVERY_MS) {
      if (lastUse.size >= MAX_TRACKED) lastUse.clear();
      lastUse.set(token.id, now.getTime());
      await recordTokenUse(deps.db, token.id, { at: now.toISOString(), ip });
    }
    return {
      communityId: token.communityId,
      actor: {
        id: token.id,
        label: `API token "${token.name}"${ownerLabel ? ` of ${ownerLabel}` : ''}`,
        role: ownerRole ?? 'system_admin',
        token: { ownerId: token.createdBy },
      },
      csrfToken: null,
      tokenId: token.id,
    };
  };
}
