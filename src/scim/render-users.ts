import { groupsOfPeople } from '../groups/groups.store.js';
import type { Executor } from '../storage/db.js';
import { toScimUser } from './user-resource.js';
import { displayNamesOf, type ScimPerson } from './users.store.js';

/** SCIM Users for some people, with their groups and managers' names fetched in one query each. */
export async function renderUsers(db: Executor, people: readonly ScimPerson[], base: string) {
  const ids = people.map((p) => p.person.id);
  const managerIds = people.flatMap((p) => (p.person.managerId ? [p.person.managerId] : []));
  // One after the other: inside a transaction (and on SQLite) queries take turns anyway.
  const groups = await groupsOfPeople(db, ids);
  const managers = await displayNamesOf(db, managerIds);
  return people.map((p) =>
    toScimUser(p, {
      location: `${base}/Users/${p.person.id}`,
      groups: groups.get(p.person.id) ?? [],
      managerName: p.person.managerId ? (managers.get(p.person.managerId) ?? null) : null,
    }),
  );
}
