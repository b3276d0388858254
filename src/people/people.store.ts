import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { compiledOnce } from '../storage/compiled-once.js';
import type { Executor } from '../storage/db.js';
import { insertMany, slices, statementsAreCheap } from '../storage/many-rows.js';
import type { Database, LoginKind, PeopleTable } from '../storage/schema.js';
import type { ListedPerson, Person, PersonState } from './person.js';
import { toColumns, toPerson, toPersonRow } from './person.row.js';

function whereState(eb: ExpressionBuilder<Database, 'people'>, state: PersonState): Expression<SqlBool> {
  switch (state) {
    case 'deactivated':
      return eb('active', '=', 0);
    case 'active':
      return eb.and([eb('active', '=', 1), eb('claimed', '=', 1)]);
    case 'invited':
      return eb.and([eb('active', '=', 1), eb('claimed', '=', 0), eb('invited', '=', 1)]);
    case 'not_invited':
      return eb.and([eb('active', '=', 1), eb('claimed', '=', 0), eb('invited', '=', 0)]);
  }
}

export async function findPersonById(db: Executor, communityId: string, id: string): Promise<Person | null> {
  const row = await db
    .selectFrom('people')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toPerson(row) : null;
}

/** A person by id alone, for links that carry no community (a claim token knows its person). */
export async function findPersonAnywhere(db: Executor, id: string): Promise<Person | null> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toPerson(row) : null;
}

export async function findPersonByLogin(
  db: Executor,
  communityId: string,
  kind: LoginKind,
  value: string,
): Promise<Person | null> {
  const row = await db
    .selectFrom('people')
    .selectAll()
    .where('community_id', '=', communityId)
    .where(kind, '=', value)
    .executeTakeFirst();
  return row ? toPerson(row) : null;
}

/** Which of these ids are people of the community. */
export async function findExistingIds(
  db: Executor,
  communityId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of slices([...new Set(ids)], 200)) {
    const rows = await db
      .selectFrom('people')
      .select('id')
      .where('community_id', '=', communityId)
      .where('id', 'in', chunk)
      .execute();
    for (const row of rows) found.add(row.id);
  }
  return found;
}

/**
 * Which of these mobile numbers and email addresses someone of the community already has, as
 * `phone:…` and `email:…`: the values the unique indexes compare, compared as they compare them.
 */
export async function findTakenLogins(
  db: Executor,
  communityId: string,
  logins: { phones: readonly string[]; emails: readonly string[] },
): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const kind of ['phone', 'email'] as const) {
    for (const chunk of slices(kind === 'phone' ? logins.phones : logins.emails, 200)) {
      const rows = await db
        .selectFrom('people')
        .select(kind)
        .where('community_id', '=', communityId)
        .where(kind, 'in', chunk)
        .execute();
      for (const row of rows) taken.add(`${kind}:${row[kind]}`);
    }
  }
  return taken;
}

/** Reads a person under a row lock, so parallel changes to one person take turns. */
export async function lockPerson(db: Executor, communityId: string, id: string): Promise<Person | null> {
  const row = await db
    .selectFrom('people')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ? toPerson(row) : null;
}

/** Reporting chains longer than this are not followed (a loop stored before checks existed ends here). */
const DEEPEST_CHAIN = 1000;

/**
 * Whether `personId` is `managerId` or anyone above them in the reporting chain, so that making
 * `managerId` their manager would close a loop. One statement however deep the chain: walking it
 * a query a level cost an import's manager pass a dozen round trips a person on PostgreSQL.
 */
export async function isInReportingChain(
  db: Executor,
  communityId: string,
  { from: managerId, person: personId }: { from: string; person: string },
): Promise<boolean> {
  const { rows } = await sql<{ found: number }>`
    with recursive chain(id, depth) as (
      select cast(${managerId} as text), 0
      union all
      select people.manager_id, chain.depth + 1
      from people join chain on people.id = chain.id
      where people.community_id = ${communityId} and people.manager_id is not null
        and chain.depth < ${sql.lit(DEEPEST_CHAIN)}
    )
    select 1 as found from chain where id = ${personId} limit 1`.execute(db);
  return rows.length > 0;
}

export async function insertPerson(db: Executor, person: Person): Promise<void> {
  await db.insertInto('people').values(toPersonRow(person)).execute();
}

/** Many new people (an import's batch), in a few statements; a clash fails the whole call. */
export async function insertPeople(db: Executor, people: readonly Person[]): Promise<void> {
  await insertMany(db, 'people', people.map(toPersonRow));
}

/** Fields an update may be made conditional on: it changes the row only if they still hold. */
export type PersonConditions = Partial<
  Pick<
    Person,
    | 'version'
    | 'active'
    | 'claimed'
    | 'invitationGeneration'
    | 'recoveryCodeHash'
    | 'remindersSent'
    | 'invitationSentAt'
  >
>;

/**
 * Changes some fields of a person and bumps their version, in one conditional statement: if a
 * condition no longer holds (another change came first), nothing changes and null comes back.
 */
export async function updatePerson(
  db: Executor,
  id: string,
  changes: Partial<Person>,
  conditions: PersonConditions = {},
): Promise<Person | null> {
  let query = db
    .updateTable('people')
    .set((eb) => ({ ...toColumns(changes), version: eb('version', '+', 1) }))
    .where('id', '=', id);
  for (const [column, value] of Object.entries(toColumns(conditions))) {
    query = query.where(column as keyof Database['people'], value === null ? 'is' : '=', value as never);
  }
  const row = await query.returningAll().executeTakeFirst();
  return row ? toPerson(row) : null;
}

/** Deletes a person as read at `version`; false if they changed (or went) since. */
export async function deletePersonAt(db: Executor, id: string, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('people')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export interface PeopleFilter {
  state?: PersonState | undefined;
  kind?: LoginKind | undefined;
  q?: string | undefined;
  /** A number in E.164: the phone index finds its one person. */
  phone?: string | undefined;
  afterId?: string | undefined;
  limit: number;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A page of a community's people, reading only the columns a list shows: about half the row, so
 * a lookup by number or a page of fifty costs SQLite half as much to build (docs/benchmarks.md),
 * and no password hash or TOTP secret passes through a list or an export at all.
 */
export async function listPeople(
  db: Executor,
  communityId: string,
  filter: PeopleFilter,
): Promise<ListedPerson[]> {
  const { state, kind, q, phone, afterId, limit } = filter;
  const pattern = q ? `%${escapeLike(q.toLowerCase())}%` : undefined;
  const rows = await listedPeople(
    db,
    {
      communityId,
      phone: phone || undefined,
      kind: kind || undefined,
      afterId: afterId || undefined,
      pattern,
    },
    { state: state ?? null, limit },
  );
  return rows.map(toListedPerson);
}

/** A community's people the filter selects, in id order, a page at a time (a lookup by number is one). */
const listedPeople = compiledOnce(
  (
    db,
    bound: { communityId: string; phone?: string; kind?: LoginKind; afterId?: string; pattern?: string },
    { state, limit }: { state: PersonState | null; limit: number },
  ) => {
    let query = db.selectFrom('people').where('community_id', '=', bound.communityId);
    const { phone, kind, afterId, pattern } = bound;
    if (phone !== undefined) query = query.where('phone', '=', phone);
    if (state) query = query.where((eb) => whereState(eb, state));
    if (kind !== undefined) query = query.where('login_kind', '=', kind);
    if (afterId !== undefined) query = query.where('id', '>', afterId);
    if (pattern !== undefined) {
      query = query.where((eb) =>
        eb.or(
          (
            [
              'display_name',
              'given_name',
              'family_name',
              'email',
              'phone',
              'username',
              'external_id',
            ] as const
          ).map(
            // An explicit ESCAPE makes SQLite honour the backslashes as PostgreSQL does.
            (column) => sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`,
          ),
        ),
      );
    }
    return query.orderBy('id').limit(limit).select(LISTED_COLUMNS);
  },
);

const LISTED_COLUMNS = [
  'id',
  'login_kind',
  'email',
  'phone',
  'username',
  'given_name',
  'family_name',
  'display_name',
  'job_title',
  'department',
  'division',
  'organization',
  'cost_center',
  'location',
  'locale',
  'time_zone',
  'manager_id',
  'external_id',
  'start_date',
  'frontline',
  'role',
  'active',
  'invited',
  'claimed',
  'invited_at',
  'claimed_at',
  'deactivated_at',
  'created_at',
  'updated_at',
] as const;

function toListedPerson(row: Pick<PeopleTable, (typeof LISTED_COLUMNS)[number]>): ListedPerson {
  return {
    id: row.id,
    loginKind: row.login_kind,
    email: row.email,
    phone: row.phone,
    username: row.username,
    givenName: row.given_name,
    familyName: row.family_name,
    displayName: row.display_name,
    jobTitle: row.job_title,
    department: row.department,
    division: row.division,
    organization: row.organization,
    costCenter: row.cost_center,
    location: row.location,
    locale: row.locale,
    timeZone: row.time_zone,
    managerId: row.manager_id,
    externalId: row.external_id,
    startDate: row.start_date,
    frontline: row.frontline === 1,
    role: row.role,
    active: row.active === 1,
    invited: row.invited === 1,
    claimed: row.claimed === 1,
    invitedAt: row.invited_at,
    claimedAt: row.claimed_at,
    deactivatedAt: row.deactivated_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Has the database read the people table's statistics again (after a bulk change), for its plans. */
export async function refreshPeopleStatistics(db: Executor): Promise<void> {
  // In process (SQLite) the analysis holds the one thread the server has: a few hundred rows of
  // each index are enough, as PostgreSQL samples by itself.
  if (statementsAreCheap(db)) await sql`pragma analysis_limit = 400`.execute(db);
  await sql`analyze people`.execute(db);
}

export async function countActiveSystemAdmins(db: Executor, communityId: string): Promise<number> {
  const row = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .where('role', '=', 'system_admin')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many people are in each state: the people page's tabs. */
export async function countPeopleByState(
  db: Executor,
  communityId: string,
): Promise<Record<PersonState, number>> {
  const groups = await db
    .selectFrom('people')
    .select(['active', 'invited', 'claimed', (eb) => eb.fn.countAll<number>().as('n')])
    .where('community_id', '=', communityId)
    .groupBy(['active', 'invited', 'claimed'])
    .execute();
  const counts: Record<PersonState, number> = { not_invited: 0, invited: 0, active: 0, deactivated: 0 };
  for (const group of groups) {
    const state = !group.active
      ? 'deactivated'
      : group.claimed
        ? 'active'
        : group.invited
          ? 'invited'
          : 'not_invited';
    counts[state] += Number(group.n);
  }
  return counts;
}
