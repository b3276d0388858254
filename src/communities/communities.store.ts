import { notFound } from '../errors.js';
import type { Db, Tx } from '../storage/db.js';
import type { CommunitiesTable } from '../storage/schema.js';

export type CommunityRow = CommunitiesTable;

export function findCommunityById(db: Db | Tx, id: string): Promise<CommunityRow | undefined> {
  return db.selectFrom('communities').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCommunityOrThrow(db: Db | Tx, id: string): Promise<CommunityRow> {
  const community = await findCommunityById(db, id);
  if (!community) throw notFound('The community');
  return community;
}

export function findCommunityBySlug(db: Db | Tx, slug: string): Promise<CommunityRow | undefined> {
  return db.selectFrom('communities').selectAll().where('slug', '=', slug.toLowerCase()).executeTakeFirst();
}

/** The first two communities: enough to tell none, exactly one, or several. */
export function listFirstCommunities(db: Db | Tx): Promise<CommunityRow[]> {
  return db.selectFrom('communities').selectAll().orderBy('id').limit(2).execute();
}
