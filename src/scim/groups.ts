import { AuditType, recordAudit } from '../audit/audit.js';
import type { ActingContext } from '../context.js';
import { newId } from '../crypto/random.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import type { Group } from '../groups/group.js';
import {
  changeMembers,
  deleteGroup,
  existingPeople,
  findGroup,
  insertGroup,
  listMembers,
  lockGroup,
  memberIdsOf,
  updateGroup,
} from '../groups/groups.store.js';
import type { Tx } from '../storage/db.js';
import { canonicalKeys } from './keys.js';
import { assertEtag } from './replace-user.js';
import { ScimError } from './scim-error.js';

type Json = Record<string, unknown>;

export interface GroupWithMembers {
  group: Group;
  members: { personId: string; displayName: string }[];
}

/** What Muster takes from a SCIM Group: its name, external id, and members by person id. */
function readGroup(body: unknown): { displayName: string; externalId: string | null; memberIds: string[] } {
  if (typeof body !== 'object' || body === null)
    throw new ScimError(400, 'Send a Group as a JSON object.', 'invalidSyntax');
  const group = canonicalKeys(body) as Json;
  const displayName = typeof group.displayName === 'string' ? group.displayName.trim() : '';
  if (!displayName || displayName.length > 200) {
    throw new ScimError(400, 'displayName is required: 1–200 characters.', 'invalidValue');
  }
  const members = group.members ?? [];
  if (!Array.isArray(members))
    throw new ScimError(400, 'members must be a list of { "value": <user id> }.', 'invalidValue');
  const memberIds = members.map((member) => {
    const value = typeof member === 'object' && member !== null ? (member as Json).value : undefined;
    if (typeof value !== 'string')
      throw new ScimError(400, 'Each member needs a "value": a user id.', 'invalidValue');
    return value;
  });
  const externalId =
    typeof group.externalId === 'string' && group.externalId.trim() ? group.externalId.trim() : null;
  return { displayName, externalId, memberIds };
}

/** Members must be people of the group's community (R35): anyone else is refused by id. */
async function checkMembers(tx: Tx, communityId: string, ids: string[]) {
  const found = await existingPeople(tx, communityId, ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new ScimError(
      400,
      `These members are not users of this community: ${missing.slice(0, 5).join(', ')}.`,
      'invalidValue',
    );
  }
}

/** A group, and its members unless the caller leaves them out (`withMembers: false`). */
export async function getGroupWithMembers(
  deps: Deps,
  communityId: string,
  id: string,
  { withMembers = true }: { withMembers?: boolean } = {},
): Promise<GroupWithMembers> {
  const group = await findGroup(deps.db, communityId, id);
  if (!group) throw notFound('The group');
  if (!withMembers) return { group, members: [] };
  return { group, members: (await listMembers(deps.db, [id])).get(id) ?? [] };
}

/** POST /Groups (R28): a set of people of the community. */
export async function createScimGroup({
  deps,
  ctx,
  body,
}: {
  deps: Deps;
  ctx: ActingContext;
  body: unknown;
}) {
  const { displayName, externalId, memberIds } = readGroup(body);
  const now = deps.clock.now();
  const group: Group = {
    id: newId(now),
    communityId: ctx.communityId,
    displayName,
    externalId,
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await deps.db.transaction().execute(async (tx) => {
    await checkMembers(tx, ctx.communityId, memberIds);
    await insertGroup(tx, group);
    await changeMembers(tx, group.id, { added: [...new Set(memberIds)], removed: [] });
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.groupCreated,
      target: { id: group.id, label: displayName },
      details: { members: memberIds.length },
    });
  });
  return group;
}

interface GroupWriteArgs {
  deps: Deps;
  ctx: ActingContext;
  id: string;
  body: unknown;
  ifMatch?: string | undefined;
}

/** PUT /Groups/{id}: the group becomes what was sent, with its row locked; a stale If-Match is 412. */
export async function replaceScimGroup(args: GroupWriteArgs) {
  const { deps, ctx, id, ifMatch } = args;
  await deps.db.transaction().execute(async (tx) => {
    const group = await lockGroup(tx, ctx.communityId, id);
    if (!group) throw notFound('The group');
    assertEtag(ifMatch, group.version);
    await replaceGroupIn(tx, args);
  });
}

/** The replacement itself, inside the caller's transaction, the group already locked. */
export async function replaceGroupIn(tx: Tx, { deps, ctx, id, body }: GroupWriteArgs) {
  const { displayName, externalId, memberIds } = readGroup(body);
  // Only the change is checked and written: members already in the group are people of its
  // community (deleting a person takes them out), and a PATCH of one member on a group of
  // thousands then writes one row, not thousands.
  const current = await memberIdsOf(tx, id);
  const wanted = new Set(memberIds);
  const added = [...wanted].filter((personId) => !current.has(personId));
  const removed = [...current].filter((personId) => !wanted.has(personId));
  await checkMembers(tx, ctx.communityId, added);
  await updateGroup(tx, id, { displayName, externalId, updatedAt: deps.clock.now().toISOString() });
  await changeMembers(tx, id, { added, removed });
  await recordAudit(tx, deps.clock, ctx, {
    type: AuditType.groupUpdated,
    target: { id, label: displayName },
    details: { members: memberIds.length },
  });
}

export async function deleteScimGroup({ deps, ctx, id, ifMatch }: Omit<GroupWriteArgs, 'body'>) {
  await deps.db.transaction().execute(async (tx) => {
    const group = await lockGroup(tx, ctx.communityId, id);
    if (!group) throw notFound('The group');
    assertEtag(ifMatch, group.version);
    await deleteGroup(tx, ctx.communityId, id);
    await recordAudit(tx, deps.clock, ctx, {
      type: AuditType.groupDeleted,
      target: { id, label: group.displayName },
    });
  });
}

/** A group as SCIM shows it. */
export function toScimGroup({ group, members }: GroupWithMembers, base: string): Json {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
    id: group.id,
    ...(group.externalId ? { externalId: group.externalId } : {}),
    displayName: group.displayName,
    members: members.map((m) => ({
      value: m.personId,
      display: m.displayName,
      type: 'User',
      $ref: `${base}/Users/${m.personId}`,
    })),
    meta: {
      resourceType: 'Group',
      created: group.createdAt,
      lastModified: group.updatedAt,
      location: `${base}/Groups/${group.id}`,
      version: `W/"${group.version}"`,
    },
  };
}
