import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Clock } from '../clock.js';
import type { RequestMeta } from '../context.js';
import { constantTimeEqual, hashToken, newId, randomToken } from '../crypto/random.js';
import type { CommunitySettings } from '../settings/settings.schemas.js';
import type { Db, Tx } from '../storage/db.js';
import type { CommunitiesTable, PeopleTable, SessionsTable } from '../storage/schema.js';

/** Writing last-use on every request would make each read a write; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export interface IssuedSession {
  id: string;
  /** The bearer secret, returned once in a cookie; only its hash is stored. */
  token: string;
  expiresAt: string;
}

export async function createSession(
  db: Db | Tx,
  clock: Clock,
  person: Pick<PeopleTable, 'id' | 'community_id'>,
  settings: Pick<CommunitySettings, 'sessionIdleMinutes' | 'sessionAbsoluteHours'>,
  meta: RequestMeta,
): Promise<IssuedSession> {
  const now = clock.now();
  const token = randomToken(32);
  const id = newId(now);
  const absoluteMs = now.getTime() + settings.sessionAbsoluteHours * 3_600_000;
  const absolute = new Date(absoluteMs).toISOString();
  const idle = new Date(
    Math.min(absoluteMs, now.getTime() + settings.sessionIdleMinutes * 60_000),
  ).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id,
      community_id: person.community_id,
      person_id: person.id,
      token_hash: hashToken(token),
      created_at: now.toISOString(),
      last_used_at: now.toISOString(),
      idle_expires_at: idle,
      absolute_expires_at: absolute,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { id, token, expiresAt: absolute };
}

// Every column of people and communities, selected under a prefix so the joined row's names
// do not collide; the Record types make the compiler insist on every column.
const PERSON_COLUMNS: Record<keyof PeopleTable, true> = {
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
const JOINED_COLUMNS = [
  'sessions.*',
  ...Object.keys(PERSON_COLUMNS).map((c) => `people.${c} as person__${c}`),
  ...Object.keys(COMMUNITY_COLUMNS).map((c) => `communities.${c} as community__${c}`),
].join(', ');

function splitRow(row: Record<string, unknown>) {
  const session: Record<string, unknown> = {};
  const person: Record<string, unknown> = {};
  const community: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith('person__')) person[key.slice(8)] = value;
    else if (key.startsWith('community__')) community[key.slice(11)] = value;
    else session[key] = value;
  }
  return {
    session: session as unknown as SessionsTable,
    person: person as unknown as PeopleTable,
    community: community as unknown as CommunitiesTable,
  };
}

export interface ResolvedSession {
  session: SessionsTable;
  person: PeopleTable;
  community: CommunitiesTable;
}

/**
 * Finds the live session behind a token: not revoked, within both timeouts, its person active.
 * Sliding the idle window is throttled to one write a minute per session.
 */
export async function resolveSession(
  db: Db,
  clock: Clock,
  token: string,
  idleMinutes: (community: CommunitiesTable) => number,
): Promise<ResolvedSession | null> {
  const now = clock.now();
  const nowIso = now.toISOString();
  // One query for the three rows every signed-in request needs. It runs on every request, so
  // its column list is written out once rather than built and compiled each time.
  const { rows } = await sql<Record<string, unknown>>`
    select ${sql.raw(JOINED_COLUMNS)}
    from sessions
    join people on people.id = sessions.person_id
    join communities on communities.id = sessions.community_id
    where sessions.token_hash = ${hashToken(token)}
      and sessions.revoked_at is null
      and sessions.idle_expires_at > ${nowIso}
      and sessions.absolute_expires_at > ${nowIso}
      and people.active = 1`.execute(db);
  const row = rows[0];
  if (!row) return null;
  const { session, person, community } = splitRow(row);
  if (now.getTime() - Date.parse(session.last_used_at) > TOUCH_INTERVAL_MS) {
    const idleMs = now.getTime() + idleMinutes(community) * 60_000;
    session.last_used_at = nowIso;
    session.idle_expires_at = new Date(
      Math.min(idleMs, Date.parse(session.absolute_expires_at)),
    ).toISOString();
    await db
      .updateTable('sessions')
      .set({ last_used_at: session.last_used_at, idle_expires_at: session.idle_expires_at })
      .where('id', '=', session.id)
      .execute();
  }
  return { session, person, community };
}

/**
 * The CSRF token is derived from the session token: a page on another site can neither read our
 * cookie nor this value, and nothing more needs storing. It is sent back in X-CSRF-Token.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`muster-csrf:${sessionToken}`).digest('base64url');
}

export function isValidCsrfToken(sessionToken: string, presented: string | undefined): boolean {
  return presented !== undefined && constantTimeEqual(csrfTokenFor(sessionToken), presented);
}
