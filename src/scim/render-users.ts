import type { Deps } from '../deps.js';
import { groupsOfPeople } from '../groups/groups.store.js';
import { toScimUser } from './user-resource.js';
import { displayNamesOf, type ScimPerson } from './users.store.js';

/** SCIM Users for some people, with their groups and managers' names fetched in one query each. */
export async function renderUsers(deps: Deps, people: readonly ScimPerson[], base: string) {
  const ids = people.map((p) => p.person.id);
  const managerIds = people.flatMap((p) => (p.person.managerId ? [p.person.managerId] : []));
  const [groups, managers] = await Promise.all([
    groupsOfPeople(deps.db, ids),
    displayNamesOf(deps.db, managerIds),
  ]);
  return people.map((p) =>
    toScimUser(p, {
      location: `${base}/Users/${p.person.id}`,
      groups: groups.get(p.person.id) ?? [],
      managerName: p.person.managerId ? (managers.get(p.person.managerId) ?? null) : null,
    }),
  );
}
