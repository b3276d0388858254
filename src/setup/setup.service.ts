import { sql } from 'kysely';
import {
  createCommunityWithAdmin,
  type FirstAdmin,
  type NewCommunity,
} from '../communities/communities.service.js';
import { listFirstCommunities } from '../communities/communities.store.js';
import type { Deps, RequestMeta } from '../context.js';
import { hashToken, randomToken } from '../crypto/random.js';
import { AppError } from '../errors.js';

const SETUP_TOKEN_HOURS = 24;

/**
 * On an empty database, issues a one-time setup link for the first visitor. Whoever has the
 * link can create the first system admin, so it is printed only to the server's console.
 */
export async function issueSetupLinkIfEmpty(deps: Deps): Promise<string | null> {
  const [existing] = await listFirstCommunities(deps.db);
  if (existing) return null;
  const now = deps.clock.now();
  const token = randomToken(32);
  await deps.db
    .insertInto('setup_tokens')
    .values({
      token_hash: hashToken(token),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SETUP_TOKEN_HOURS * 3_600_000).toISOString(),
      used_at: null,
    })
    .execute();
  return `${deps.config.publicUrl}/setup?token=${token}`;
}

export async function isSetupDone(deps: Deps): Promise<boolean> {
  const [existing] = await listFirstCommunities(deps.db);
  return existing !== undefined;
}

/** Completes first-run setup: consumes the token atomically, then creates community and admin. */
export async function completeSetup({
  deps,
  token,
  community,
  admin,
  meta,
}: {
  deps: Deps;
  token: string;
  community: NewCommunity;
  admin: FirstAdmin;
  meta: RequestMeta;
}) {
  if (await isSetupDone(deps)) {
    throw new AppError('setup_already_done', 'Muster is already set up. Sign in instead.');
  }
  return createCommunityWithAdmin({
    deps,
    community,
    admin,
    meta,
    inside: async (tx) => {
      const now = deps.clock.now().toISOString();
      // One conditional UPDATE consumes the token: of two racing visitors exactly one wins.
      const consumed = await tx
        .updateTable('setup_tokens')
        .set({ used_at: now })
        .where('token_hash', '=', hashToken(token))
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      if (Number(consumed.numUpdatedRows) !== 1) {
        throw new AppError(
          'setup_token_invalid',
          'This setup link is not valid any more. Restart the server to print a new one, or use `npx muster setup`.',
        );
      }
      const communities = await tx
        .selectFrom('communities')
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow();
      if (Number(communities.n) > 0)
        throw new AppError('setup_already_done', 'Muster is already set up. Sign in instead.');
    },
  });
}
