import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Db, Tx } from '../storage/db.js';
import type { Database, LoginKind, PeopleTable } from '../storage/schema.js';

export type PersonRow = PeopleTable;

/** A new person with every optional field empty: not invited, no password, member. */
export function newPersonRow(fields: {
  id: string;
  communityId: string;
  login: { kind: LoginKind; value: string };
  displayName: string;
  now: string;
}): PersonRow {
  const { id, communityId, login, displayName, now } = fields;
  return {
    id,
    community_id: communityId,
    login_kind: login.kind,
    email: login.kind === 'email' ? login.value : null,
    phone: login.kind === 'phone' ? login.value : null,
    username: login.kind === 'username' ? login.value : null,
    given_name: null,
    family_name: null,
    display_name: displayName,
    job_title: null,
    department: null,
    division: null,
    organization: null,
    cost_center: null,
    location: null,
    locale: null,
    time_zone: null,
    manager_id: null,
    external_id: null,
    start_date: null,
    frontline: 0,
    role: 'member',
    active: 1,
    invited: 0,
    claimed: 0,
    invited_at: null,
    claimed_at: null,
    deactivated_at: null,
    password_hash: null,
    invitation_generation: 0,
    version: 1,
    created_at: now,
    updated_at: now,
    recovery_code_hash: null,
    recovery_code_created_at: null,
    invitation_sent_at: null,
    reminders_sent: 0,
  };
}
export type PersonState = 'not_invited' | 'invited' | 'active' | 'deactivated';

/** The Workplace derivation of state from (active, invited, claimed). */
export function stateOf(row: Pick<PersonRow, 'active' | 'invited' | 'claimed'>): PersonState {
  if (!row.active) return 'deactivated';
  if (row.claimed) return 'active';
  return row.invited ? 'invited' : 'not_invited';
}

export function whereState(
  eb: ExpressionBuilder<Database, 'people'>,
  state: PersonState,
): Expression<SqlBool> {
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

export function findPersonById(db: Db | Tx, communityId: string, id: string): Promise<PersonRow | undefined> {
  return db
    .selectFrom('people')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findPersonByLogin(
  db: Db | Tx,
  communityId: string,
  kind: LoginKind,
  value: string,
): Promise<PersonRow | undefined> {
  return db
    .selectFrom('people')
    .selectAll()
    .where('community_id', '=', communityId)
    .where(kind, '=', value)
    .executeTakeFirst();
}

export interface PeopleFilter {
  state?: PersonState | undefined;
  kind?: LoginKind | undefined;
  q?: string | undefined;
  afterId?: string | undefined;
  limit: number;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function listPeople(db: Db | Tx, communityId: string, filter: PeopleFilter): Promise<PersonRow[]> {
  let query = db.selectFrom('people').selectAll().where('community_id', '=', communityId);
  const { state, kind, q, afterId } = filter;
  if (state) query = query.where((eb) => whereState(eb, state));
  if (kind) query = query.where('login_kind', '=', kind);
  if (afterId) query = query.where('id', '>', afterId);
  if (q) {
    const pattern = `%${escapeLike(q.toLowerCase())}%`;
    query = query.where((eb) =>
      eb.or(
        (
          ['display_name', 'given_name', 'family_name', 'email', 'phone', 'username', 'external_id'] as const
        ).map(
          // An explicit ESCAPE makes SQLite honour the backslashes as PostgreSQL does.
          (column) => sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`,
        ),
      ),
    );
  }
  return query.orderBy('id').limit(filter.limit).execute();
}

export function countActiveSystemAdmins(db: Db | Tx, communityId: string): Promise<number> {
  return db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .where('role', '=', 'system_admin')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow()
    .then((row) => Number(row.n));
}

/** How many people are in each state: the people page's tabs. */
export async function countPeopleByState(
  db: Db | Tx,
  communityId: string,
): Promise<Record<PersonState, number>> {
  const groups = await db
    .selectFrom('people')
    .select(['active', 'invited', 'claimed', (eb) => eb.fn.countAll<number>().as('n')])
    .where('community_id', '=', communityId)
    .groupBy(['active', 'invited', 'claimed'])
    .execute();
  const counts: Record<PersonState, number> = { not_invited: 0, invited: 0, active: 0, deactivated: 0 };
  for (const group of groups) counts[stateOf(group)] += Number(group.n);
  return counts;
}
