import { sql } from 'kysely';
import type { Community } from '../communities/community.js';
import { toCommunity } from '../communities/community.js';
import { readSettings } from '../communities/settings-document.js';
import type { Person } from '../people/person.js';
import { toPerson } from '../people/person.row.js';
import { type Session, toSession } from '../sessions/session.js';
import type { Executor } from '../storage/db.js';
import type { CommunitiesTable, LoginKind, PeopleTable, SessionsTable } from '../storage/schema.js';

// Every column of people and communities, selected under a prefix so the joined row's names
// do not collide; the Record types make the compiler insist on every column.
/** The SCIM and access-code columns are left out: only their slices read them. */
const PERSON_COLUMNS: Record<
  Exclude<keyof PeopleTable, 'scim_attributes' | 'scim_external_id' | `access_code_${string}`>,
  true
> = {
  id: true,
  community_id: true,
  login_kind: true,
  email: true,
  phone: true,
  username: true,
  given_name: true,
  family_name: true,
  display_name: true,
  job_title: true,
  department: true,
  division: true,
  organization: true,
  cost_center: true,
  location: true,
  locale: true,
  time_zone: true,
  manager_id: true,
  external_id: true,
  start_date: true,
  frontline: true,
  role: true,
  active: true,
  invited: true,
  claimed: true,
  invited_at: true,
  claimed_at: true,
  deactivated_at: true,
  password_hash: true,
  invitation_generation: true,
  version: true,
  created_at: true,
  updated_at: true,
  recovery_code_hash: true,
  recovery_code_created_at: true,
  invitation_sent_at: true,
  reminders_sent: true,
  totp_secret: true,
  totp_pending_secret: true,
  totp_confirmed_at: true,
  totp_last_step: true,
  user_name: true,
};
const COMMUNITY_COLUMNS: Record<keyof CommunitiesTable, true> = {
  id: true,
  name: true,
  slug: true,
  plan: true,
  time_zone: true,
  default_locale: true,
  default_country: true,
  domain_verified: true,
  settings: true,
  created_at: true,
  updated_at: true,
};
/** [column, alias in the joined row] of each person and community column. */
const PERSON_ALIASES = Object.keys(PERSON_COLUMNS).map((c) => [c, `person__${c}`] as const);
const COMMUNITY_ALIASES = Object.keys(COMMUNITY_COLUMNS).map((c) => [c, `community__${c}`] as const);
const JOINED_COLUMNS = [
  'sessions.*',
  ...PERSON_ALIASES.map(([column, alias]) => `people.${column} as ${alias}`),
  ...COMMUNITY_ALIASES.map(([column, alias]) => `communities.${column} as ${alias}`),
].join(', ');

function unalias(row: Record<string, unknown>, aliases: readonly (readonly [string, string])[]) {
  const columns: Record<string, unknown> = {};
  for (const [column, alias] of aliases) columns[column] = row[alias];
  return columns;
}

// Runs on every signed-in request: the aliases are known, so no key of the row is parsed.
function splitRow(row: Record<string, unknown>) {
  return {
    // toSession reads the session's own columns and nothing else of the row.
    session: toSession(row as unknown as SessionsTable),
    person: toPerson(
      unalias(row, PERSON_ALIASES) as unknown as Omit<PeopleTable, 'scim_attributes' | 'scim_external_id'>,
    ),
    community: toCommunity(unalias(row, COMMUNITY_ALIASES) as unknown as CommunitiesTable),
  };
}

export interface LiveSession {
  session: Session;
  person: Person;
  community: Community;
}

/**
 * What makes a session live, for both lookups below: not revoked, within both timeouts, its person
 * active. Checked in the database on every request, so a deactivation or a revocation ends the
 * session at once; nothing about a session is cached between requests.
 */
const liveSessionBehind = (tokenHash: string, now: string) => sql`
    from sessions
    join people on people.id = sessions.person_id
    join communities on communities.id = sessions.community_id
    where sessions.token_hash = ${tokenHash}
      and sessions.revoked_at is null
      and sessions.idle_expires_at > ${now}
      and sessions.absolute_expires_at > ${now}
      and people.active = 1`;

/**
 * The live session behind a token hash, with its person and community. One query for the three
 * rows every request to a person's own account needs; its column list is written out once
 * rather than built each time.
 */
export async function findLiveSession(
  db: Executor,
  tokenHash: string,
  now: string,
): Promise<LiveSession | null> {
  const { rows } = await sql<Record<string, unknown>>`
    select ${sql.raw(JOINED_COLUMNS)} ${liveSessionBehind(tokenHash, now)}`.execute(db);
  const row = rows[0];
  return row ? splitRow(row) : null;
}

/** Of a live session, what a request for a role needs: who calls, and when the session idles out. */
export interface LiveSessionSummary {
  session: Pick<Session, 'id' | 'lastUsedAt' | 'idleExpiresAt' | 'absoluteExpiresAt'>;
  person: Pick<Person, 'id' | 'displayName' | 'role' | 'totpConfirmedAt'>;
  community: Pick<Community, 'id' | 'settings'>;
}

/**
 * The same live session as findLiveSession, by the same test, with only the columns a request
 * for a role reads: a tenth of them. Lookups by admins and integrations are most of the
 * requests a server answers, and reading a row costs in proportion to its columns.
 */
export async function findLiveSessionSummary(
  db: Executor,
  tokenHash: string,
  now: string,
): Promise<LiveSessionSummary | null> {
  const { rows } = await sql<{
    id: string;
    last_used_at: string;
    idle_expires_at: string;
    absolute_expires_at: string;
    person_id: string;
    display_name: string;
    role: PeopleTable['role'];
    totp_confirmed_at: string | null;
    community_id: string;
    settings: string;
  }>`
    select sessions.id, sessions.last_used_at, sessions.idle_expires_at, sessions.absolute_expires_at,
      sessions.person_id, people.display_name, people.role, people.totp_confirmed_at,
      sessions.community_id, communities.settings
    ${liveSessionBehind(tokenHash, now)}`.execute(db);
  const row = rows[0];
  if (!row) return null;
  return {
    session: {
      id: row.id,
      lastUsedAt: row.last_used_at,
      idleExpiresAt: row.idle_expires_at,
      absoluteExpiresAt: row.absolute_expires_at,
    },
    person: {
      id: row.person_id,
      displayName: row.display_name,
      role: row.role,
      totpConfirmedAt: row.totp_confirmed_at,
    },
    community: { id: row.community_id, settings: readSettings(row.settings) },
  };
}

const COMMUNITY_AND_PERSON_COLUMNS = [
  ...COMMUNITY_ALIASES.map(([column, alias]) => `communities.${column} as ${alias}`),
  ...PERSON_ALIASES.map(([column, alias]) => `people.${column} as ${alias}`),
].join(', ');

/**
 * A community by its slug and its person with this login, if there is one, in one statement: the
 * two reads of a sign-in in one round trip (on PostgreSQL every round trip costs CPU that the
 * password hashes need). Null when no community has the slug.
 */
export async function findCommunityAndPerson(
  db: Executor,
  slug: string,
  login: { kind: LoginKind; value: string },
): Promise<{ community: Community; person: Person | null } | null> {
  const { rows } = await sql<Record<string, unknown>>`
    select ${sql.raw(COMMUNITY_AND_PERSON_COLUMNS)}
    from communities
    left join people on people.community_id = communities.id and ${sql.ref(`people.${login.kind}`)} = ${login.value}
    where communities.slug = ${slug.toLowerCase()}`.execute(db);
  const row = rows[0];
  if (!row) return null;
  return {
    community: toCommunity(unalias(row, COMMUNITY_ALIASES) as unknown as CommunitiesTable),
    person:
      row.person__id === null
        ? null
        : toPerson(
            unalias(row, PERSON_ALIASES) as unknown as Omit<
              PeopleTable,
              'scim_attributes' | 'scim_external_id'
            >,
          ),
  };
}
