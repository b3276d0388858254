import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import type { Domain } from './domain.js';
import { findDomain, listDomains } from './domains.store.js';

export function listCommunityDomains({ deps, communityId }: { deps: Deps; communityId: string }) {
  return listDomains(deps.db, communityId);
}

export async function getDomainOrThrow({
  deps,
  communityId,
  id,
}: {
  deps: Deps;
  communityId: string;
  id: string;
}): Promise<Domain> {
  const domain = await findDomain(deps.db, communityId, id);
  if (!domain) throw notFound('The domain');
  return domain;
}
