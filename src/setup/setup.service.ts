import { listFirstCommunities } from '../communities/communities.store.js';
import type { RequestMeta } from '../context.js';
import { hashToken, randomToken } from '../crypto/random.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { createCommunityWithAdmin, type FirstAdmin, type NewCommunity } from './create-community.js';
import { consumeSetupToken, insertSetupToken } from './setup.store.js';

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
  await insertSetupToken(deps.db, {
    tokenHash: hashToken(token),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SETUP_TOKEN_HOURS * 3_600_000).toISOString(),
  });
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
      if (!(await consumeSetupToken(tx, hashToken(token), deps.clock.now().toISOString()))) {
        throw new AppError(
          'setup_token_invalid',
          'This setup link is not valid any more. Restart the server to print a new one, or use `npx muster setup`.',
        );
      }
      if ((await listFirstCommunities(tx)).length > 0)
        throw new AppError('setup_already_done', 'Muster is already set up. Sign in instead.');
    },
  });
}
