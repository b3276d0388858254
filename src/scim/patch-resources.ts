import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { findGroup, listMembers, lockGroup } from '../groups/groups.store.js';
import { replaceGroupIn, toScimGroup } from './groups.js';
import { applyPatch } from './patch/apply.js';
import { GROUP_PATCH_SCHEMA, USER_PATCH_SCHEMA } from './patch/schemas.js';
import { renderUsers } from './render-users.js';
import { assertEtag, inUserTransaction, replaceUserIn } from './replace-user.js';
import { readScimUser } from './user-fields.js';
import { findScimPerson, type ScimPerson } from './users.store.js';

interface PatchArgs {
  deps: Deps;
  ctx: ActingContext;
  id: string;
  body: unknown;
  ifMatch?: string | undefined;
  base: string;
}

/**
 * PATCH /Users/{id} (R28): inside one transaction with the user locked, the operations are
 * applied to the user as it is now and the result is saved as a PUT would save it, so every rule
 * of PUT holds for PATCH, and parallel PATCHes take turns instead of overwriting each other.
 */
export async function patchScimUser({ deps, ctx, id, body, ifMatch, base }: PatchArgs): Promise<ScimPerson> {
  await inUserTransaction({ deps, ctx, id, ifMatch }, async (tx, current) => {
    const locked = await findScimPerson(tx, ctx.communityId, id);
    if (!locked) throw notFound('The user');
    const [resource] = await renderUsers(tx, [locked], base);
    const patched = applyPatch(resource ?? {}, body, USER_PATCH_SCHEMA);
    await replaceUserIn(tx, { deps, ctx, id, body: patched }, current, readScimUser(patched));
  });
  const stored = await findScimPerson(deps.db, ctx.communityId, id);
  if (!stored) throw notFound('The user');
  return stored;
}

/** PATCH /Groups/{id} (R28): members added and removed by the operations, with the group locked. */
export async function patchScimGroup({ deps, ctx, id, body, ifMatch, base }: PatchArgs) {
  await deps.db.transaction().execute(async (tx) => {
    const group = await lockGroup(tx, ctx.communityId, id);
    if (!group) throw notFound('The group');
    assertEtag(ifMatch, group.version);
    const members = (await listMembers(tx, [id])).get(id) ?? [];
    const patched = applyPatch(toScimGroup({ group, members }, base), body, GROUP_PATCH_SCHEMA);
    await replaceGroupIn(tx, { deps, ctx, id, body: patched });
  });
  const group = await findGroup(deps.db, ctx.communityId, id);
  if (!group) throw notFound('The group');
  return group;
}
