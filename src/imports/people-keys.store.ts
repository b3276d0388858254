import { sql } from 'kysely';
import type { Person } from '../people/person.js';
import { toPerson } from '../people/person.row.js';
import type { Executor } from '../storage/db.js';
import { slices } from '../storage/many-rows.js';

const CHUNK = 200;
const chunks = <T>(items: readonly T[]) => slices(items, CHUNK);

/**
 * The people of a community who have any of these emails, phone numbers or employee IDs: a
 * batch of an import (or a list of keys) is matched with a few statements, not one per line.
 * Emails compare without case, as logins do.
 */
export async function findPeopleByKeys(
  db: Executor,
  communityId: string,
  keys: { emails: readonly string[]; phones: readonly string[]; externalIds: readonly string[] },
): Promise<Person[]> {
  const found = new Map<string, Person>();
  const add = (rows: Parameters<typeof toPerson>[0][]) => {
    for (const row of rows) found.set(row.id, toPerson(row));
  };
  const people = () => db.selectFrom('people').selectAll().where('community_id', '=', communityId);
  for (const emails of chunks(keys.emails)) {
    add(await people().where(sql<string>`lower(email)`, 'in', emails).execute());
  }
  for (const phones of chunks(keys.phones)) add(await people().where('phone', 'in', phones).execute());
  for (const ids of chunks(keys.externalIds)) add(await people().where('external_id', 'in', ids).execute());
  return [...found.values()];
}

/** What an export shows of each manager: who they are, and how a file can name them again. */
export interface ManagerRef {
  id: string;
  displayName: string;
  email: string | null;
  externalId: string | null;
}

export async function findManagerRefs(
  db: Executor,
  communityId: string,
  ids: readonly string[],
): Promise<Map<string, ManagerRef>> {
  const refs = new Map<string, ManagerRef>();
  for (const chunk of chunks(ids)) {
    const rows = await db
      .selectFrom('people')
      .select(['id', 'display_name', 'email', 'external_id'])
      .where('community_id', '=', communityId)
      .where('id', 'in', chunk)
      .execute();
    for (const row of rows) {
      refs.set(row.id, {
        id: row.id,
        displayName: row.display_name,
        email: row.email,
        externalId: row.external_id,
      });
    }
  }
  return refs;
}

export async function findPeopleByIds(
  db: Executor,
  communityId: string,
  ids: readonly string[],
): Promise<Person[]> {
  const people: Person[] = [];
  for (const chunk of chunks(ids)) {
    const rows = await db
      .selectFrom('people')
      .selectAll()
      .where('community_id', '=', communityId)
      .where('id', 'in', chunk)
      .execute();
    people.push(...rows.map(toPerson));
  }
  return people;
}
