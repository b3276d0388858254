import type { Expression, SqlBool } from 'kysely';
import type { Executor } from '../storage/db.js';
import { insertMany, slices } from '../storage/many-rows.js';
import { type Group, toGroup } from './group.js';

export async function insertGroup(db: Executor, group: Group): Promise<void> {
  await db
    .insertInto('groups')
    .values({
      id: group.id,
      community_id: group.communityId,
      display_name: group.displayName,
      external_id: group.externalId,
      version: group.version,
      created_at: group.createdAt,
      updated_at: group.updatedAt,
    })
    .execute();
}

export async function findGroup(db: Executor, communityId: string, id: string): Promise<Group | null> {
  const row = await db
    .selectFrom('groups')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toGroup(row) : null;
}

/** Reads a group under a row lock, so parallel changes to it take turns. */
export async function lockGroup(db: Executor, communityId: string, id: string): Promise<Group | null> {
  const row = await db
    .selectFrom('groups')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ? toGroup(row) : null;
}

export async function updateGroup(
  db: Executor,
  id: string,
  changes: { displayName: string; externalId: string | null; updatedAt: string },
): Promise<Group | null> {
  const row = await db
    .updateTable('groups')
    .set((eb) => ({
      display_name: changes.displayName,
      external_id: changes.externalId,
      updated_at: changes.updatedAt,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toGroup(row) : null;
}

export async function deleteGroup(db: Executor, communityId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('groups')
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The members of some groups, with their display names, in one query. */
export async function listMembers(
  db: Executor,
  groupIds: readonly string[],
): Promise<Map<string, { personId: string; displayName: string }[]>> {
  const byGroup = new Map<string, { personId: string; displayName: string }[]>();
  if (groupIds.length === 0) return byGroup;
  const rows = await db
    .selectFrom('group_members')
    .innerJoin('people', 'people.id', 'group_members.person_id')
    .select(['group_members.group_id', 'people.id', 'people.display_name'])
    .where('group_members.group_id', 'in', groupIds)
    .orderBy('people.id')
    .execute();
  for (const row of rows) {
    const members = byGroup.get(row.group_id) ?? [];
    members.push({ personId: row.id, displayName: row.display_name });
    byGroup.set(row.group_id, members);
  }
  return byGroup;
}

/** The ids of a group's members. */
export async function memberIdsOf(db: Executor, groupId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('group_members')
    .select('person_id')
    .where('group_id', '=', groupId)
    .execute();
  return new Set(rows.map((row) => row.person_id));
}

/** Adds and removes members, in few statements: a PATCH on a large group writes what it changes. */
export async function changeMembers(
  db: Executor,
  groupId: string,
  { added, removed }: { added: readonly string[]; removed: readonly string[] },
): Promise<void> {
  for (const some of slices(removed)) {
    await db
      .deleteFrom('group_members')
      .where('group_id', '=', groupId)
      .where('person_id', 'in', some)
      .execute();
  }
  await insertMany(
    db,
    'group_members',
    added.map((person_id) => ({ group_id: groupId, person_id })),
  );
}

/** Which of these ids are people of the community: members must be. */
export async function existingPeople(
  db: Executor,
  communityId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  // In slices: a group of everyone can outgrow a statement's parameters.
  for (const some of slices(ids)) {
    const rows = await db
      .selectFrom('people')
      .select('id')
      .where('community_id', '=', communityId)
      .where('id', 'in', some)
      .execute();
    for (const row of rows) found.add(row.id);
  }
  return found;
}

/** One page of a community's groups matching a condition, in a stable order, and how many match. */
export async function searchGroups(
  db: Executor,
  communityId: string,
  where: Expression<SqlBool> | null,
  page: { offset: number; limit: number },
): Promise<{ total: number; groups: Group[] }> {
  let base = db.selectFrom('groups').where('community_id', '=', communityId);
  if (where) base = base.where(() => where);
  const counted = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows =
    page.limit === 0
      ? []
      : await base.selectAll().orderBy('id').offset(page.offset).limit(page.limit).execute();
  return { total: Number(counted.n), groups: rows.map(toGroup) };
}

/** The groups of several people at once: one query for a page of SCIM Users. */
export async function groupsOfPeople(
  db: Executor,
  personIds: readonly string[],
): Promise<Map<string, { id: string; displayName: string }[]>> {
  const byPerson = new Map<string, { id: string; displayName: string }[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await db
    .selectFrom('group_members')
    .innerJoin('groups', 'groups.id', 'group_members.group_id')
    .select(['group_members.person_id', 'groups.id', 'groups.display_name'])
    .where('group_members.person_id', 'in', [...personIds])
    .orderBy('groups.id')
    .execute();
  for (const row of rows) {
    const groups = byPerson.get(row.person_id) ?? [];
    groups.push({ id: row.id, displayName: row.display_name });
    byPerson.set(row.person_id, groups);
  }
  return byPerson;
}
