import { findCommunityBySlug } from '../communities/communities.store.js';
import { systemContext } from '../context.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { createClient } from './clients.js';
import { clientInputSchema } from './oidc.schemas.js';
import { createOidcRuntime } from './runtime.js';
import { rotateSigningKeys } from './signing-keys.js';

/**
 * `npx muster oidc client create`: registers an app as a system admin would (R60), audited as
 * the operator's. The settings are checked as the API checks them.
 */
export async function createClientAsOperator({
  deps,
  communitySlug,
  input,
}: {
  deps: Deps;
  communitySlug: string;
  input: unknown;
}) {
  const community = await findCommunityBySlug(deps.db, communitySlug);
  if (!community) throw new AppError('community_not_found', `There is no community "${communitySlug}".`);
  const parsed = clientInputSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new AppError('oidc_client_invalid', `The app's settings need fixing: ${issues.join('; ')}.`);
  }
  const runtime = createOidcRuntime(deps, { error: () => undefined });
  const provider = await runtime.provider();
  return createClient({
    deps,
    ctx: systemContext(community.id, 'muster-cli'),
    validate: (metadata) =>
      (provider.Client as unknown as { validate(m: unknown): Promise<void> }).validate(metadata),
    input: parsed.data,
  });
}

/**
 * `npx muster oidc rotate-keys`: a new signing key from now on; every server picks it up within
 * half a minute, and the old key stays published until the tokens it signed have expired.
 */
export function rotateKeysAsOperator({ deps }: { deps: Deps }) {
  return rotateSigningKeys(deps);
}
