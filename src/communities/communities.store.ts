import { notFound } from '../errors.js';
import type { Executor } from '../storage/db.js';
import { type Community, toCommunity, toCommunityRow } from './community.js';

export async function findCommunityById(db: Executor, id: string): Promise<Community | null> {
  const row = await db.selectFrom('communities').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCommunity(row) : null;
}

export async function findCommunityOrThrow(db: Executor, id: string): Promise<Community> {
  const community = await findCommunityById(db, id);
  if (!community) throw notFound('The community');
  return community;
}

export async function findCommunityBySlug(db: Executor, slug: string): Promise<Community | null> {
  const row = await db
    .selectFrom('communities')
    .selectAll()
    .where('slug', '=', slug.toLowerCase())
    .executeTakeFirst();
  return row ? toCommunity(row) : null;
}

/** The first two communities: enough to tell none, exactly one, or several. */
export async function listFirstCommunities(db: Executor): Promise<Community[]> {
  const rows = await db.selectFrom('communities').selectAll().orderBy('id').limit(2).execute();
  return rows.map(toCommunity);
}

/** Every community, for work that runs across them (reminders); a deployment has few. */
export async function listCommunities(db: Executor): Promise<Community[]> {
  const rows = await db.selectFrom('communities').selectAll().orderBy('id').execute();
  return rows.map(toCommunity);
}

export async function insertCommunity(db: Executor, community: Community): Promise<void> {
  await db.insertInto('communities').values(toCommunityRow(community)).execute();
}

/**
 * Reads a community under a row lock, so read-then-write changes to it (settings saved by two
 * admins, the last system admin demoted by two others) take turns.
 */
export async function lockCommunity(db: Executor, id: string): Promise<Community> {
  const row = await db
    .selectFrom('communities')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('The community');
  return toCommunity(row);
}

export async function updateCommunity(db: Executor, community: Community): Promise<void> {
  const { id, created_at: _createdAt, ...fields } = toCommunityRow(community);
  await db.updateTable('communities').set(fields).where('id', '=', id).execute();
}
