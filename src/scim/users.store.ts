import type { Expression, SqlBool } from 'kysely';
import type { Person } from '../people/person.js';
import { toPerson } from '../people/person.row.js';
import type { Executor } from '../storage/db.js';
import type { PeopleTable } from '../storage/schema.js';

/** A person with the SCIM attributes their identity provider sent, to echo back. */
export interface ScimPerson {
  person: Person;
  /** SCIM's externalId: the identity provider's own id for the user. */
  externalId: string | null;
  sent: Record<string, unknown> | null;
}

function parseSent(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function toScimPerson(row: PeopleTable): ScimPerson {
  return { person: toPerson(row), externalId: row.scim_external_id, sent: parseSent(row.scim_attributes) };
}

export async function findScimPerson(
  db: Executor,
  communityId: string,
  id: string,
): Promise<ScimPerson | null> {
  const row = await db
    .selectFrom('people')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toScimPerson(row) : null;
}

/**
 * One page of a community's people matching a filter's condition, in a stable order (by id),
 * and how many match in all: SCIM's startIndex/count paging.
 */
export async function searchScimPeople(
  db: Executor,
  communityId: string,
  where: Expression<SqlBool> | null,
  page: { offset: number; limit: number },
): Promise<{ total: number; people: ScimPerson[] }> {
  let base = db.selectFrom('people').where('people.community_id', '=', communityId);
  if (where) base = base.where(() => where);
  const rows =
    page.limit === 0
      ? []
      : await base.selectAll().orderBy('people.id').offset(page.offset).limit(page.limit).execute();
  // A page that is not full tells the total itself (unless it is empty past the first page):
  // a lookup (`userName eq`), found or not, needs no count.
  const total =
    rows.length < page.limit && (rows.length > 0 || page.offset === 0)
      ? page.offset + rows.length
      : Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { total, people: rows.map(toScimPerson) };
}

/** Keeps what an identity provider sent, and the userName it chose. */
export async function saveSentAttributes(
  db: Executor,
  personId: string,
  sent: { userName: string; externalId: string | null; attributes: Record<string, unknown> },
): Promise<void> {
  await db
    .updateTable('people')
    .set({
      user_name: sent.userName,
      scim_external_id: sent.externalId,
      scim_attributes: JSON.stringify(sent.attributes),
    })
    .where('id', '=', personId)
    .execute();
}

/** Display names of some people (managers shown beside their id), in one query. */
export async function displayNamesOf(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'display_name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}
