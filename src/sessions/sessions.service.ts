import { createHash } from 'node:crypto';
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
  const session = await db
    .selectFrom('sessions')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .where('idle_expires_at', '>', nowIso)
    .where('absolute_expires_at', '>', nowIso)
    .executeTakeFirst();
  if (!session) return null;
  const person = await db
    .selectFrom('people')
    .selectAll()
    .where('id', '=', session.person_id)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!person) return null;
  const community = await db
    .selectFrom('communities')
    .selectAll()
    .where('id', '=', session.community_id)
    .executeTakeFirstOrThrow();
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
