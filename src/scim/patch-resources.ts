import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { getGroupWithMembers, replaceScimGroup, toScimGroup } from './groups.js';
import { applyPatch } from './patch/apply.js';
import { GROUP_PATCH_SCHEMA, USER_PATCH_SCHEMA } from './patch/schemas.js';
import { renderUsers } from './render-users.js';
import { assertEtag, replaceScimUser } from './replace-user.js';
import { etagOf } from './user-resource.js';
import { findScimPerson } from './users.store.js';

interface PatchArgs {
  deps: Deps;
  ctx: ActingContext;
  id: string;
  body: unknown;
  ifMatch?: string | undefined;
  base: string;
}

/**
 * PATCH /Users/{id} (R28): the operations are applied to the user as it is now, and the result
 * is saved as a PUT would save it, so every rule of PUT holds for PATCH too. The version read is
 * the ETag of the save: a change made in between is refused (412), never overwritten.
 */
export async function patchScimUser({ deps, ctx, id, body, ifMatch, base }: PatchArgs) {
  const current = await findScimPerson(deps.db, ctx.communityId, id);
  if (!current) throw notFound('The user');
  assertEtag(ifMatch, current.person.version);
  const [resource] = await renderUsers(deps, [current], base);
  const patched = applyPatch(resource ?? {}, body, USER_PATCH_SCHEMA);
  return replaceScimUser({ deps, ctx, id, body: patched, ifMatch: etagOf(current.person.version) });
}

/** PATCH /Groups/{id} (R28): members added and removed by the operations, saved as PUT saves. */
export async function patchScimGroup({ deps, ctx, id, body, ifMatch, base }: PatchArgs) {
  const current = await getGroupWithMembers(deps, ctx.communityId, id);
  assertEtag(ifMatch, current.group.version);
  const patched = applyPatch(toScimGroup(current, base), body, GROUP_PATCH_SCHEMA);
  return replaceScimGroup({ deps, ctx, id, body: patched, ifMatch: etagOf(current.group.version) });
}
